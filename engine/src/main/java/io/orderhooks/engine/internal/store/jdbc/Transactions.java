package io.orderhooks.engine.internal.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Connections and transactions, bound to the calling thread: while {@link #inTransaction} runs on a thread, every
 * store call made on that thread (an order, any table) joins the same transaction, so everything one operation
 * changes commits together or not at all. Outside a transaction each call is its own short transaction.
 */
final class Transactions {

    private final DataSource pool;
    /** How a transaction that wrote read-mostly tables commits and tells {@link SharedReads} (per database). */
    private final TableVersions versions;
    /** How many requests ran again because the versions they assumed were no longer current ({@link #request}). */
    private final java.util.concurrent.atomic.AtomicLong reruns = new java.util.concurrent.atomic.AtomicLong();
    /**
     * The thread's transaction state under this store: one object per thread, got with one lookup, its fields set and
     * cleared in place (null or false is absent). Nine thread-locals set and removed several times per request cost the thread's
     * map its stale-entry clean-ups on every request.
     */
    private final ThreadLocal<ThreadState> state = ThreadLocal.withInitial(ThreadState::new);

    /** What {@link #state} holds per thread. */
    private static final class ThreadState {
        Connection current;
        TransactionReads reads;
        java.util.List<Runnable> afterCommit;
        /** The reads made together outside a transaction ({@link #readTogether}), while they last. */
        TransactionReads together;
        /**
         * The last group of reads ({@link #readTogether}) of the thread, once it ended, while the thread has made no other
         * store call since: what {@link #groupReads} offers the order write that follows it.
         */
        TransactionReads ended;
        /** Set while the thread serves one request ({@link #request}): its groups of reads may continue one another. */
        boolean request;
        /** What the thread's optimistic order write runs before the first table write of its work ({@link #beforeWrite}). */
        SqlWork<Void> beforeFirstWrite;
        /** The document writes of the thread's optimistic order write waiting for its order statement ({@link #defer}). */
        DeferredWrites deferred;
        /**
         * The versions the thread's request runs on without having read them ({@link #request}: the process's last-known
         * ones), until its first externally visible act proves them current ({@link #prove}); absent otherwise.
         */
        Assumed assumed;
    }

    private ThreadState state() {
        return state.get();
    }


    /**
     * The versions a request assumed ({@link TableVersions#lastKnown}), the shared tables whose answers it took under
     * them ({@link SharedReads}), and whether a proof found one of those changed (then nothing more may be done on them:
     * every act throws {@link StaleVersions} and the request runs again on fresh reads).
     */
    static final class Assumed {
        private final Map<String, Long> versions;
        private final java.util.Set<String> used = new java.util.HashSet<>(64); // a line add uses more than the default holds before growing (12)
        private boolean stale;

        Assumed(Map<String, Long> versions) {
            this.versions = versions;
        }

        Map<String, Long> versions() {
            return versions;
        }

        /** An answer of {@code table} was taken under these versions. */
        void used(String table) {
            used.add(table);
        }

        /** The assumed version of every table used so far. */
        Map<String, Long> usedVersions() {
            Map<String, Long> out = new java.util.HashMap<>();
            for (String t : used) {
                out.put(t, versions.get(t));
            }
            return out;
        }
    }

    /**
     * A request's assumed versions were found changed before it made any externally visible act: it runs again from the
     * start on fresh reads ({@link #request}). Nothing may catch it for good: the request's state stays stale, so every
     * later act of the request throws it again and the request scope runs the request again however it ended.
     */
    static final class StaleVersions extends RuntimeException {
        StaleVersions() {
            super("the read-mostly tables changed since the versions this request assumed", null, false, false);
        }
    }

    /**
     * A process-wide sequence ordering the moments the order cache remembers a row and the moments table versions
     * are read ({@link OrderCache}, {@link SharedReads}): a smaller tick happened before.
     */
    private static final java.util.concurrent.atomic.AtomicLong TICKS = new java.util.concurrent.atomic.AtomicLong();

    Transactions(DataSource pool, TableVersions versions) {
        this.pool = pool;
        this.versions = versions;
    }

    /**
     * The reads cache of the calling thread's transaction ({@link TransactionReads}), or of the reads it makes together
     * ({@link #readTogether}); null otherwise, where every read is its own statement.
     */
    TransactionReads reads() {
        ThreadState t = state();
        TransactionReads inTransaction = t.reads;
        return inTransaction != null ? inTransaction : t.together;
    }

    /**
     * Runs the reads of {@code work} as one group when the calling thread is outside a transaction: they share one
     * {@link TransactionReads}, so {@link SharedReads} checks the read-mostly tables' versions once for all of them.
     * Each read is still a statement in auto-commit mode of its own (no transaction, no {@code COMMIT}). The group ends
     * when {@code work} returns, and as soon as the thread starts a transaction (what it reads after its own write is
     * read after that write). Inside a transaction {@code work} just joins it.
     *
     * <p>Inside one request ({@link #request}), a group that starts while the request's previous group has ended and
     * the thread has made no store call since (no read, no transaction) and no call out ({@link #endGroups})
     * <b>continues</b> it: it starts with the versions that group read, so one request's groups (the token check's,
     * then the checkout endpoint's or an order create's) cost one versions statement. What it answers from them is
     * what the database held when that statement ran, during the same request, with nothing of the thread's own in
     * between (docs/DURABILITY.md, "Reads"). Outside a request, and for a request's first group, a group reads anew.
     */
    <R> R readTogether(java.util.function.Supplier<R> work) {
        ThreadState t = state();
        if (t.current != null || t.together != null) {
            return work.get();
        }
        TransactionReads previous = t.request ? t.ended : null;
        t.ended = null;
        TransactionReads group = new TransactionReads();
        Assumed running = t.assumed;
        if (running != null && !running.stale) {
            group.assume(running);
        } else if (previous != null && previous.versions() != null) {
            group.versions(previous.versions(), previous.versionsTick());
        }
        t.together = group;
        try {
            return work.get();
        } finally {
            if (t.together == group) {
                t.together = null;
                if (group.versions() != null) {
                    t.ended = group;
                }
            }
        }
    }

    /**
     * The thread's group of reads ({@link #readTogether}): the one running, or the one that ended last when the thread
     * has made no store call since (no read, no transaction, no other group); else null. What an optimistic order
     * write may take the table versions from (see {@link JdbcStore#withOrder}).
     */
    TransactionReads groupReads() {
        ThreadState t = state();
        TransactionReads running = t.together;
        return running != null ? running : t.ended;
    }

    /**
     * Runs {@code work}, one API request, as the scope within which the thread's groups of reads may continue one
     * another ({@link #readTogether}); nothing read before it is continued in it, nothing read in it after it.
     *
     * <p><b>Assumed versions</b> (where reading the versions costs a statement: PostgreSQL, {@link TableVersions#lastKnown}).
     * The request starts on the versions this process last knew instead of reading them: its groups of reads and its
     * optimistic order write answer the read-mostly tables from {@link SharedReads} under them. That holds only up to the
     * request's first externally visible act, each of which is preceded by a proof that the versions of the tables the
     * request used are still the current ones: the order's guarded statement carries the check itself
     * ({@link #guardOf}: it writes nothing unless they are), any other act reads the versions first ({@link #prove}: a
     * transaction's start, a switch to an explicit one, a statement alone, a call out over the network), and so does the
     * answer when no act came before it (here, when {@code work} returns or throws). A proof that finds a used table
     * changed leaves nothing done (no act was made), and the request runs again from the start with every versions read
     * made anew; so a request never acts or answers on an answer older than the moment of its proof (docs/DURABILITY.md,
     * "Reads"). After its first act a request reads versions as before (each group, each transaction).
     */
    <R> R request(java.util.function.Supplier<R> work) {
        ThreadState t = state();
        if (t.request) {
            return work.get();
        }
        t.ended = null;
        t.request = true;
        try {
            Map<String, Long> known = versions.lastKnown();
            if (known == null) {
                return work.get();
            }
            Assumed a = new Assumed(known);
            t.assumed = a;
            R r = null;
            try {
                r = work.get();
                prove(null); // the answer: proven unless an act came before it
            } catch (RuntimeException | Error e) {
                if (!a.stale) {
                    try {
                        prove(null); // a refusal is an answer too
                    } catch (StaleVersions stale) {
                        // answered again below, on fresh reads
                    }
                }
                if (!a.stale) {
                    throw e;
                }
            }
            if (!a.stale) {
                return r;
            }
            t.assumed = null;
            t.ended = null;
            t.together = null;
            reruns.incrementAndGet();
            return work.get();
        } finally {
            t.request = false;
            t.ended = null;
            t.assumed = null;
        }
    }

    /** How many requests ran again because the versions they assumed had changed ({@link #request}). */
    long reruns() {
        return reruns.get();
    }

    /**
     * Before an externally visible act of the thread (on {@code c}, null: a pooled connection in auto-commit mode): when
     * its request still runs on assumed versions ({@link #request}), proves that the tables it used have them still, by
     * reading the versions (one statement); throws {@link StaleVersions} when one changed. Either way the request no
     * longer assumes: the reads cache of the thread's group or transaction continues on the versions just read (or, when
     * the request used no shared table, reads them at its next shared read). Returns the versions read, or null.
     */
    private Map<String, Long> prove(Connection c) {
        ThreadState t = state();
        Assumed a = t.assumed;
        if (a == null) {
            return null;
        }
        if (a.stale) {
            throw new StaleVersions();
        }
        t.assumed = null;
        TransactionReads running = reads();
        if (a.used.isEmpty()) {
            if (running != null && running.assumed() == a) {
                running.forgetAssumed();
            }
            return null;
        }
        long tick = tick();
        Map<String, Long> now;
        try {
            if (c != null) {
                now = versions.read(c);
            } else {
                try (Connection pooled = pool.getConnection()) {
                    if (!pooled.getAutoCommit()) {
                        pooled.setAutoCommit(true);
                    }
                    now = versions.read(pooled);
                }
            }
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
        proven(a, now, tick, running);
        return now;
    }

    /**
     * The proof's verdict on {@code a} (no longer the thread's assumption): {@code now}, read at {@code tick}, shows
     * every table {@code a} used at its assumed version, else {@link StaleVersions} (and the request is stale). Proven,
     * the reads cache of the thread's group or transaction continues on {@code now}.
     */
    private void proven(Assumed a, Map<String, Long> now, long tick, TransactionReads running) {
        for (String table : a.used) {
            if (!java.util.Objects.equals(now.get(table), a.versions.get(table))) {
                a.stale = true;
                state().assumed = a;
                throw new StaleVersions();
            }
        }
        if (running != null && running.assumed() == a) {
            running.forgetAssumed();
            running.versions(now, tick);
        }
    }

    /**
     * Whether the thread's request still runs on assumed versions and used a shared table under them ({@link #request}),
     * so that its next statement that reads rows anyway may carry the proof ({@link TableVersions#COLUMN}, PostgreSQL):
     * take a {@link #tick} before that statement and give what the column held to {@link #provenBy}. Then the proof costs
     * no statement of its own, and the act that follows finds nothing left to prove.
     */
    boolean proofDue() {
        Assumed a = state().assumed;
        return a != null && !a.stale && !a.used.isEmpty();
    }

    /**
     * The proof a read carried ({@link #proofDue}): {@code column}, what {@link TableVersions#COLUMN} held in a row the
     * statement returned, read in the same snapshot as that row after {@code tick}; null when it returned no row (the
     * request still assumes: its next act proves them as before). As {@link #prove}: {@link StaleVersions} when a used
     * table changed, else the request no longer assumes and its group or transaction reads on the versions read. What it
     * answered under the assumed versions is then proven as of that statement, before any act that follows it, exactly
     * as a proof made by the act itself (docs/DURABILITY.md, "Reads").
     */
    void provenBy(String column, long tick) {
        ThreadState t = state();
        Assumed a = t.assumed;
        if (column == null || a == null || a.stale) {
            return;
        }
        Map<String, Long> now = versions.parsed(column);
        t.assumed = null;
        TransactionReads running = reads();
        proven(a, now, tick, running);
        if (running == null && t.request) {
            // a lone read (no group, no transaction): the request's next group continues on the versions it read, as it
            // would on those of a group that ended there (nothing of the thread's own in between, #readTogether)
            TransactionReads read = new TransactionReads();
            read.versions(now, tick);
            t.ended = read;
        }
    }

    /**
     * The versions check the thread's optimistic order statement must carry, when its request still runs on assumed
     * versions ({@link #request}) and the statement commits alone ({@code c} in auto-commit mode): the assumed version of
     * every shared table the request used; the statement writes nothing unless each is still current. Null when there is
     * nothing to check (no assumption, or no table used). Report the statement's outcome with {@link #guarded(boolean)}.
     */
    Map<String, Long> guardOf(Connection c) throws SQLException {
        ThreadState t = state();
        Assumed a = t.assumed;
        if (a == null) {
            return null;
        }
        if (a.stale) {
            throw new StaleVersions();
        }
        if (!c.getAutoCommit()) {
            prove(c);
            return null;
        }
        if (a.used.isEmpty()) {
            t.assumed = null;
            return null;
        }
        return a.usedVersions();
    }

    /**
     * The outcome of the guarded statement whose check {@link #guardOf} gave: written, it proved the assumed versions
     * (the request acts on them from here on as on versions it read); not written, the request still assumes them, so
     * whatever it does next proves them first ({@link #prove}).
     */
    void guarded(boolean written) {
        ThreadState t = state();
        Assumed a = t.assumed;
        if (written && a != null) {
            t.assumed = null;
            TransactionReads running = reads();
            if (running != null && running.assumed() == a) {
                running.forgetAssumed();
            }
        }
    }

    /**
     * Ends the thread's groups of reads: the one that ended last is no longer offered to a following group or order
     * write ({@link #groupReads}). Called before the thread calls out over the network ({@link JdbcStore#callingOut}):
     * a call out is an externally visible act, so a request still on assumed versions proves them first ({@link #prove};
     * {@link StaleVersions} when they changed, the call not made).
     */
    void endGroups() {
        prove(null);
        state().ended = null;
    }

    /** The next tick of the process-wide sequence ({@link #TICKS}). */
    static long tick() {
        return TICKS.incrementAndGet();
    }

    /**
     * Runs {@code action} once the calling thread's transaction commits (dropped if it, or the savepoint the action
     * was registered behind, rolls back); at once outside a transaction. Actions must not fail.
     */
    void afterCommit(Runnable action) {
        java.util.List<Runnable> pending = state().afterCommit;
        if (pending == null) {
            action.run();
        } else {
            pending.add(action);
        }
    }

    /** Whether the calling thread is inside a transaction of this pool. */
    boolean active() {
        return state().current != null;
    }

    /**
     * Runs {@code work} in the thread's transaction, or in a new one committed when {@code work} returns and
     * rolled back when it throws. SQL failures surface as {@link StoreFailures#unavailable} (503).
     */
    <R> R inTransaction(SqlWork<R> work) {
        Connection joined = state().current;
        if (joined != null) {
            explicit(joined);
            return run(joined, work);
        }
        return begin(work, null, null, false);
    }

    /**
     * Runs {@code work} in a new transaction (the thread must not be in one) that starts with the table versions of
     * {@code versionsOf} (null: none; {@link SharedReads} then reads them at the transaction's first shared read) and
     * runs {@code beforeFirstWrite} (once) when the work is about to write its first table ({@link #beforeWrite}).
     *
     * <p>{@code autoCommitUntilWrite} (PostgreSQL): the connection stays in auto-commit mode until the work is about to
     * write, so its reads are statements of their own and a work whose only write is one statement (the order's
     * version-guarded update) commits with it: one round trip, no {@code COMMIT}. Any write-capable call that joins the
     * transaction ({@link #inTransaction}, {@link #guarded}, {@link #nested}, {@link #beforeWrite}) and a write of more
     * than one statement ({@link #explicit}) switch to an explicit transaction first, so several writes still commit
     * together or not at all (docs/DURABILITY.md, "Transactions"). Otherwise as {@link #inTransaction}.
     */
    <R> R optimistic(SqlWork<R> work, TransactionReads versionsOf, SqlWork<Void> beforeFirstWrite,
            boolean autoCommitUntilWrite) {
        if (state().current != null) {
            throw new IllegalStateException("an optimistic transaction cannot join another one");
        }
        return begin(work, versionsOf, beforeFirstWrite, autoCommitUntilWrite);
    }

    /**
     * Makes the thread's transaction on {@code c} an explicit one if it is still in auto-commit mode (an optimistic
     * transaction before its first write, {@link #optimistic}): what {@code c} runs from here on commits together. No
     * round trip on PostgreSQL (the driver sends {@code BEGIN} with the next statement). A request still on assumed
     * versions proves them first ({@link #prove}): what the transaction writes is an act. When the transaction is an
     * optimistic order write whose lock is still to be taken ({@link #beforeWrite}), the lock is taken now, and its
     * statement carries the proof ({@link OrderCache#lockIfCurrent}: the versions read in the same statement, so the
     * proof costs no round trip of its own); only when it could not (no such order row) is the proof a statement of its
     * own, still before anything is written. Document writes the transaction deferred ({@link #defer}) are made right
     * after that lock, as statements of their own.
     */
    void explicit(Connection c) {
        ThreadState t = state();
        try {
            if (c.getAutoCommit()) {
                SqlWork<Void> lock = t.beforeFirstWrite;
                DeferredWrites waiting = t.deferred;
                if (lock != null && (proofDue() || waiting != null)) {
                    c.setAutoCommit(false);
                    t.beforeFirstWrite = null;
                    lock.run(c);
                    prove(c); // nothing to prove when the lock's statement carried it
                    if (waiting != null) {
                        t.deferred = null;
                        waiting.flush(c);
                    }
                    return;
                }
                prove(c);
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    /**
     * {@link #explicit} without the proof, for H2 only, whose versions cost no statement and are never assumed
     * ({@link TableVersions.InProcess#lastKnown}).
     */
    static void explicitOnH2(Connection c) {
        try {
            if (c.getAutoCommit()) {
                c.setAutoCommit(false);
            }
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    /**
     * Called by every table write before it writes ({@link JdbcRepository}): runs what the thread's optimistic order
     * write must do before its work writes a table (takes the order's lock), once, in an explicit transaction.
     */
    void beforeWrite(Connection c) throws SQLException {
        ThreadState t = state();
        explicit(c);
        SqlWork<Void> first = t.beforeFirstWrite;
        if (first != null) {
            t.beforeFirstWrite = null;
            first.run(c);
        }
    }

    private <R> R begin(SqlWork<R> work, TransactionReads versionsOf, SqlWork<Void> hook, boolean autoCommitUntilWrite) {
        ThreadState t = state();
        t.together = null;
        t.ended = null;
        long started = tick();
        try (Connection c = pool.getConnection()) {
            if (c.getAutoCommit() != autoCommitUntilWrite) {
                c.setAutoCommit(autoCommitUntilWrite);
            }
            TransactionReads fresh = new TransactionReads();
            Assumed running = t.assumed;
            if (hook != null && autoCommitUntilWrite && running != null && !running.stale) {
                fresh.assume(running); // its one write carries the check (guardOf), any other proves first
            } else {
                long tick = tick();
                Map<String, Long> proven = prove(c);
                if (proven != null) {
                    fresh.versions(proven, tick);
                } else if (versionsOf != null && versionsOf.versions() != null) {
                    fresh.versions(versionsOf.versions(), versionsOf.versionsTick());
                }
            }
            t.current = c;
            t.reads = fresh;
            if (hook != null) {
                t.beforeFirstWrite = hook;
            }
            java.util.List<Runnable> pending = new java.util.ArrayList<>();
            t.afterCommit = pending;
            try {
                R r = work.run(c);
                TransactionReads done = t.reads;
                if (!c.getAutoCommit()) {
                    versions.commit(c, done.written());
                } // else every statement committed itself: reads, and at most one write (the order's, no shared table)
                t.afterCommit = null;
                pending.forEach(Runnable::run);
                passOn(done, started);
                return r;
            } catch (RuntimeException | SQLException | Error e) {
                rollbackQuietly(c, e);
                throw e;
            } finally {
                t.current = null;
                t.reads = null;
                t.afterCommit = null;
                t.beforeFirstWrite = null;
                t.deferred = null;
            }
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    /**
     * Within a request, a transaction that committed without writing a read-mostly table and read the table versions
     * itself (after it started, {@code started}) passes them on to the request's next group of reads
     * ({@link #readTogether}), as a group that ended there would: what that group answers from them is what the database
     * held when the transaction read them, during the same request, and nothing of the thread's own has changed those
     * tables since (its writes were to other tables). The usual case on PostgreSQL: a submit's complete step, whose
     * order statement read them ({@link #versionsWanted}), then the submitted order's auto-forward check and
     * notification, which read the products and the message senders. Any other store call or call out before that group
     * ends the offer, as for a group.
     */
    private void passOn(TransactionReads done, long started) {
        ThreadState t = state();
        if (t.request && done.written().stream().noneMatch(SharedReads.TABLES::contains)
                && done.assumed() == null && done.versions() != null
                && done.versionsTick() > started) {
            TransactionReads read = new TransactionReads();
            read.versions(done.versions(), done.versionsTick());
            t.ended = read;
        }
    }

    /**
     * The versions {@link TableVersions#COLUMN} held in a statement of the thread's transaction that locked or wrote its
     * order ({@link OrderCache#lockIfCurrent}, {@link JdbcStore}'s order write; {@code column} null when it returned no
     * row), read at {@code tick}: the transaction's shared reads from here on answer on them, as on versions a statement
     * of its own read after the lock (when the lock was waited for and the row is still the version the transaction's
     * optimistic work ran on, the holder wrote nothing under it: every operation that writes a table under an order's
     * lock also writes the order), and so may the request's next group ({@link #passOn}). Nothing when the transaction
     * has versions already or runs on assumed ones.
     */
    void versionsRead(String column, long tick) {
        TransactionReads running = state().reads;
        if (column != null && running != null && running.versions() == null && running.assumed() == null) {
            running.versions(versions.parsed(column), tick);
        }
    }

    /**
     * Whether the statement that locks or writes the order of the thread's transaction now ({@link OrderCache#lockIfCurrent},
     * {@link JdbcStore}'s order write; PostgreSQL) should read the table versions too ({@link #versionsRead}): within a
     * request, the transaction has none (and runs on no assumed ones), so its next shared read, or the request's next
     * group ({@link #passOn}), would read them with a statement of its own. What that costs when nothing reads them
     * after: the versions subquery in the statement (one row per read-mostly table) and their parse.
     */
    boolean versionsWanted() {
        ThreadState t = state();
        TransactionReads running = t.reads;
        return t.request && running != null && running.versions() == null && running.assumed() == null;
    }

    /**
     * Whether a document write of {@code table} may wait for the order statement of the thread's transaction
     * ({@link DeferredWrites}): PostgreSQL, an optimistic order write still in auto-commit mode that has not taken its
     * order's lock, and a table that is not read-mostly (whose version would be incremented at an explicit commit); not
     * a row it deferred a write of already (the clauses of one statement all see the rows as they were before it).
     */
    boolean mayDefer(String table, String key) {
        ThreadState t = state();
        Connection c = t.current;
        DeferredWrites waiting = t.deferred;
        try {
            return !versions.inProcess() && c != null && t.beforeFirstWrite != null
                    && c.getAutoCommit() && !SharedReads.TABLES.contains(table)
                    && (waiting == null || !waiting.touches(table, key));
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    /** The thread's deferred document writes ({@link #mayDefer} must have said yes), to add one to. */
    DeferredWrites defer() {
        ThreadState t = state();
        DeferredWrites w = t.deferred;
        if (w == null) {
            w = new DeferredWrites();
            t.deferred = w;
        }
        return w;
    }

    /** Takes the thread's deferred document writes for the order's statement on {@code c}; null when there are none. */
    DeferredWrites takeDeferred() {
        ThreadState t = state();
        DeferredWrites w = t.deferred;
        t.deferred = null;
        return w == null || w.isEmpty() ? null : w;
    }

    /**
     * Runs read-only {@code work}: in the thread's transaction when there is one, else on a pooled connection in
     * auto-commit mode, so a lone read costs its statement and no {@code COMMIT} round trip. Under the databases'
     * READ COMMITTED each statement sees the latest committed data either way. SQL failures are 503.
     */
    <R> R read(SqlWork<R> work) {
        ThreadState t = state();
        Connection joined = t.current;
        if (joined != null) {
            if (t.deferred != null) {
                explicit(joined); // what the transaction deferred is made first, so that the read sees it
            }
            return run(joined, work);
        }
        if (t.together == null) {
            t.ended = null;
        }
        try (Connection c = pool.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            return work.run(c);
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    /**
     * Runs {@code work}, a write of <b>one</b> statement, outside any transaction (the thread must not be in one): on a
     * pooled connection in auto-commit mode, so the statement commits by itself (no {@code COMMIT} round trip). Ends the
     * thread's group of reads, as a transaction does. SQL exceptions reach {@code onFailure}.
     */
    <R> R alone(SqlWork<R> work, SqlFailure onFailure) {
        ThreadState t = state();
        if (t.current != null) {
            throw new IllegalStateException("a statement alone cannot join a transaction");
        }
        t.together = null;
        t.ended = null;
        try (Connection c = pool.getConnection()) {
            if (!c.getAutoCommit()) {
                c.setAutoCommit(true);
            }
            prove(c);
            try {
                return work.run(c);
            } catch (SQLException e) {
                throw onFailure.translate(e);
            }
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    /**
     * Runs {@code work} so that a failing statement in it (a duplicate key) does not spoil the thread's
     * transaction: inside one, behind a savepoint rolled back on failure (PostgreSQL aborts a transaction after
     * any error otherwise); outside, as its own transaction. SQL exceptions reach {@code onFailure} first.
     */
    <R> R guarded(SqlWork<R> work, SqlFailure onFailure) {
        ThreadState t = state();
        Connection joined = t.current;
        if (joined == null) {
            return inTransaction(c -> {
                try {
                    return work.run(c);
                } catch (SQLException e) {
                    throw onFailure.translate(e);
                }
            });
        }
        explicit(joined);
        return run(joined, c -> {
            Savepoint sp = c.setSavepoint();
            int mark = t.afterCommit.size();
            try {
                R r = work.run(c);
                c.releaseSavepoint(sp);
                return r;
            } catch (SQLException e) {
                c.rollback(sp);
                rolledBackTo(mark);
                throw onFailure.translate(e);
            }
        });
    }

    /**
     * As {@link #inTransaction}, but when it joins the thread's transaction it runs behind a savepoint that is rolled
     * back if {@code work} throws anything: a failed operation leaves nothing behind even inside a larger transaction
     * (e.g. a checkout trial, whose writes are always discarded).
     */
    <R> R nested(SqlWork<R> work) {
        ThreadState t = state();
        Connection joined = t.current;
        if (joined == null) {
            return inTransaction(work);
        }
        explicit(joined);
        return run(joined, c -> {
            Savepoint sp = c.setSavepoint();
            int mark = t.afterCommit.size();
            try {
                R r = work.run(c);
                c.releaseSavepoint(sp);
                return r;
            } catch (RuntimeException | SQLException | Error e) {
                c.rollback(sp);
                rolledBackTo(mark);
                throw e;
            }
        });
    }

    /** After a savepoint rollback: the cached reads go, and so do the after-commit actions registered behind it. */
    private void rolledBackTo(int mark) {
        ThreadState t = state();
        t.reads.forgetAll();
        java.util.List<Runnable> pending = t.afterCommit;
        pending.subList(mark, pending.size()).clear();
    }

    /** Turns a SQL failure into the caller's error (or rethrows it as 503). */
    @FunctionalInterface
    interface SqlFailure {
        RuntimeException translate(SQLException e);
    }

    private static <R> R run(Connection c, SqlWork<R> work) {
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw StoreFailures.unavailable(e);
        }
    }

    /** Rolls back {@code c}'s transaction; nothing to do in auto-commit mode (each statement committed or failed alone). */
    private static void rollbackQuietly(Connection c, Throwable cause) {
        try {
            if (c.getAutoCommit()) {
                return;
            }
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
