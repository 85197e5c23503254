package org.hlf.mentor.sync.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Every setting of website-sync-service that is ours (prefix {@code hlf.sync}). */
@ConfigMapping(prefix = "hlf.sync")
public interface SyncConfig {

    /** Where and how the Dataverse Web API is reached. */
    Portal portal();

    /** Backoff between attempts; attempt counts, timeout and breaker are SmallRye Fault Tolerance keys. */
    Backoff backoff();

    /** Bulk changes through OData {@code $batch}. */
    Batch batch();

    /** Alerting on consecutive failures. */
    Alert alert();

    /** The dead-letter topic. */
    DeadLetters dlq();

    /** Limits of the HTTP API. */
    Api api();

    /** The one write path to the portal: keys {@code hlf.sync.write.*}, see {@link WriteConfig}. */
    WriteConfig write();

    /** The consumer of mentor-status-changed. */
    Consumer consumer();

    interface Consumer {

        /** First pause before a poll that failed on the database is done again; it doubles up to the maximum. */
        @WithDefault("500ms")
        Duration retryInitialDelay();

        /** Longest pause between two attempts of a poll. */
        @WithDefault("15s")
        Duration retryMaxDelay();

        /**
         * How long a poll is tried again before the channel stops; with the portal write budget it must stay below
         * the unprocessed-record limit of the channel (throttled.unprocessed-record-max-age.ms, 300 s).
         */
        @WithDefault("120s")
        Duration retryBudget();
    }

    /** pause-service's roster: the truth reconciliation compares with. */
    Roster roster();

    /** Reconciliation runs. */
    Reconcile reconcile();

    interface Roster {

        /** Base URL of pause-service. */
        String url();

        /**
         * How this service proves it is a {@code system} caller: {@code oidc} gets a client-credentials token from
         * the identity provider with the named OIDC client {@code roster} ({@code quarkus.oidc-client.roster.*});
         * {@code signed} signs a short-lived token with {@code smallrye.jwt.sign.key.location} (local run, tests).
         */
        @WithDefault("oidc")
        Auth auth();

        /** Mentors per roster page (pause-service allows 1,000). */
        @WithDefault("1000")
        int pageSize();

        /** Issuer of a signed token; pause-service checks it. */
        @WithDefault("${mp.jwt.verify.issuer}")
        String issuer();

        /** Audience of a signed token. */
        @WithDefault("${mp.jwt.verify.audiences}")
        String audience();

        /** Lifetime of a signed token; a new one is made shortly before it ends. */
        @WithDefault("5m")
        Duration tokenLifetime();

        enum Auth {
            OIDC,
            SIGNED
        }
    }

    interface Reconcile {

        /** How often a run starts on its own, in the scheduler's syntax ({@code 1h}, {@code 30m}); {@code off} never. */
        @WithDefault("1h")
        String every();

        /** How long after start-up the first scheduled run waits (the services around may still be starting). */
        @WithDefault("5m")
        Duration initialDelay();

        /** Contacts per portal page (Dataverse serves at most 5,000). */
        @WithDefault("5000")
        int portalPageSize();

        /** Mentors per write of repairs: one transaction of the write path, {@code $batch} beyond a few. */
        @WithDefault("500")
        int repairChunk();

        /** A RUNNING run whose heartbeat is older than this is taken as abandoned (its replica stopped). */
        @WithDefault("2m")
        Duration abandonAfter();

        /** How often a running run proves it is alive. */
        @WithDefault("15s")
        Duration heartbeat();
    }

    interface Portal {

        /** Base URL of the Dataverse organisation, e.g. {@code https://hlf.crm4.dynamics.com}. */
        String baseUrl();

        /** Entity set holding the mentors' website rows. */
        @WithDefault("contacts")
        String entitySet();

        /** Alternate key column that holds the mentor id. */
        @WithDefault("hlf_mentorid")
        String keyColumn();

        /** Boolean column the website reads to show a mentor. */
        @WithDefault("hlf_showonwebsite")
        String visibilityColumn();

        /** Column holding the mentor's chapter id, for a reconciliation of one chapter. */
        @WithDefault("hlf_chapterid")
        String chapterColumn();

        /** Most PATCH calls in flight at once (Dataverse allows 52 concurrent requests per user). */
        @WithDefault("16")
        int concurrency();
    }

    interface Backoff {

        /** Longest pause between two attempts, whatever the exponent says. */
        @WithDefault("30s")
        Duration maxDelay();

        /** Random spread around each exponential delay, as a fraction of it (0 = none, 0.5 = +-50%). */
        @WithDefault("0.5")
        double jitter();

        /** Longest {@code Retry-After} honoured; a longer one is cut to this. */
        @WithDefault("60s")
        Duration retryAfterCap();
    }

    interface Batch {

        /** Whether many changes of one poll go to the portal as {@code $batch} requests. */
        @WithDefault("true")
        boolean enabled();

        /** Fewer changes than this go out as single PATCHes: lower latency for the everyday trickle. */
        @WithDefault("10")
        int minOperations();

        /** Operations per {@code $batch} request (Dataverse allows 1,000). */
        @WithDefault("1000")
        int maxOperations();

        /** Rounds a failed part of a batch gets, the first included. */
        @WithDefault("5")
        int partAttempts();

        /** First pause before a failed part goes again; it doubles per round (with jitter, at least Retry-After). */
        @WithDefault("1s")
        Duration partRetryDelay();
    }

    interface Alert {

        /** Failed portal writes in the window (of all replicas) below which the failing alert never fires. */
        @WithDefault("5")
        int threshold();

        /** How far back an evaluation looks. */
        @WithDefault("5m")
        Duration window();

        /** Failed share of the window's writes at which the failing alert fires. */
        @WithDefault("0.2")
        double fireRatio();

        /** Failed share at or under which it resolves (with writes succeeding again): the hysteresis. */
        @WithDefault("0.05")
        double resolveRatio();

        /** Writes refused for good (4xx) in the window that open the rejected alert. */
        @WithDefault("1")
        int rejectionThreshold();

        /** How often every replica evaluates the alerts (scheduler syntax, e.g. {@code 15s}). */
        @WithDefault("15s")
        String evaluateEvery();

        /** Webhook that receives a JSON POST when an incident opens and when it resolves; none when absent. */
        Optional<String> webhookUrl();
    }

    interface DeadLetters {

        /** How long a listing or replay may read the dead-letter topic. */
        @WithDefault("30s")
        Duration readTimeout();

        /** Most dead letters one replay call handles (the answer gives the cursor for the rest). */
        @WithDefault("1000")
        int maxReplay();
    }

    interface Api {

        /** Largest request body accepted, in bytes. */
        @WithDefault("16384")
        long maxBodyBytes();

        /** Most rows of one log or dead-letter page. */
        @WithDefault("500")
        int maxPageSize();
    }
}
