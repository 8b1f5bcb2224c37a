package io.skystate.aws;

import io.skystate.api.KeyRing;
import io.skystate.aws.internal.AwsClients;
import io.skystate.aws.internal.KmsKeyWrapping;
import io.skystate.aws.internal.Resources;
import io.skystate.aws.internal.sfn.StepFunctionsEngine;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.crypto.KeyWrapping;
import io.skystate.core.crypto.StoredKeyRings;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.handler.ReplayGuard;
import io.skystate.core.handler.RequestSigning;
import io.skystate.core.idempotency.StoreBackedIdempotency;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.session.SealedSessions;
import io.skystate.core.util.Lazy;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The services of an {@link AwsSkystate} beyond its stores, queues and handlers — key rings (KMS-wrapped), callbacks
 * and their sweeper, signed handler requests, replay guard, idempotency, sessions, the Step Functions engine — each
 * built on first use. {@link AwsSkystate} creates this graph itself only when one of them is first asked for, so a
 * Lambda cold start that only runs a handler spins none of their lambdas and loads none of their classes.
 * Thread-safe.
 */
final class AwsServices {
    private final Lazy<KeyRing> callbackKeys;
    private final Lazy<StoreBackedCallbacks> callbacks;
    private final Lazy<RequestSigning> signing;
    private final Lazy<ReplayGuard> replays;
    private final Lazy<SealedSessions> sessions;
    private final Lazy<ScheduledExecutorService> sweeper;
    private final Lazy<StepFunctionsEngine> engine;
    private final StoreBackedIdempotency idempotency;

    AwsServices(AwsSkystate skystate, AwsSkystateBuilder b, AwsClients clients, Resources resources,
            HandlerRegistry handlers, Function<String, URI> urls) {
        JacksonCodec codec = skystate.jacksonCodec();
        Lazy<KeyWrapping> wrapping = new Lazy<>(() -> new KmsKeyWrapping(clients.kms(), b.kmsKeyId, b.prefix,
                b.createResources));
        this.callbackKeys = new Lazy<>(() -> b.callbackKeys != null ? b.callbackKeys
                : StoredKeyRings.loadOrCreate(skystate.stateStore("skystate-keys"), "callbacks", wrapping.get()));
        this.sweeper = new Lazy<>(this::startSweeper);
        this.callbacks = new Lazy<>(() -> {
            StoreBackedCallbacks created = new StoreBackedCallbacks(skystate,
                    skystate.stateStore(AwsSkystate.CALLBACK_STORE), codec, callbackKeys.get(), b.clock,
                    token -> urls.apply("callbacks/" + token));
            sweeper.get();
            return created;
        });
        this.signing = new Lazy<>(() -> new RequestSigning(callbackKeys.get(), b.clock, AwsSkystate.PROVIDER));
        this.replays = new Lazy<>(() -> new ReplayGuard(skystate.stateStore("skystate-nonces"), AwsSkystate.PROVIDER));
        this.sessions = new Lazy<>(() -> new SealedSessions(b.sessionKeys != null ? b.sessionKeys
                : StoredKeyRings.loadOrCreate(skystate.stateStore("skystate-keys"), "sessions", wrapping.get()), codec,
                b.clock, AwsSkystate.PROVIDER));
        this.engine = new Lazy<>(() -> new StepFunctionsEngine(skystate, clients, resources, handlers, callbacks.get(),
                codec, b.clock, b.roleArn, token -> urls.apply("workflow-callbacks/"
                        + URLEncoder.encode(token, StandardCharsets.UTF_8)), b.workflowPortability,
                b.workflowWorkers, b.taskWorkers, callbackKeys.get()));
        this.idempotency = new StoreBackedIdempotency(skystate, codec, b.clock);
    }

    StoreBackedCallbacks callbacks() {
        return callbacks.get();
    }

    RequestSigning signing() {
        return signing.get();
    }

    ReplayGuard replays() {
        return replays.get();
    }

    SealedSessions sessions() {
        return sessions.get();
    }

    StepFunctionsEngine engine() {
        return engine.get();
    }

    StoreBackedIdempotency idempotency() {
        return idempotency;
    }

    /** Stops the sweeper and the engine's workers if they were started. */
    void close() {
        ScheduledExecutorService started = sweeper.getIfPresent();
        if (started != null) {
            started.shutdownNow();
        }
        StepFunctionsEngine opened = engine.getIfPresent();
        if (opened != null) {
            opened.close();
        }
    }

    private ScheduledExecutorService startSweeper() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "skystate-aws-callback-sweeper");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, 500, 500, TimeUnit.MILLISECONDS);
        return scheduler;
    }

    private void sweepQuietly() {
        try {
            callbacks.get().sweep();
        } catch (RuntimeException e) {
            System.getLogger(AwsSkystate.class.getName()).log(System.Logger.Level.WARNING,
                    "callback sweep failed; retrying", e);
        }
    }
}
