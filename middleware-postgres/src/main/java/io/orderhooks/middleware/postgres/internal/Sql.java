package io.orderhooks.middleware.postgres.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.orderhooks.core.json.OrderCloudJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import javax.sql.DataSource;

/** Plain JDBC helpers: instants as {@code timestamptz}, string maps as JSON text, and SQL failures as unchecked exceptions. */
final class Sql {

    /** The schema every table lives in. */
    static final String SCHEMA = "orderhooks_middleware";

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private Sql() {}

    /** A string map as a JSON object, for a {@code text} column. */
    static String json(Map<String, String> map) {
        try {
            return OrderCloudJson.mapper().writeValueAsString(map);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A string map written by {@link #json}; empty for null. */
    static Map<String, String> stringMap(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return OrderCloudJson.mapper().readValue(json, STRING_MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Runs {@code work} in one transaction on a pooled connection. */
    static <T> T inTransaction(DataSource data, Work<T> work) {
        try (Connection c = data.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new StateException(e);
        }
    }

    /** Runs one read-only {@code work} in auto-commit mode (no transaction round trips). */
    static <T> T read(DataSource data, Work<T> work) {
        try (Connection c = data.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StateException(e);
        }
    }

    static void set(PreparedStatement s, int index, Instant instant) throws SQLException {
        s.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet r, String column) throws SQLException {
        OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** A failure of the state database, unchecked; its message names the SQL state. */
    static final class StateException extends RuntimeException {
        StateException(SQLException cause) {
            super("middleware state database: " + cause.getMessage() + " [SQLState " + cause.getSQLState() + "]", cause);
        }
    }
}
