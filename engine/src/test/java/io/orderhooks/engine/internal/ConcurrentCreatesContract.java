package io.orderhooks.engine.internal;

import static io.orderhooks.engine.internal.PromoFixture.promo;
import static io.orderhooks.engine.internal.PromoFixture.thrown;
import static org.assertj.core.api.Assertions.assertThat;

import io.orderhooks.core.error.OrderCloudException;
import io.orderhooks.core.model.SpendingAccount;
import io.orderhooks.engine.internal.store.Store;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Create or 409 is one atomic write on every store: of two racing creates of one ID (or of one username, or one
 * promotion code) exactly one succeeds and the other gets the 409, never an overwrite. Run on every store through
 * {@link CheckoutOutsideTransactionsContract}'s subclasses (JDBC stores with a pool of two connections).
 */
abstract class ConcurrentCreatesContract {

    /** A store with at most {@code poolSize} database connections (ignored in memory). */
    protected abstract Store open(int poolSize);

    final Store store = open(2);
    final PromoFixture p = new PromoFixture(new EngineFixture(b -> b.store(store)));
    final EngineFixture f = p.f;
    final Engine e = p.e;
    final ExecutorService background = Executors.newFixedThreadPool(2);

    @AfterEach
    void close() throws Exception {
        background.shutdownNow();
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }

    @Test
    void concurrentCreatesOfOneIdCreateItOnceAndAnswerTheOthersIdExists() throws Exception {
        java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
        java.util.Map<String, Callable<Object>> creates = java.util.Map.ofEntries(
                java.util.Map.entry("409 Buyer already exists: b9",
                        () -> e.orgs().createBuyer(f.seller, new io.orderhooks.core.model.Buyer("b9", "Nine", "cat", true, null, null))),
                java.util.Map.entry("409 Promotion already exists: TWICE", () -> e.promotions().create(f.seller, promo("TWICE", "true", "1").build())),
                java.util.Map.entry("409 This code is already in use on another promotion.", // two IDs, one code
                        () -> e.promotions().create(f.seller, promo("SAMECODE", "true", "1").id("pc" + n.incrementAndGet()).build())),
                java.util.Map.entry("409 Catalog already exists: cat9", () -> e.catalog().saveCatalog(f.seller,
                        io.orderhooks.core.model.Catalog.builder().id("cat9").name("Nine").build(), true)),
                java.util.Map.entry("409 Spec already exists: spec9", () -> e.catalog().saveSpec(f.seller,
                        io.orderhooks.core.model.Spec.builder().id("spec9").name("Nine").build(), true)),
                java.util.Map.entry("409 User already exists: u9", () -> e.orgs().saveUser(f.seller, "b1", user("u9", "nine"), true)),
                java.util.Map.entry("409 Username already exists in this Marketplace.", // two IDs, one username (any case)
                        () -> e.orgs().saveUser(f.seller, "b1", user("ux" + n.incrementAndGet(), n.get() % 2 == 0 ? "Same" : "sAME"), true)),
                java.util.Map.entry("409 UserGroup already exists: g9", () -> e.orgs().saveUserGroup(f.seller, "b1",
                        new io.orderhooks.core.model.UserGroup("g9", "Nine", null, null), true)),
                java.util.Map.entry("409 Address already exists: a9", () -> e.addresses().saveAddress(f.seller, "b1",
                        io.orderhooks.core.model.Address.builder().id("a9").street1("9 Main St").build(), true)),
                java.util.Map.entry("409 Address already exists: m9", () -> e.addresses().createMyAddress(f.u1,
                        io.orderhooks.core.model.Address.builder().id("m9").street1("9 My St").build())),
                java.util.Map.entry("409 SpendingAccount already exists: sa9", () -> e.spendingAccounts().save(f.seller, "b1",
                        new SpendingAccount("sa9", "Nine", BigDecimal.TEN, true, null, null, null, null), true)),
                java.util.Map.entry("409 Category already exists: c9", () -> e.categories().save(f.seller, "cat", "c9",
                        new io.orderhooks.core.model.Category(null, "Nine", null, null, null, null, null, null), true, true)));
        for (var create : creates.entrySet()) {
            List<Future<Object>> racing = List.of(inBackground(create.getValue()), inBackground(create.getValue()));
            List<String> outcomes = new ArrayList<>();
            for (Future<Object> r : racing) {
                try {
                    r.get(30, TimeUnit.SECONDS);
                    outcomes.add("created");
                } catch (ExecutionException x) {
                    outcomes.add(((OrderCloudException) x.getCause()).status() + " " + ((OrderCloudException) x.getCause()).getMessage());
                }
            }
            assertThat(outcomes).as(create.getKey()).containsExactlyInAnyOrder("created", create.getKey());
        }
        assertThat(e.orgs().getBuyer(f.seller, "b9").name()).isEqualTo("Nine");
        thrown(() -> e.promotions().create(f.seller, promo("TWICE", "true", "1").build()), "IdExists");
        assertThat(e.orgs().listUsers(f.seller, "b1").stream().filter(u -> u.username().equalsIgnoreCase("same"))).hasSize(1);
        assertThat(e.promotions().list(f.seller).stream().filter(pr -> pr.code().equals("SAMECODE"))).hasSize(1);
        assertThat(e.orgs().findByUsername("SAME")).isPresent();
    }

    @Test
    void aUsernameOrCodeTakenByAnotherIsRefusedOnReplaceAndMoveKeepsTheUsersUsername() {
        e.orgs().saveUser(f.seller, "b1", user("ua", "alpha"), true);
        e.orgs().saveUser(f.seller, "b2", user("ub", "beta"), true);
        OrderCloudException taken = thrown(() -> e.orgs().saveUser(f.seller, "b2", user("ub", "ALPHA")), "User.UsernameMustBeUnique");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(e.orgs().getUser(f.seller, "b2", "ub").username()).isEqualTo("beta");
        e.orgs().saveUser(f.seller, "b1", user("ua", "Alpha")); // its own username, in another case
        assertThat(e.orgs().moveUser(f.seller, "b1", "ua", "b2").username()).isEqualTo("Alpha");
        assertThat(e.orgs().findByUsername("alpha").orElseThrow().companyID()).isEqualTo("b2");
        e.orgs().saveUser(f.seller, "b1", user("ua", "gamma"), true);
        thrown(() -> e.orgs().moveUser(f.seller, "b1", "ua", "b2"), "IdExists");
        assertThat(e.orgs().getUser(f.seller, "b1", "ua").username()).as("a refused move changes nothing").isEqualTo("gamma");

        e.promotions().create(f.seller, promo("CODE1", "true", "1").id("p1").build());
        e.promotions().create(f.seller, promo("CODE2", "true", "1").id("p2").build());
        thrown(() -> e.promotions().save(f.seller, promo("code1", "true", "1").id("p2").build()), "Promotion.CodeInUse");
        assertThat(e.promotions().get(f.seller, "p2").code()).isEqualTo("CODE2");
    }

    static io.orderhooks.core.model.User user(String id, String username) {
        return io.orderhooks.core.model.User.builder().id(id).username(username).firstName("F").lastName("L")
                .email(id + "@example.com").active(true).build();
    }

    <T> Future<T> inBackground(Callable<T> call) {
        return background.submit(call);
    }
}
