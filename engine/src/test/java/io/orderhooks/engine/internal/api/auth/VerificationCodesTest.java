package io.orderhooks.engine.internal.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.time.MutableClock;
import io.orderhooks.engine.internal.store.Store;
import io.orderhooks.engine.internal.store.internal.InMemoryStore;
import io.orderhooks.engine.internal.store.jdbc.JdbcStores;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VerificationCodesTest {

    @TempDir
    static Path dir;

    final MutableClock clock = MutableClock.at("2026-03-01T10:00:00Z");

    static Stream<String> stores() {
        return Stream.of("memory", "h2");
    }

    Store opened;

    Store store(String kind) {
        opened = kind.equals("memory") ? new InMemoryStore() : JdbcStores.h2(dir.resolve("codes-" + System.nanoTime()));
        return opened;
    }

    @org.junit.jupiter.api.AfterEach
    void close() throws Exception {
        if (opened instanceof AutoCloseable c) {
            c.close();
        }
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aCodeIsRedeemedOnceAndStoredOnlyAsItsHash(String kind) {
        Store store = store(kind);
        VerificationCodes codes = new VerificationCodes(clock, store);
        String code = codes.issue("b1", "u1", "shop");
        List<AuthTables.StoredCode> stored = store.table(AuthTables.VERIFICATION_CODES).list();
        assertThat(stored).extracting(AuthTables.StoredCode::id).containsExactly(RefreshTokens.digest(code));
        assertThat(stored.get(0).expiresAt()).isEqualTo(clock.instant().plus(VerificationCodes.LIFETIME));
        assertThat(codes.redeem(code, c -> false)).isEmpty();
        assertThat(codes.redeem(code, c -> true)).map(AuthTables.StoredCode::userID).contains("u1");
        assertThat(codes.redeem(code, c -> true)).isEmpty();
        assertThat(codes.redeem("", c -> true)).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("stores")
    void aCodeExpiresAtTheEndOfItsLifetimeAndIsThenForgotten(String kind) {
        Store store = store(kind);
        VerificationCodes codes = new VerificationCodes(clock, store);
        String code = codes.issue("b1", "u1", null);
        clock.advance(VerificationCodes.LIFETIME.minusSeconds(1));
        String other = codes.issue("b1", "u1", null);
        clock.advance(java.time.Duration.ofSeconds(1));
        assertThat(codes.redeem(code, c -> true)).isEmpty();
        assertThat(store.table(AuthTables.VERIFICATION_CODES).list()).hasSize(1);
        assertThat(codes.redeem(other, c -> true)).isPresent();
    }
}
