package io.skystate.azure.internal.durable;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Capability;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.AzureSkystateBuilder.StateBackend;
import io.skystate.azure.conformance.AzureTargets;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The workflow extras the Durable engine declares work once the application opts into them
 * ({@code workflows.portability=adapter-extras}): parallel steps wider than 10 branches and nested deeper than 2
 * ({@link Capability#WORKFLOW_WIDE_PARALLEL}), and compensations inside branches
 * ({@link Capability#WORKFLOW_COMPENSATION_IN_BRANCHES}), including those of a branch stopped because its sibling
 * failed.
 */
class DurableAdapterExtrasIT {
    private static Skystate skystate;

    @BeforeAll
    static void open() {
        skystate = AzureTargets.open(AzureSkystate.builder().workflowPortability(WorkflowPortability.ADAPTER_EXTRAS),
                StateBackend.TABLES, AzureTargets.newPrefix(), AzureTargets.startSidecar());
    }

    @AfterAll
    static void close() {
        skystate.close();
    }

    private static WorkflowRun run(WorkflowDefinition definition, String id) throws InterruptedException {
        skystate.workflows().register(definition);
        skystate.workflows().start(definition.name(), id, "{}".getBytes(StandardCharsets.UTF_8));
        return skystate.workflows().await(id, Duration.ofSeconds(90));
    }

    @Test
    void wideAndDeepParallelSteps() throws Exception {
        assertThat(skystate.capabilities().has(Capability.WORKFLOW_WIDE_PARALLEL)).isTrue();
        skystate.handlers().register(HandlerDefinition.ofFunction("echoIndex", Integer.class, Integer.class, i -> i));
        WorkflowDefinition definition = WorkflowDefinition.builder("wide", 1).startAt("fan")
                .parallel("fan", p -> {
                    for (int i = 0; i < 12; i++) {
                        String name = "b" + i;
                        p.branch(b -> b.startAt(name).succeed(name));
                    }
                    p.branch(b -> b.startAt("middle").parallel("middle", m -> m.branch(x -> x.startAt("inner")
                            .parallel("inner", n -> n.branch(y -> y.startAt("leaf").succeed("leaf"))))));
                    p.resultPath("$.results");
                }).build();
        WorkflowRun run = run(definition, "wide-1");
        assertThat(run.status()).as("%s %s", run.error(), run.cause()).isEqualTo(RunStatus.SUCCEEDED);
        List<StepExecution> history = skystate.workflows().history("wide-1");
        assertThat(history).anySatisfy(e -> assertThat(e.path()).isEqualTo("fan/12/middle/0/inner/0/leaf"));
        assertThat(history.stream().filter(e -> e.path().startsWith("fan/")).count()).isEqualTo(12 + 3);
    }

    @Test
    void compensationsInsideBranchesRunWhenTheRunFails() throws Exception {
        assertThat(skystate.capabilities().has(Capability.WORKFLOW_COMPENSATION_IN_BRANCHES)).isTrue();
        AtomicInteger refunds = new AtomicInteger();
        skystate.handlers().register(HandlerDefinition.ofFunction("payBranch", Map.class, String.class, in -> "paid"));
        skystate.handlers().register(HandlerDefinition.ofFunction("refundBranch", Map.class, String.class,
                in -> "refund " + refunds.incrementAndGet()));
        skystate.handlers().register(HandlerDefinition.ofFunction("shipLater", Map.class, String.class, in -> {
            try {
                Thread.sleep(1500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new StepFailure("Truck.Broken", "flat tyre");
        }));
        WorkflowDefinition definition = WorkflowDefinition.builder("branchsaga", 1).startAt("fan")
                .parallel("fan", p -> p
                        .branch(b -> b.startAt("pay").task("pay", "payBranch", t -> t.resultPath("$.paid")
                                .compensateWith("refundBranch").next("hold"))
                                .waitFor("hold", Duration.ofSeconds(60), "done").succeed("done"))
                        .branch(b -> b.startAt("ship").task("ship", "shipLater", t -> { })))
                .build();
        WorkflowRun run = run(definition, "branchsaga-1");
        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.error()).hasValue("Truck.Broken");
        assertThat(refunds).as("refunds of the stopped branch's payment").hasValue(1);
        List<String> lines = skystate.workflows().history("branchsaga-1").stream()
                .map(e -> e.path() + " " + e.kind() + " " + e.outcome()).toList();
        assertThat(lines).contains("fan parallel FAILED", "fan/0/pay task SUCCEEDED", "fan/0/hold wait CANCELLED",
                "fan/1/ship task FAILED", "fan/0/pay compensation SUCCEEDED");
    }
}
