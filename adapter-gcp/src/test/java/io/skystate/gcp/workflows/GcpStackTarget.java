package io.skystate.gcp.workflows;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowWorkers;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.conformance.Timing;
import io.skystate.emulators.FirestoreEmulator;
import io.skystate.emulators.PubSubEmulator;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.GcpSkystateBuilder;
import io.skystate.gcp.conformance.GcpTarget;
import io.skystate.gcp.emulator.FunctionServer;
import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Binds the workflow suites to the whole GCP stack: {@link GcpSkystate} with state on the Firestore emulator, queues on
 * pstest, the real {@code SkystateHttpFunction} behind a {@link FunctionServer} (task endpoint and callback relay),
 * and Skystate's Workflows runner (not Google's engine) as Cloud Workflows. Each instance gets its own prefix (its
 * own collections, topics and workflow ids); a durable instance reopens on the same prefix and function URL, as a
 * redeployed function would, while the runner keeps running its executions.
 */
final class GcpStackTarget implements ConformanceTarget {
    static final GcpStackTarget INSTANCE = new GcpStackTarget();

    private final Map<Skystate, Instance> instances = Collections.synchronizedMap(new IdentityHashMap<>());

    private record Instance(FunctionServer function, String prefix) {
    }

    private GcpStackTarget() {
    }

    @Override
    public String adapterId() {
        return "gcp-workflows";
    }

    @Override
    public Skystate open() {
        return build(GcpSkystate.builder(), new FunctionServer(), freshPrefix());
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return build(GcpSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys), new FunctionServer(),
                freshPrefix());
    }

    /**
     * An instance with workers off on its own prefix, serving its own function: Cloud Workflows' calls to that function
     * are refused (503), so no step of its runs executes anywhere.
     */
    @Override
    public Skystate openOperator() {
        return build(GcpSkystate.builder().workflowWorkers(WorkflowWorkers.OFF), new FunctionServer(), freshPrefix());
    }

    @Override
    public Skystate openDurable() {
        return open();
    }

    @Override
    public Skystate reopen(Skystate previous) {
        Instance instance = instances.remove(previous);
        if (instance == null) {
            throw new IllegalArgumentException("reopen takes an instance from openDurable() or reopen()");
        }
        ((GcpSkystate) previous).close();
        return build(GcpSkystate.builder(), instance.function(), instance.prefix());
    }

    /** A GCP stack instance against the shared emulators and runner; close it with {@link #close(Skystate)}. */
    static GcpSkystate open(String prefix) {
        return (GcpSkystate) INSTANCE.build(GcpSkystate.builder(), new FunctionServer(), prefix);
    }

    private GcpSkystate build(GcpSkystateBuilder builder, FunctionServer function, String prefix) {
        GcpSkystate skystate = builder.project(FirestoreEmulator.PROJECT_ID)
                .firestoreEmulator(FirestoreEmulator.get().hostPort()).pubSubEmulator(PubSubEmulator.get().hostPort())
                .keyEncryptionKey(GcpTarget.TEST_KEY_ENCRYPTION_KEY).prefix(prefix).httpBaseUrl(function.baseUrl())
                .workflowsLocation("us-central1").workflowsEndpoint(GcpWorkflowsStack.runner().endpoint())
                .workflowSweepInterval(Duration.ofMillis(250)).build();
        function.serve(skystate);
        instances.put(skystate, new Instance(function, prefix));
        return skystate;
    }

    @Override
    public Gaps gaps() {
        return GcpWorkflowsGaps.EMULATORS;
    }

    /** Every step crosses HTTP to the function and several Firestore emulator calls. */
    @Override
    public Timing timing() {
        return Timing.DEFAULT.scaledBy(3.0);
    }

    private static String freshPrefix() {
        return "w" + UUID.randomUUID().toString().substring(0, 8) + "-";
    }
}
