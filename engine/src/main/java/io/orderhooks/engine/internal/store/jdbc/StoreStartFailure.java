package io.orderhooks.engine.internal.store.jdbc;

/**
 * The store cannot open (data folder not writable, disk full, database unreachable, a failed or refused
 * migration). Its message is the one line an operator sees; the engine does not start.
 */
public final class StoreStartFailure extends IllegalStateException {

    public StoreStartFailure(String message) {
        super(message);
    }

    public StoreStartFailure(String message, Throwable cause) {
        super(message, cause);
    }

    /** The innermost message of {@code t}'s causes, on one line. */
    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }
}
