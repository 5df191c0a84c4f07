package io.orderhooks.engine.internal.query.internal;

/**
 * A case-insensitive wildcard pattern: literal parts separated by {@code *}, each {@code *} standing for
 * any run of characters (possibly empty). Matches without allocating.
 */
public final class Glob {

    private final String[] parts;

    /** {@code parts} are the literal texts between wildcards: {@code *oh*} is {@code ["", "oh", ""]}. */
    public Glob(String[] parts) {
        if (parts.length < 2) {
            throw new IllegalArgumentException("a glob has at least one wildcard");
        }
        this.parts = parts.clone();
    }

    /** A pattern matching any text containing {@code text}, ignoring case. */
    public static Glob contains(String text) {
        return new Glob(new String[] {"", text, ""});
    }

    /** The literal texts between the wildcards (at least two). */
    public String[] parts() {
        return parts.clone();
    }

    public boolean matches(String text) {
        String first = parts[0];
        String last = parts[parts.length - 1];
        int length = text.length();
        if (length < first.length() + last.length()
                || !text.regionMatches(true, 0, first, 0, first.length())
                || !text.regionMatches(true, length - last.length(), last, 0, last.length())) {
            return false;
        }
        int from = first.length();
        int end = length - last.length();
        for (int i = 1; i < parts.length - 1; i++) {
            int at = indexOfIgnoreCase(text, parts[i], from, end);
            if (at < 0) {
                return false;
            }
            from = at + parts[i].length();
        }
        return true;
    }

    private static int indexOfIgnoreCase(String text, String part, int from, int end) {
        for (int i = from; i + part.length() <= end; i++) {
            if (text.regionMatches(true, i, part, 0, part.length())) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return String.join("*", parts);
    }
}
