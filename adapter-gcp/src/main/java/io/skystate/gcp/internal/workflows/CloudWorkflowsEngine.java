package io.skystate.gcp.internal.workflows;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.workflows.executions.v1.ExecutionsClient;
import com.google.cloud.workflows.executions.v1.ExecutionsSettings;
import com.google.cloud.workflows.v1.WorkflowsClient;
import com.google.cloud.workflows.v1.WorkflowsSettings;
import io.skystate.api.Capabilities;
import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.TransientException;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.callback.CallbackHttpEndpoint;
import io.skystate.core.callback.StoreBackedCallbacks;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.workflow.ClaimCheck;
import io.skystate.core.workflow.ops.RunIndex;
import io.skystate.core.workflow.ops.RunPageTokens;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Skystate workflows on Google Cloud Workflows: definitions compile to Workflows YAML and deploy through the Workflows
 * API; runs are executions driven through the Executions API; handlers run in the deployed HTTP function, which
 * routes the workflows' calls and the workflow callback URLs to {@link #taskEndpoint()}. State (run records,
 * histories, attempt counters, callback relays, offloaded values) lives in two stores of the given {@link Skystate}
 * ({@code skystate-workflows}, {@code skystate-claims}): Firestore in production. The workflow callbacks must issue
 * URLs of the relay ({@link #callbackUrl}). A sweeper thread (see {@link CloudWorkflowsSettings#sweepInterval()})
 * enforces workflow timeouts and relays callback timeouts; {@link #sweep()} does one round. With workers off
 * ({@link CloudWorkflowsSettings#workers()}) the engine only operates runs: no sweeper thread, and its task endpoint
 * refuses to run steps or sweeps (503, so the workflow retries against a function that runs them). Thread-safe.
 */
public final class CloudWorkflowsEngine implements AutoCloseable {
    private final EngineContext ctx;
    private final GcpWorkflows workflows;
    private final TaskEndpoint endpoint;
    private final RunControl control;
    private final CallbackRelay relay;
    private final HandlerInvoker invoker;
    private final Sweeper sweeper;

    private CloudWorkflowsEngine(EngineContext ctx, KeyRing pageTokenKeys) {
        this.ctx = ctx;
        Deployments deployments = new Deployments(ctx);
        RunRegistry runs = new RunRegistry(ctx);
        HistoryStore history = new HistoryStore(ctx);
        this.relay = new CallbackRelay(ctx);
        EventWaits events = new EventWaits(ctx, relay);
        this.control = new RunControl(ctx, runs, history, relay, events);
        this.invoker = new HandlerInvoker(ctx.handlers());
        RunIndex index = new RunIndex(ctx.registry(), ctx.codec(), new RunPageTokens(pageTokenKeys, GcpErrors.PROVIDER));
        RunViews views = new RunViews(ctx, deployments, runs, history, control);
        this.workflows = new GcpWorkflows(ctx, deployments, new Starts(ctx, deployments, runs, index), views, history,
                control, relay, new RunListing(index, runs, views, relay), events);
        this.endpoint = new TaskEndpoint(ctx.codec(), new TaskCalls(ctx, deployments, runs, history, relay, invoker, events),
                CallbackHttpEndpoint.forWorkflows(workflows, ctx.codec()), this::sweep,
                ctx.settings().workers() == WorkflowWorkers.ON);
        this.sweeper = new Sweeper(this::sweep, ctx.settings().workers() == WorkflowWorkers.ON
                ? ctx.settings().sweepInterval() : Duration.ZERO);
    }

    /**
     * An engine for {@code skystate}'s state stores, its handler registry and its workflow callbacks (whose URLs must
     * be {@link #callbackUrl}s of the same function), validating definitions against {@code capabilities} under
     * {@code portability}; run listings' page tokens are signed with a key derived from {@code pageTokenKeys}.
     */
    public static CloudWorkflowsEngine create(Skystate skystate, HandlerRegistry handlers,
            StoreBackedCallbacks workflowCallbacks, JacksonCodec codec, Clock clock, Supplier<Capabilities> capabilities,
            WorkflowPortability portability, CloudWorkflowsSettings settings, KeyRing pageTokenKeys) {
        try {
            WorkflowsClient workflowsApi;
            ExecutionsClient executionsApi;
            if (settings.apiEndpoint().isPresent()) {
                workflowsApi = WorkflowsClient.create(WorkflowsSettings.newHttpJsonBuilder()
                        .setEndpoint(settings.apiEndpoint().get()).setCredentialsProvider(NoCredentialsProvider.create())
                        .build());
                executionsApi = ExecutionsClient.create(ExecutionsSettings.newHttpJsonBuilder()
                        .setEndpoint(settings.apiEndpoint().get()).setCredentialsProvider(NoCredentialsProvider.create())
                        .build());
            } else {
                workflowsApi = WorkflowsClient.create();
                executionsApi = ExecutionsClient.create();
            }
            return new CloudWorkflowsEngine(new EngineContext(handlers, workflowCallbacks, codec, clock, capabilities,
                    portability, settings, skystate.stateStore("skystate-workflows"),
                    new ClaimCheck(skystate.stateStore("skystate-claims"), codec, clock), workflowsApi, executionsApi),
                    pageTokenKeys);
        } catch (IOException e) {
            throw new TransientException(GcpErrors.PROVIDER, "cannot create the Workflows clients: " + e.getMessage(), e);
        }
    }

    /** The relay URL of a workflow callback token: {@code <function>/skystate/workflow-callbacks/<token>}. */
    public static URI callbackUrl(URI functionBaseUrl, String token) {
        String base = functionBaseUrl.toString().replaceAll("/+$", "");
        return URI.create(base + Protocol.CALLBACK_ROUTE + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    public Workflows workflows() {
        return workflows;
    }

    /** What the deployed function routes {@code /skystate/workflow-tasks/*} and {@code /skystate/workflow-callbacks/*} to. */
    public TaskEndpoint taskEndpoint() {
        return endpoint;
    }

    /** One sweep: times out overdue runs and relays resolved (timed-out) callbacks; returns how many it handled. */
    public int sweep() {
        return control.timeOutOverdue() + relay.sweep() + ctx.callbacks().sweep();
    }

    @Override
    public void close() {
        sweeper.close();
        invoker.close();
        ctx.workflowsApi().close();
        ctx.executionsApi().close();
    }
}
