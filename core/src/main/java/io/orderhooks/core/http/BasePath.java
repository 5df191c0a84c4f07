package io.orderhooks.core.http;

/** Where a receiver is mounted, in the one form every adapter uses: {@code ""} or {@code /a/b} (no trailing slash). */
public final class BasePath {

    private BasePath() {
    }

    /**
     * {@code null}, blank and {@code /} become {@code ""}; otherwise a leading slash is added and a trailing one
     * removed, e.g. {@code integration/} → {@code /integration}.
     */
    public static String normalize(String basePath) {
        if (basePath == null || basePath.isBlank() || basePath.equals("/")) {
            return "";
        }
        String p = basePath.trim();
        p = p.startsWith("/") ? p : "/" + p;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
}
