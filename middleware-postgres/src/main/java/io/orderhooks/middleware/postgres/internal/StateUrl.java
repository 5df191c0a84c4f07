package io.orderhooks.middleware.postgres.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A state database location as users write it: {@code postgresql://user:password@host:port/database?options}
 * (the libpq form; {@code postgres://} too) or a JDBC URL {@code jdbc:postgresql://..} whose credentials, if
 * any, are in its options.
 *
 * @param jdbcUrl the JDBC URL without credentials in its authority
 * @param user the user, or null
 * @param password the password, or null
 */
public record StateUrl(String jdbcUrl, String user, String password) {

    /** @throws IllegalArgumentException naming what is wrong with {@code url} (never echoing a password) */
    public static StateUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the state URL is empty; expected postgresql://user:password@host:port/database");
        }
        String u = url.trim();
        if (u.startsWith("jdbc:postgresql://")) {
            return new StateUrl(u, null, null);
        }
        if (!u.startsWith("postgresql://") && !u.startsWith("postgres://")) {
            throw new IllegalArgumentException("the state URL must start with postgresql:// (or jdbc:postgresql://), was "
                    + u.substring(0, Math.min(u.length(), u.indexOf(':') < 0 ? 12 : u.indexOf(':') + 3)) + "..");
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the state URL is malformed: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new IllegalArgumentException("the state URL needs a host and a database: postgresql://host:port/database");
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            user = decode(parts[0]);
            password = parts.length > 1 ? decode(parts[1]) : null;
        }
        String jdbc = "jdbc:postgresql://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
                + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new StateUrl(jdbc, user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return jdbcUrl + (user == null ? "" : " as " + user);
    }
}
