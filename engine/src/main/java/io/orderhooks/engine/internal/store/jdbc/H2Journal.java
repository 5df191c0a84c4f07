package io.orderhooks.engine.internal.store.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The commit journal of an engine's H2 database: what makes a commit survive a SIGKILL of the process although H2
 * writes its own file in the background ({@code WRITE_DELAY} &gt; 0, {@link JdbcStores#h2Url}).
 *
 * <p><b>Writing.</b> Every write transaction of the store's pool ({@link JournaledConnections}) is recorded: its write
 * statements with their bound parameters and the identity values they generated. At commit, before H2's commit and
 * while the transaction still holds its row locks, the transaction sets its connection's row in {@code journal_marks}
 * to a new {@code seq} (one counter for the process), then this journal appends one record (seq, slot, statements, a
 * CRC) to the current file of the connection's slot with one {@code write} (no fsync, as H2's own write at
 * WRITE_DELAY=0 was none), then H2 commits. A failed H2 commit appends an abort record. Two transactions that touch
 * the same rows get their seqs in their commit order (the second waits for the first's locks, so for its seq); others
 * commute. Each slot appends to files of its own, so concurrent commits share no lock (see {@link #append}).
 *
 * <p><b>Recovery</b> ({@link #recover}, at open, before migrations). H2's file after a crash holds a prefix of its
 * commits; a slot (a physical connection, one transaction at a time) commits its records in increasing seq, so its
 * mark in H2 says exactly which of its records the file has. Every other record is replayed, in seq order, with its
 * mark, one transaction each; identity columns get the values the original statements drew.
 *
 * <p><b>Bounded.</b> Each slot's file rotates to a new one every {@link #ROTATE_BYTES} or {@link #ROTATE_MS}; a file is
 * deleted once every transaction appended to it has committed or aborted and H2 has written its file past them
 * ({@link #force}: {@code MVStore.commit()} and a drain of H2's store executors).
 */
final class H2Journal implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(H2Journal.class);

    /** A file takes no record once it holds this many bytes (a system property for measurements that keep the files). */
    static final long ROTATE_BYTES = Long.getLong("orderhooks.h2.journal.rotateBytes", 16L << 20);
    /** A file takes no record once it is this old, and is deleted once its transactions ended and H2 wrote them. */
    static final long ROTATE_MS = Long.getLong("orderhooks.h2.journal.rotateMs", 5_000);
    static final long TRIM_PERIOD_MS = 1_000;

    private static final byte COMMIT = 1;
    private static final byte ABORT = 2;
    private static final String PREFIX = "orderhooks-journal-";
    private static final String SUFFIX = ".log";
    private static final Pattern INSERT = Pattern.compile("^\\s*INSERT\\s+INTO\\s+\"?(\\w+)\"?", Pattern.CASE_INSENSITIVE);

    /** The journals of this process by data folder, shared by the stores open on it. */
    private static final Map<Path, H2Journal> OPEN = new HashMap<>();

    private final Path dir;
    private final LongSupplier clock;
    private final AtomicLong seq = new AtomicLong();
    private final BitSet slots = new BitSet();
    private final List<JournalFile> files = new CopyOnWriteArrayList<>();
    private volatile boolean enabled;
    private volatile Map<String, String> identities = Map.of();
    private MVStore store;
    private ScheduledExecutorService trimmer;
    /** Each slot's file being appended to, by slot: a connection appends only to its own (no lock shared by slots). */
    private final Map<Integer, Lane> lanes = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong nextIndex = new AtomicLong();
    private int users;
    private final AtomicLong appendedBytes = new AtomicLong();

    /** A slot's current file; its monitor orders the slot's appends and the trimmer's rotation of its file. */
    static final class Lane {
        JournalFile current;
        /** The record being appended, encoded in place after its 8-byte header (used under the lane's lock). */
        RecordBytes record = new RecordBytes();
    }

    /**
     * A lane's reusable record: 8 header bytes (the body's length and CRC32C), then the body, encoded straight into one
     * array that the next record of the lane reuses (a record was encoded into a growing stream, copied out, copied
     * again behind its header: about seven copies and as many arrays per commit, 2.6 % of the engine's CPU under the H2
     * checkout load, session 15).
     */
    static final class RecordBytes extends ByteArrayOutputStream {
        /** A lane keeps an array up to this size for its next record; a larger record's array is dropped after it. */
        static final int KEPT_BYTES = 64 * 1024;
        private static final byte[] HEADER = new byte[8];
        final DataOutputStream out = new DataOutputStream(this);

        RecordBytes() {
            super(4096);
        }

        /** Starts a record: the header's place, then what {@link #out} writes is the body. */
        DataOutputStream begin() {
            reset();
            write(HEADER, 0, HEADER.length);
            return out;
        }

        /** The record with its header filled in, as a buffer over this array (valid until the next {@link #begin}). */
        ByteBuffer framed() throws IOException {
            out.flush();
            int length = count - 8;
            CRC32C crc = new CRC32C();
            crc.update(buf, 8, length);
            ByteBuffer b = ByteBuffer.wrap(buf, 0, count);
            b.putInt(0, length).putInt(4, (int) crc.getValue());
            return b;
        }

        boolean oversized() {
            return buf.length > KEPT_BYTES;
        }
    }

    /** One file of the journal. */
    static final class JournalFile {
        final Path path;
        final FileChannel channel;
        final long openedAt;
        final AtomicInteger pending = new AtomicInteger();
        long size;
        volatile boolean closed;

        JournalFile(Path path, FileChannel channel, long openedAt) {
            this.path = path;
            this.channel = channel;
            this.openedAt = openedAt;
        }
    }

    H2Journal(Path dir, LongSupplier clock) {
        this.dir = dir;
        this.clock = clock;
    }

    /** The journal of data folder {@code dir} for one more store of this process; {@link #release} when it closes. */
    static H2Journal acquire(Path dir) {
        synchronized (OPEN) {
            H2Journal j = OPEN.computeIfAbsent(dir, d -> new H2Journal(d, System::currentTimeMillis));
            j.users++;
            return j;
        }
    }

    /** Whether this is the first store of the process on the folder (it recovers and starts the journal). */
    boolean first() {
        synchronized (OPEN) {
            return users == 1 && !enabled;
        }
    }

    /** One store closed; the last one stops the journal (its files stay: the next open finds them written). */
    void release() {
        synchronized (OPEN) {
            if (--users == 0) {
                OPEN.remove(dir);
                close();
            }
        }
    }

    boolean enabled() {
        return enabled;
    }

    /** The identity column of {@code table} (lower case), or null. */
    String identityOf(String table) {
        return identities.get(table.toLowerCase(Locale.ROOT));
    }

    /** The table an {@code INSERT} writes, or null for any other statement. */
    static String insertTable(String sql) {
        Matcher m = INSERT.matcher(sql);
        return m.find() ? m.group(1) : null;
    }

    /**
     * Starts journaling on the open database {@code c} belongs to: forces what was committed without the journal
     * (recovery, migrations) into H2's file first, then seeds the seq above every mark.
     */
    void start(Connection c, boolean scheduled) throws SQLException {
        synchronized (OPEN) {
            if (enabled) {
                return;
            }
            store = H2Housekeeping.mvStore(c);
            identities = identityColumns(c);
            seq.set(Math.max(seq.get(), maxMark(c)));
            force(store);
            deleteFiles(existingFiles(dir));
            if (scheduled) {
                trimmer = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "orderhooks-h2-journal");
                    t.setDaemon(true);
                    return t;
                });
                trimmer.scheduleWithFixedDelay(this::trimQuietly, TRIM_PERIOD_MS, TRIM_PERIOD_MS, TimeUnit.MILLISECONDS);
            }
            enabled = true;
        }
    }

    /** Makes everything H2 committed so far part of its file: its commit, then its serialization and save drained. */
    static void force(MVStore store) {
        store.commit();
        store.executeFilestoreOperation(() -> { });
    }

    /** {@link #force} of the running store (after DDL, which the journal does not record). */
    void forceNow() {
        MVStore s = store;
        if (s != null && !s.isClosed()) {
            force(s);
        }
    }

    // ---- slots and seqs

    int takeSlot() {
        synchronized (slots) {
            int s = slots.nextClearBit(1);
            slots.set(s);
            return s;
        }
    }

    void releaseSlot(int s) {
        synchronized (slots) {
            slots.clear(s);
        }
    }

    long nextSeq() {
        return seq.incrementAndGet();
    }

    long appendedBytes() {
        return appendedBytes.get();
    }

    // ---- appending

    /** Appends a commit record; the caller {@link #finished} the returned file once H2's commit returned or failed. */
    JournalFile appendCommit(long s, int slot, List<Recorded> statements) throws SQLException {
        return append(slot, out -> encode(out, COMMIT, s, slot, statements), true);
    }

    void appendAbort(long s, int slot) {
        try {
            append(slot, out -> encodeAbort(out, s, slot), false);
        } catch (SQLException e) {
            LOG.warn("cannot append the abort of journal record {}: {}", s, e.toString());
        }
    }

    /** Writes a record's body. */
    @FunctionalInterface
    private interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    void finished(JournalFile f) {
        f.pending.decrementAndGet();
    }

    /**
     * Appends {@code body} to the current file of {@code slot}'s lane. Each slot (a physical connection, one transaction
     * at a time) has files of its own, so the appends of concurrent transactions share no lock and no file: one
     * transaction's write never waits for another's (with one file for all, 8 users on 2 cores queued on its lock for
     * 20-37 ms whenever its holder was descheduled inside the write). Recovery orders the records of all files by seq.
     */
    private JournalFile append(int slot, Body body, boolean pending) throws SQLException {
        Lane lane = lanes.computeIfAbsent(slot, k -> new Lane());
        synchronized (lane) {
            if (!enabled) {
                throw new SQLException("the H2 journal is closed");
            }
            RecordBytes record = lane.record;
            ByteBuffer buf;
            try {
                body.write(record.begin());
                buf = record.framed();
            } catch (IOException e) {
                lane.record = new RecordBytes();
                throw new SQLException("cannot encode the journal record", e);
            }
            int bytes = buf.remaining();
            try {
                JournalFile f = currentFile(lane, bytes);
                while (buf.hasRemaining()) {
                    f.channel.write(buf);
                }
                f.size += bytes;
                appendedBytes.addAndGet(bytes);
                if (pending) {
                    f.pending.incrementAndGet();
                }
                return f;
            } catch (IOException e) {
                // a part of the record may be in the file: the next record goes to a new one, so this stays a torn tail
                if (lane.current != null) {
                    closeFile(lane.current);
                    lane.current = null;
                }
                throw new SQLException("cannot append to the H2 journal in " + dir + ": " + e.getMessage(), e);
            } finally {
                if (record.oversized()) {
                    lane.record = new RecordBytes();
                }
            }
        }
    }

    private JournalFile currentFile(Lane lane, int bytes) throws IOException {
        long now = clock.getAsLong();
        JournalFile current = lane.current;
        if (current != null && current.size > 0
                && (current.size + bytes > ROTATE_BYTES || now - current.openedAt >= ROTATE_MS)) {
            closeFile(current);
            current = null;
        }
        if (current == null) {
            Path p = dir.resolve(String.format(Locale.ROOT, "%s%019d%s", PREFIX, nextIndex.getAndIncrement(), SUFFIX));
            FileChannel ch = FileChannel.open(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            current = new JournalFile(p, ch, now);
            files.add(current);
        }
        lane.current = current;
        return current;
    }

    private static void closeFile(JournalFile f) {
        f.closed = true;
        try {
            f.channel.close();
        } catch (IOException e) {
            LOG.warn("cannot close {}: {}", f.path, e.toString());
        }
    }

    /** Rotates an old current file and deletes the closed files H2 has written past. */
    void trim() {
        for (Lane lane : lanes.values()) {
            synchronized (lane) {
                JournalFile current = lane.current;
                if (current != null && current.size > 0 && clock.getAsLong() - current.openedAt >= ROTATE_MS) {
                    closeFile(current);
                    lane.current = null;
                }
            }
        }
        List<JournalFile> done = new ArrayList<>();
        for (JournalFile f : files) {
            if (f.closed && f.pending.get() == 0) {
                done.add(f);
            }
        }
        if (done.isEmpty() || store == null || store.isClosed()) {
            return;
        }
        force(store);
        for (JournalFile f : done) {
            try {
                Files.deleteIfExists(f.path);
                files.remove(f);
            } catch (IOException e) {
                LOG.warn("cannot delete {}: {}", f.path, e.toString());
            }
        }
    }

    private void trimQuietly() {
        try {
            trim();
        } catch (RuntimeException e) {
            if (store != null && !store.isClosed()) {
                LOG.warn("H2 journal trim failed: {}", e.toString());
            }
        }
    }

    /** The journal's files on disk (for tests and operations). */
    List<Path> filesOnDisk() {
        return existingFiles(dir);
    }

    @Override
    public void close() {
        if (trimmer != null) {
            trimmer.shutdown();
            try {
                trimmer.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        enabled = false;
        for (Lane lane : lanes.values()) {
            synchronized (lane) {
                if (lane.current != null) {
                    closeFile(lane.current);
                    lane.current = null;
                }
            }
        }
    }

    // ---- records

    /** One write statement of a transaction: its SQL, its parameter sets (several for a batch), its generated keys. */
    record Recorded(String sql, List<Param[]> sets, String keyTable, String keyColumn, long[] keys) {
    }

    /** One bound parameter: how it was set and its value. */
    record Param(byte tag, Object value, int sqlType) {
    }

    static final byte P_STRING = 'S';
    static final byte P_LONG = 'L';
    static final byte P_INT = 'I';
    static final byte P_BOOLEAN = 'B';
    static final byte P_DECIMAL = 'D';
    static final byte P_NULL = 'N';
    static final byte P_OBJ_TIME = 'T';
    static final byte P_OBJ_STRING = 's';
    static final byte P_OBJ_LONG = 'l';
    static final byte P_OBJ_INT = 'i';
    static final byte P_OBJ_DECIMAL = 'd';
    static final byte P_OBJ_BOOLEAN = 'b';
    static final byte P_OBJ_NULL = 'n';

    /**
     * The parameter {@code setObject(index, v)} binds, or a failure for a type the journal cannot keep. The other
     * setters it keeps ({@code setString}, {@code setLong}, {@code setInt}, {@code setBoolean}, {@code setBigDecimal},
     * {@code setNull(index, type)}) are recorded with their own tags by {@link JournaledPreparedStatement}.
     */
    static Param objectParam(Object v) throws SQLFeatureNotSupportedException {
        if (v == null) {
            return new Param(P_OBJ_NULL, null, 0);
        }
        if (v instanceof OffsetDateTime) {
            return new Param(P_OBJ_TIME, v, 0);
        }
        if (v instanceof String) {
            return new Param(P_OBJ_STRING, v, 0);
        }
        if (v instanceof Long) {
            return new Param(P_OBJ_LONG, v, 0);
        }
        if (v instanceof Integer) {
            return new Param(P_OBJ_INT, v, 0);
        }
        if (v instanceof BigDecimal) {
            return new Param(P_OBJ_DECIMAL, v, 0);
        }
        if (v instanceof Boolean) {
            return new Param(P_OBJ_BOOLEAN, v, 0);
        }
        throw cannotRecord("setObject", v);
    }

    /** The failure of a parameter setter the journal cannot keep: {@code method} with {@code v}. */
    static SQLFeatureNotSupportedException cannotRecord(String method, Object v) {
        return new SQLFeatureNotSupportedException("the H2 journal cannot record " + method + " with "
                + (v == null ? "null" : v.getClass().getName())
                + " (add it to JournaledPreparedStatement and H2Journal.bind)");
    }

    static void bind(PreparedStatement ps, int index, Param p) throws SQLException {
        switch (p.tag()) {
            case P_STRING -> ps.setString(index, (String) p.value());
            case P_LONG -> ps.setLong(index, (Long) p.value());
            case P_INT -> ps.setInt(index, (Integer) p.value());
            case P_BOOLEAN -> ps.setBoolean(index, (Boolean) p.value());
            case P_DECIMAL -> ps.setBigDecimal(index, (BigDecimal) p.value());
            case P_NULL -> ps.setNull(index, p.sqlType());
            case P_OBJ_NULL -> ps.setObject(index, null);
            default -> ps.setObject(index, p.value());
        }
    }

    /** Writes a record's body (what {@link #decode} reads). */
    private static void encode(DataOutputStream out, byte kind, long s, int slot, List<Recorded> statements)
            throws IOException {
        out.writeByte(kind);
        out.writeLong(s);
        out.writeInt(slot);
        out.writeInt(statements.size());
        for (Recorded r : statements) {
            text(out, r.sql());
            out.writeInt(r.sets().size());
            for (Param[] set : r.sets()) {
                out.writeInt(set.length);
                for (Param p : set) {
                    if (p == null) {
                        throw new IOException("a parameter of " + r.sql() + " was not set");
                    }
                    out.writeByte(p.tag());
                    switch (p.tag()) {
                        case P_STRING, P_DECIMAL, P_OBJ_STRING, P_OBJ_DECIMAL, P_OBJ_TIME -> {
                            out.writeBoolean(p.value() != null);
                            if (p.value() != null) {
                                text(out, p.value() instanceof BigDecimal d ? d.toString() : p.value().toString());
                            }
                        }
                        case P_LONG, P_OBJ_LONG -> out.writeLong((Long) p.value());
                        case P_INT, P_OBJ_INT -> out.writeInt((Integer) p.value());
                        case P_BOOLEAN, P_OBJ_BOOLEAN -> out.writeBoolean((Boolean) p.value());
                        case P_NULL -> out.writeInt(p.sqlType());
                        case P_OBJ_NULL -> { }
                        default -> throw new IOException("unknown parameter tag " + p.tag());
                    }
                }
            }
            text(out, r.keyTable() == null ? "" : r.keyTable());
            text(out, r.keyColumn() == null ? "" : r.keyColumn());
            long[] keys = r.keys() == null ? new long[0] : r.keys();
            out.writeInt(keys.length);
            for (long k : keys) {
                out.writeLong(k);
            }
        }
    }

    private static void encodeAbort(DataOutputStream out, long s, int slot) throws IOException {
        out.writeByte(ABORT);
        out.writeLong(s);
        out.writeInt(slot);
    }

    private static void text(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        int n = in.readInt();
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A record read back: commit (with statements) or abort. */
    record Entry(boolean commit, long seq, int slot, List<Recorded> statements) {
    }

    static Entry decode(byte[] body) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(body));
        byte kind = in.readByte();
        long s = in.readLong();
        int slot = in.readInt();
        if (kind == ABORT) {
            return new Entry(false, s, slot, List.of());
        }
        if (kind != COMMIT) {
            throw new IOException("unknown record kind " + kind);
        }
        int n = in.readInt();
        List<Recorded> statements = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String sql = text(in);
            int sets = in.readInt();
            List<Param[]> all = new ArrayList<>(sets);
            for (int j = 0; j < sets; j++) {
                Param[] set = new Param[in.readInt()];
                for (int k = 0; k < set.length; k++) {
                    byte tag = in.readByte();
                    set[k] = switch (tag) {
                        case P_STRING, P_OBJ_STRING -> new Param(tag, in.readBoolean() ? text(in) : null, 0);
                        case P_DECIMAL, P_OBJ_DECIMAL -> new Param(tag, in.readBoolean() ? new BigDecimal(text(in)) : null, 0);
                        case P_OBJ_TIME -> new Param(tag, in.readBoolean() ? OffsetDateTime.parse(text(in)) : null, 0);
                        case P_LONG, P_OBJ_LONG -> new Param(tag, in.readLong(), 0);
                        case P_INT, P_OBJ_INT -> new Param(tag, in.readInt(), 0);
                        case P_BOOLEAN, P_OBJ_BOOLEAN -> new Param(tag, in.readBoolean(), 0);
                        case P_NULL -> new Param(tag, null, in.readInt());
                        case P_OBJ_NULL -> new Param(tag, null, 0);
                        default -> throw new IOException("unknown parameter tag " + tag);
                    };
                }
                all.add(set);
            }
            String table = text(in);
            String column = text(in);
            long[] keys = new long[in.readInt()];
            for (int k = 0; k < keys.length; k++) {
                keys[k] = in.readLong();
            }
            statements.add(new Recorded(sql, all, table.isEmpty() ? null : table, column.isEmpty() ? null : column, keys));
        }
        return new Entry(true, s, slot, statements);
    }

    /** Every whole record of {@code file}, stopping at the first torn or corrupt one (a crash's tail). */
    static List<Entry> read(Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        ByteBuffer buf = ByteBuffer.wrap(all);
        List<Entry> entries = new ArrayList<>();
        while (buf.remaining() >= 8) {
            int length = buf.getInt();
            int crc = buf.getInt();
            if (length <= 0 || length > buf.remaining()) {
                break;
            }
            byte[] body = new byte[length];
            buf.get(body);
            CRC32C check = new CRC32C();
            check.update(body);
            if ((int) check.getValue() != crc) {
                break;
            }
            try {
                entries.add(decode(body));
            } catch (IOException e) {
                break;
            }
        }
        return entries;
    }

    static List<Path> existingFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> {
                String n = p.getFileName().toString();
                return n.startsWith(PREFIX) && n.endsWith(SUFFIX);
            }).sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteFiles(List<Path> paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the H2 journal file " + p, e);
            }
        }
    }

    // ---- recovery

    /**
     * Replays what the journal files in {@code dir} hold beyond H2's file, on {@code c} (a connection to the open
     * database, not journaled), then makes it part of H2's file and deletes the journal files.
     *
     * @return how many records were replayed
     */
    static int recover(Path dir, Connection c) throws SQLException {
        List<Path> paths = existingFiles(dir);
        if (paths.isEmpty()) {
            return 0;
        }
        TreeMap<Long, Entry> commits = new TreeMap<>();
        Set<Long> aborted = new HashSet<>();
        try {
            for (Path p : paths) {
                for (Entry e : read(p)) {
                    if (e.commit()) {
                        commits.put(e.seq(), e);
                    } else {
                        aborted.add(e.seq());
                    }
                }
            }
        } catch (IOException e) {
            throw new SQLException("cannot read the H2 journal in " + dir + ": " + e.getMessage(), e);
        }
        boolean wasAuto = c.getAutoCommit();
        int replayed = 0;
        if (!commits.isEmpty()) {
            Map<Integer, Long> marks = marks(c);
            Map<String, String> identities = identityColumns(c);
            // identities restarted above every value the records drew: a replayed INSERT draws a fresh one, then its row
            // takes the recorded value, which no fresh one can collide with
            Map<String, Long> highest = new HashMap<>();
            for (Entry e : commits.values()) {
                for (Recorded r : e.statements()) {
                    if (r.keyTable() != null) {
                        for (long k : r.keys()) {
                            highest.merge(r.keyTable().toLowerCase(Locale.ROOT), k, Math::max);
                        }
                    }
                }
            }
            restartIdentities(c, identities, highest);
            c.setAutoCommit(false);
            try (PreparedStatement mark = c.prepareStatement(MARK)) {
                for (Entry e : commits.values()) {
                    if (aborted.contains(e.seq()) || e.seq() <= marks.getOrDefault(e.slot(), 0L)) {
                        continue;
                    }
                    try {
                        for (Recorded r : e.statements()) {
                            replay(c, r);
                        }
                        mark.setInt(1, e.slot());
                        mark.setLong(2, e.seq());
                        mark.executeUpdate();
                        c.commit();
                    } catch (SQLException ex) {
                        c.rollback();
                        throw new SQLException("replaying H2 journal record " + e.seq() + " failed: " + ex.getMessage(), ex);
                    }
                    marks.put(e.slot(), e.seq());
                    replayed++;
                }
            } finally {
                c.setAutoCommit(wasAuto);
            }
            restartIdentities(c, identities, Map.of());
        }
        force(H2Housekeeping.mvStore(c));
        deleteFiles(paths);
        if (replayed > 0) {
            LOG.info("replayed {} transactions from the H2 journal in {}", replayed, dir);
        }
        return replayed;
    }

    static final String MARK = "MERGE INTO journal_marks (slot, seq) KEY (slot) VALUES (?, ?)";

    private static void replay(Connection c, Recorded r) throws SQLException {
        String column = r.keyColumn();
        try (PreparedStatement ps = column != null ? c.prepareStatement(r.sql(), new String[] {column})
                : c.prepareStatement(r.sql())) {
            if (r.sets().size() == 1) {
                bindAll(ps, r.sets().get(0));
                ps.execute();
            } else if (r.sets().isEmpty()) {
                ps.execute();
            } else {
                for (Param[] set : r.sets()) {
                    bindAll(ps, set);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            if (column == null) {
                return;
            }
            List<Long> drawn = new ArrayList<>();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                while (keys.next()) {
                    drawn.add(keys.getLong(1));
                }
            }
            if (drawn.size() != r.keys().length) {
                throw new SQLException("replayed " + r.sql() + " generated " + drawn.size() + " keys, recorded "
                        + r.keys().length);
            }
            try (PreparedStatement fix = c.prepareStatement(
                    "UPDATE " + r.keyTable() + " SET " + column + " = ? WHERE " + column + " = ?")) {
                for (int i = 0; i < drawn.size(); i++) {
                    if (drawn.get(i) != r.keys()[i]) {
                        fix.setLong(1, r.keys()[i]);
                        fix.setLong(2, drawn.get(i));
                        fix.executeUpdate();
                    }
                }
            }
        }
    }

    private static void bindAll(PreparedStatement ps, Param[] set) throws SQLException {
        for (int i = 0; i < set.length; i++) {
            if (set[i] != null) {
                bind(ps, i + 1, set[i]);
            }
        }
    }

    private static Map<Integer, Long> marks(Connection c) throws SQLException {
        Map<Integer, Long> marks = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT slot, seq FROM journal_marks")) {
            while (rs.next()) {
                marks.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return marks;
    }

    private static long maxMark(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM journal_marks")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The identity column of every table of the schema, by lower-case table name. */
    static Map<String, String> identityColumns(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT TABLE_NAME, COLUMN_NAME FROM INFORMATION_SCHEMA.COLUMNS WHERE IS_IDENTITY = 'YES'"
                        + " AND TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                out.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** Restarts each identity above its table's largest value and above {@code atLeast}'s value for the table. */
    private static void restartIdentities(Connection c, Map<String, String> identities, Map<String, Long> atLeast)
            throws SQLException {
        for (Map.Entry<String, String> id : identities.entrySet()) {
            long max;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT COALESCE(MAX(" + id.getValue() + "), 0) FROM " + id.getKey())) {
                rs.next();
                max = rs.getLong(1);
            }
            max = Math.max(max, atLeast.getOrDefault(id.getKey(), 0L));
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE " + id.getKey() + " ALTER COLUMN " + id.getValue() + " RESTART WITH " + (max + 1));
            }
        }
    }
}
