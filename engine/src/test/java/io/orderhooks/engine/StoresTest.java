package io.orderhooks.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Choosing a store: what is refused before anything opens, and what the engine prints. */
class StoresTest {

    @Test
    void aPostgresqlPoolSizeIsShownWhenNotTheDefaultAndLessThanOneIsRefused() {
        assertThat(Stores.postgresql("postgresql://db:5432/shop?ssl=true", "u", "p"))
                .hasToString("postgresql jdbc:postgresql://db:5432/shop");
        assertThat(Stores.postgresql("postgresql://db:5432/shop", "u", "p", 5))
                .hasToString("postgresql jdbc:postgresql://db:5432/shop (pool 5)");
        assertThatThrownBy(() -> Stores.postgresql("postgresql://db:5432/shop", "u", "p", 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the PostgreSQL pool needs at least 1 connection, was 0");
        assertThatThrownBy(() -> Stores.postgresql("mysql://db/shop", "u", "p", 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("not a PostgreSQL URL: mysql://db/shop");
    }
}
