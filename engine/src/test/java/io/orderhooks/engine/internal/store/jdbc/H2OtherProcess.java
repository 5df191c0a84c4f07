package io.orderhooks.engine.internal.store.jdbc;

import java.nio.file.Path;

/**
 * A second process opening an H2 data folder ({@link H2TableVersionsTest}): prints {@code opened} and exits 0 when the
 * store opened, prints {@code refused: <why>} and exits 2 when it was refused.
 */
final class H2OtherProcess {

    private H2OtherProcess() {
    }

    public static void main(String[] args) {
        try (JdbcStore store = JdbcStores.h2(Path.of(args[0]))) {
            System.out.println("opened " + store.problem());
        } catch (StoreStartFailure e) {
            System.out.println("refused: " + e.getMessage());
            System.exit(2);
        }
        System.exit(0);
    }
}
