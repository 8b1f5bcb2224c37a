package io.skystate.azure.functions;

import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import io.skystate.api.UnsupportedCapabilityException;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder;
import io.skystate.azure.internal.durable.DurableWorkflowEngine;

/**
 * Connects Azure Functions invocations to the Durable engine of an {@link AzureSkystate} whose workflows run on the
 * host's Durable Functions extension ({@link AzureSkystateBuilder#durableFunctions()}, which {@link FunctionsRuntime}
 * selects when the app setting {@value DurableWorkflowFunctions#TASK_HUB_SETTING} is present). Nothing needs
 * configuring at start-up: the engine is the instance's own, created on first use, and the host's Durable client,
 * which reaches Java code only through a {@code durableClient} binding, is handed to it by the first invocation that
 * has one ({@link DurableClientContext#getClient()} is called once per instance: each call opens a channel).
 *
 * <p>{@link DurableWorkflowFunctions} does this on every invocation. A function of your own that uses
 * {@code workflows()} (to start a run from an HTTP trigger, say) should declare
 * {@code @DurableClientInput(name = "durable") DurableClientContext durable} and take the instance from
 * {@link #skystate(DurableClientContext)}: until some function with that binding has run in the worker process,
 * {@code workflows()} has no client and throws a retryable {@code TransientException}. Thread-safe.
 */
public final class DurableFunctionsRuntime {
    private DurableFunctionsRuntime() {
    }

    /** {@link FunctionsRuntime#skystate()}, its workflow engine given the host's client from {@code durable}. */
    public static AzureSkystate skystate(DurableClientContext durable) {
        return attach(FunctionsRuntime.skystate(), durable);
    }

    /** The same for an instance of your own (built with {@link AzureSkystateBuilder#durableFunctions()}). */
    public static AzureSkystate attach(AzureSkystate skystate, DurableClientContext durable) {
        engine(skystate, durable);
        return skystate;
    }

    /**
     * The Durable engine of {@code skystate}, with the host's client attached.
     *
     * @throws UnsupportedCapabilityException when the instance's workflows do not run on the Functions host
     */
    static DurableWorkflowEngine engine(AzureSkystate skystate, DurableClientContext durable) {
        skystate.workflows();
        DurableWorkflowEngine engine = skystate.unwrap(DurableWorkflowEngine.class).filter(DurableWorkflowEngine::onFunctionsHost)
                .orElseThrow(() -> new UnsupportedCapabilityException(AzureSkystate.PROVIDER, "the workflow functions"
                        + " need an instance whose workflows run on the Functions host's Durable extension (app setting "
                        + DurableWorkflowFunctions.TASK_HUB_SETTING + ", AzureSkystateBuilder.durableFunctions()); this"
                        + " one runs them on a Durable Task sidecar (SKYSTATE_DURABLE_HOST), a task hub the host does"
                        + " not dispatch"));
        engine.attachHostClient(durable::getClient);
        return engine;
    }
}
