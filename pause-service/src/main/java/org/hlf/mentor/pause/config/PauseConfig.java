package org.hlf.mentor.pause.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Set;
import org.hlf.mentor.events.CommitmentKind;

/** Every setting of pause-service that is ours (prefix {@code hlf.pause}). */
@ConfigMapping(prefix = "hlf.pause")
public interface PauseConfig {

    /** Time zone that decides what "today" is for certifications and pauses. */
    @WithDefault("Europe/Oslo")
    ZoneId zone();

    /** Rules for pauses. */
    Pause pause();

    interface Pause {

        /** How far ahead an expected return date may lie, in days. */
        @WithDefault("365")
        int maxExpectedReturnDays();
    }

    /** The certification expiry sweep. */
    Expiry expiry();

    interface Expiry {

        /** When the sweep runs (Quartz-style cron, seconds first), in {@link #zone()}. */
        @WithDefault("0 0 2 * * ?")
        String cron();

        /** Mentors selected per query of the sweep. */
        @WithDefault("500")
        int chunkSize();

        /** Mentors expired at once within a chunk (each in its own transaction). */
        @WithDefault("8")
        int concurrency();
    }

    /** Coordinator notifications. */
    Notifications notifications();

    interface Notifications {

        /** When the expected-return-date reminders are sent (cron, seconds first), in {@link #zone()}. */
        @WithDefault("0 0 7 * * ?")
        String reminderCron();
    }

    /** Limits of the HTTP API. */
    Api api();

    interface Api {

        /** Largest request body of a single-mentor call, in bytes. */
        @WithDefault("65536")
        long maxBodyBytes();

        /** Largest request body of a roster import, in bytes. */
        @WithDefault("4194304")
        long maxImportBodyBytes();

        /** Most entries of one roster import. */
        @WithDefault("10000")
        int maxImportEntries();

        /** Most items of one page of the paused list. */
        @WithDefault("200")
        int maxPageSize();

        /** How long an Idempotency-Key answer is kept. */
        @WithDefault("P1D")
        Duration idempotencyRetention();
    }

    /** The certification-events consumer and its dead letters. */
    Certification certification();

    interface Certification {

        /** Retries of a failure that may pass (database restart or failover, a lost race) inside the handler. */
        Retry retry();

        /** Listing and replay of certification-events-dlq. */
        Dlq dlq();

        interface Dlq {

            /** Most letters of one page of the listing. */
            @WithDefault("200")
            int maxPageSize();

            /** Most letters one replay call applies; the answer says how many remain. */
            @WithDefault("500")
            int maxReplay();

            /** How long reading the topic to its end may take. */
            @WithDefault("10s")
            Duration readTimeout();
        }
    }

    /** A consumer's retries of a record whose failure may pass (database restart or failover, a lost race). */
    interface Retry {

        /** Wait before the first retry; it doubles per attempt. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest wait between two attempts. */
        @WithDefault("10s")
        Duration maxBackoff();

        /**
         * How long one record is retried before its failure escapes and stops the channel (liveness DOWN: the
         * service is restarted and the uncommitted record read again). Half of the channel's
         * throttled.unprocessed-record-max-age.ms (60 s), the outer limit, so a slow attempt still fits.
         */
        @WithDefault("30s")
        Duration budget();
    }

    /** The mentor-commitments consumer (the projection of open commitments) and its dead letters. */
    Commitments commitments();

    interface Commitments {

        /** Retries of a failure that may pass inside the handler. */
        Retry retry();
    }

    /** Which open commitments stop a coordinator's pause (docs/pause-eligibility.md). */
    Eligibility eligibility();

    interface Eligibility {

        /**
         * Whether blocking commitments refuse a pause (409 pause-blocked) unless acknowledged; false turns every
         * blocker into a warning.
         */
        @WithDefault("true")
        boolean enforced();

        /**
         * Kinds of open commitment that block a pause. An ASSIGNMENT blocks while open; a SESSION (any kind with a
         * start) only when it starts inside the pause. Other open commitments are warnings.
         */
        @WithDefault("ASSIGNMENT,SESSION")
        Set<CommitmentKind> blockingKinds();
    }

    /** The transactional outbox and its relay. */
    Outbox outbox();

    interface Outbox {

        /** Whether this replica runs the relay (tests drive it by hand). */
        @WithDefault("true")
        boolean relayEnabled();

        /** Fallback polling interval of the relay; it is normally woken by LISTEN/NOTIFY on commit. */
        @WithDefault("1s")
        Duration pollInterval();

        /**
         * How long a woken relay waits before its round, so that commits arriving together share one claim and one
         * produce request; under load this, not the poll interval, sets the batch size.
         */
        @WithDefault("3ms")
        Duration coalesce();

        /** Rows claimed and published per relay round. */
        @WithDefault("500")
        int batchSize();

        /** How long published rows are kept for inspection before the cleanup deletes them. */
        @WithDefault("P7D")
        Duration retention();

        /** Value of the CloudEvents {@code ce_source} header. */
        @WithDefault("/hlf/pause-service")
        String eventSource();

        /**
         * Longest time a relay round waits for the broker: a row not acknowledged by then counts as failed, the
         * acknowledged ones are marked and the round's transaction (and its row locks) ends.
         */
        @WithDefault("10s")
        Duration roundTimeout();

        /** Wait after a row's first failed send; doubled with each further failure up to {@link #retryBackoffMax()}. */
        @WithDefault("1s")
        Duration retryBackoff();

        /** Longest wait between two sends of a failing row. */
        @WithDefault("5m")
        Duration retryBackoffMax();

        /** How long a row may keep failing before the wellness health check reports the outbox DOWN. */
        @WithDefault("5m")
        Duration undeliverableAfter();

        /** How often the gauge of undeliverable rows is read from the database. */
        @WithDefault("5s")
        Duration metricsRefresh();
    }
}
