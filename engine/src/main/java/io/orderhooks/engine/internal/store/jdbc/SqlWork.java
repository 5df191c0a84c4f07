package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/** Work on one connection (inside a transaction or not, see {@link Transactions}). */
@FunctionalInterface
interface SqlWork<R> {
    R run(Connection c) throws SQLException;
}
