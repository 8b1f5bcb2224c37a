package io.skystate.azure.conformance;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowWorkers;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder;
import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.OwningSkystate;
import io.skystate.conformance.Timing;
import io.skystate.emulators.DurableTaskSidecar;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What the Azure bindings share: every instance is an {@link AzureSkystate} on one state backend with a fresh resource
 * prefix, a {@link io.skystate.azure.emulator.FunctionHost} of its own and a Durable Task sidecar of its own (its own
 * task hub: the engine's orchestration and activity names are fixed per function app, so two instances on one
 * sidecar would run each other's work items). {@link #reopen} restarts the application side on the same prefix and
 * sidecar, as a restarted function app would find its storage account and task hub.
 */
abstract class AzureTarget implements ConformanceTarget {
    private final StateBackend state;
    private final Map<Skystate, Durable> durable = Collections.synchronizedMap(new IdentityHashMap<>());

    /** The storage a durable instance keeps across a restart. */
    private record Durable(String prefix, DurableTaskSidecar sidecar) {
    }

    AzureTarget(StateBackend state) {
        this.state = state;
    }

    @Override
    public Skystate open() {
        return AzureTargets.open(AzureSkystate.builder(), state, AzureTargets.newPrefix(), AzureTargets.startSidecar());
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return AzureTargets.open(AzureSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys), state,
                AzureTargets.newPrefix(), AzureTargets.startSidecar());
    }

    @Override
    public Skystate openOperator() {
        return AzureTargets.open(AzureSkystate.builder().workflowWorkers(WorkflowWorkers.OFF), state,
                AzureTargets.newPrefix(), AzureTargets.startSidecar());
    }

    @Override
    public Skystate openDurable() {
        return durable(new Durable(AzureTargets.newPrefix(), AzureTargets.startSidecar()));
    }

    @Override
    public Skystate reopen(Skystate previous) {
        Durable storage = durable.remove(previous);
        if (storage == null) {
            throw new IllegalArgumentException("reopen takes an instance from openDurable() or reopen()");
        }
        OwningSkystate owning = (OwningSkystate) previous;
        owning.release(storage.sidecar());
        owning.close();
        return durable(storage);
    }

    private Skystate durable(Durable storage) {
        AzureSkystateBuilder builder = AzureSkystate.builder();
        OwningSkystate instance = AzureTargets.open(builder, state, storage.prefix(), storage.sidecar());
        durable.put(instance, storage);
        return instance;
    }

    /** Every call crosses a network to an emulator, queue receives poll, and the sidecar's dispatch polls too. */
    @Override
    public Timing timing() {
        return Timing.DEFAULT.scaledBy(2.5);
    }
}
