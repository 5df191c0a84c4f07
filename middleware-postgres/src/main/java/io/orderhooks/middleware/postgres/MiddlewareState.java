package io.orderhooks.middleware.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.orderhooks.core.receiver.IdempotencyStore;
import io.orderhooks.middleware.postgres.internal.JdbcIdempotencyStore;
import io.orderhooks.middleware.postgres.internal.JdbcPostQueueStorage;
import io.orderhooks.middleware.postgres.internal.Migrations;
import io.orderhooks.middleware.postgres.internal.RetentionSweep;
import io.orderhooks.middleware.postgres.internal.StateUrl;
import io.orderhooks.webhooks.PostQueueStorage;
import io.orderhooks.webhooks.WebhookState;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Middleware state in PostgreSQL, shared by every middleware instance that points at the same database:
 * the idempotency store (order submit and approval answers, post-webhook {@code LogID}s) and the
 * asynchronous post-webhook queues with their dead letters. Plug it into both receivers:
 *
 * <pre>{@code
 * MiddlewareState state = MiddlewareState.postgresql("postgresql://mw:secret@db:5432/orderhooks");
 * IntegrationEventsDispatcher.builder().sharedState(state)...
 * WebhooksDispatcher.builder().sharedState(state).asyncPosts(AsyncPostOptions.builder().build())...
 * }</pre>
 *
 * <p>Creating it connects (HikariCP pool), applies the Flyway migrations of schema
 * {@code orderhooks_middleware} (several instances starting at once are serialized by Flyway) and starts a
 * daemon thread that sweeps expired answers once a minute in bounded batches. Thread-safe. {@link #close()}
 * stops the sweep and the pool; close the dispatchers first.
 */
public final class MiddlewareState implements WebhookState, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MiddlewareState.class);
    /** How long a caller waits for a database connection before failing (and {@code /ready} answers 503). */
    public static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);

    private final HikariDataSource data;
    private final Migrations migrations;
    private final JdbcIdempotencyStore store;
    private final RetentionSweep sweep;
    private final ScheduledExecutorService sweeper;

    private MiddlewareState(Builder b) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(b.url.jdbcUrl());
        config.setUsername(b.url.user());
        config.setPassword(b.url.password());
        config.setMaximumPoolSize(b.poolSize);
        config.setPoolName("orderhooks-middleware-state");
        // a request (or a readiness probe) waits at most this long for a connection, then fails
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        this.data = new HikariDataSource(config);
        try {
            this.migrations = Migrations.apply(data);
        } catch (RuntimeException e) {
            data.close();
            throw e;
        }
        this.store = new JdbcIdempotencyStore(data, b.clock, b.retention, b.lease);
        this.sweep = new RetentionSweep(data, b.clock);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "orderhooks-middleware-state-sweep");
            t.setDaemon(true);
            return t;
        });
        long every = b.sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepQuietly, every, every, TimeUnit.MILLISECONDS);
        LOG.info("middleware state in PostgreSQL at {} (retention {}, lease {})", b.url, b.retention, b.lease);
    }

    /**
     * State in the PostgreSQL database at {@code url} with the defaults of {@link #builder(String)}.
     *
     * @param url {@code postgresql://user:password@host:port/database} or {@code jdbc:postgresql://..}
     * @throws IllegalArgumentException if {@code url} is malformed
     * @throws RuntimeException if the database cannot be reached or migrated
     */
    public static MiddlewareState postgresql(String url) {
        return builder(url).build();
    }

    /** State in the database at the JDBC or {@code postgresql://} {@code url}, as {@code user}. */
    public static MiddlewareState postgresql(String url, String user, String password) {
        return builder(url).credentials(user, password).build();
    }

    /** Options for state in the database at {@code url}; see {@link #postgresql(String)}. */
    public static Builder builder(String url) {
        return new Builder(StateUrl.parse(url));
    }

    @Override
    public IdempotencyStore idempotencyStore() {
        return store;
    }

    @Override
    public PostQueueStorage postQueueStorage(String queue) {
        if (queue == null || queue.isBlank()) {
            throw new IllegalArgumentException("queue must not be blank, was " + queue);
        }
        return new JdbcPostQueueStorage(data, queue);
    }

    /**
     * For a readiness probe: null when the database answers and its schema is migrated, otherwise what is
     * wrong. A failure evicts the pool's idle connections and asks once more, so a restarted database is
     * ready again at the first probe. Never throws; takes at most twice {@link #CONNECTION_TIMEOUT}.
     */
    public String problem() {
        try {
            return migrations.problem();
        } catch (RuntimeException first) {
            // pooled connections may have died with a database restart: drop them and ask once more
            data.getHikariPoolMXBean().softEvictConnections();
            try {
                return migrations.problem();
            } catch (RuntimeException e) {
                return "the state database is unreachable: " + e.getMessage();
            }
        }
    }

    /** Deletes expired answers now (a bounded batch run, as the minutely sweep does); returns how many. */
    public int sweep() {
        return sweep.run();
    }

    private void sweepQuietly() {
        try {
            int deleted = sweep.run();
            if (deleted > 0) {
                LOG.debug("swept {} expired idempotency answers", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("idempotency retention sweep failed; retrying at the next run", e);
        }
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
        data.close();
    }

    /** Options; each setter checks its value. Not thread-safe. */
    public static final class Builder {
        private StateUrl url;
        private Clock clock = Clock.systemUTC();
        private Duration retention = Duration.ofHours(24);
        private Duration lease = Duration.ofSeconds(60);
        private Duration sweepInterval = Duration.ofMinutes(1);
        private int poolSize = 10;

        private Builder(StateUrl url) {
            this.url = url;
        }

        /** User and password, replacing any in the URL. */
        public Builder credentials(String user, String password) {
            this.url = new StateUrl(url.jdbcUrl(), Objects.requireNonNull(user, "user"), password);
            return this;
        }

        /** The clock for retention, leases and retry times (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long remembered answers are kept (default 24 h). */
        public Builder retention(Duration retention) {
            this.retention = positive("retention", retention);
            return this;
        }

        /**
         * How long a claim on an idempotency key holds before another instance may take it over (default 60 s):
         * longer than the longest handler time limit, short enough to retry soon after a crash.
         */
        public Builder lease(Duration lease) {
            this.lease = positive("lease", lease);
            return this;
        }

        /** How often expired answers are swept (default 1 min). */
        public Builder sweepInterval(Duration interval) {
            this.sweepInterval = positive("sweepInterval", interval);
            return this;
        }

        /**
         * Database connections (default 10). Each queue worker holds one while it runs a delivery; each
         * idempotency call briefly takes one.
         */
        public Builder poolSize(int poolSize) {
            if (poolSize < 2) {
                throw new IllegalArgumentException("poolSize must be at least 2, was " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        /** Connects, migrates and starts the sweep. */
        public MiddlewareState build() {
            return new MiddlewareState(this);
        }

        private static Duration positive(String name, Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be a positive duration, was " + value);
            }
            return value;
        }
    }
}
