package io.skystate.local.selftest;

import static io.skystate.local.selftest.BrokenTargets.target;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.local.LocalSkystate;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Deliberately broken workflow engines, one per workflow suite. */
final class BrokenWorkflowTargets {
    private BrokenWorkflowTargets() {
    }

    /** Every run starts with an empty document instead of its input. */
    static final ConformanceTarget DROPS_INPUT = engine("selftest-drops-input", real -> new DelegatingWorkflows(real) {
        @Override
        public WorkflowRun start(String workflow, int version, String id, byte[] input) {
            return real.start(workflow, version, id, "{}".getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public WorkflowRun start(String workflow, String id, byte[] input) {
            return real.start(workflow, id, "{}".getBytes(StandardCharsets.UTF_8));
        }
    });

    /** Invalid definitions are accepted silently (and never registered). */
    static final ConformanceTarget LENIENT_REGISTRATION = engine("selftest-lenient-registration",
            real -> new DelegatingWorkflows(real) {
                @Override
                public WorkflowDefinition register(WorkflowDefinition definition) {
                    try {
                        return real.register(definition);
                    } catch (InvalidWorkflowException ignored) {
                        return definition;
                    }
                }
            });

    /** Retry rules of top-level tasks are dropped on registration, as a careless compiler would. */
    static final ConformanceTarget DROPS_RETRIES = engine("selftest-drops-retries", real -> new DelegatingWorkflows(real) {
        @Override
        public WorkflowDefinition register(WorkflowDefinition definition) {
            Map<String, Step> steps = new LinkedHashMap<>();
            definition.steps().forEach((name, step) -> steps.put(name, step instanceof Step.Task t
                    ? new Step.Task(t.name(), t.handler(), t.inputPath(), t.resultPath(), t.next(), List.of(),
                            t.catches(), t.timeout(), t.compensation())
                    : step));
            return real.register(new WorkflowDefinition(definition.name(), definition.version(), definition.startAt(),
                    steps, definition.timeout()));
        }
    });

    /** A failed callback is delivered to the workflow as a completion carrying the error. */
    static final ConformanceTarget FAIL_AS_COMPLETE = engine("selftest-fail-as-complete", real -> new DelegatingWorkflows(real) {
        @Override
        public void failCallback(String token, String error, String cause) {
            real.completeCallback(token, ("{\"error\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    });

    /** Histories that record every finished step as SUCCEEDED, whatever happened to it. */
    static final ConformanceTarget OPTIMISTIC_HISTORY = engine("selftest-optimistic-history",
            real -> new DelegatingWorkflows(real) {
                @Override
                public List<StepExecution> history(String id) {
                    return real.history(id).stream().map(e -> new StepExecution(e.path(), e.kind(),
                            StepExecution.Outcome.SUCCEEDED, e.startedAt(), e.endedAt(), e.attempts(),
                            java.util.Optional.empty(), java.util.Optional.empty())).toList();
                }
            });

    /** "Durable" instances that claim DURABLE_WORKFLOWS but keep runs in memory: a restart loses them. */
    static final ConformanceTarget FORGETS_ON_RESTART = new ConformanceTarget() {
        @Override public String adapterId() { return "selftest-forgets-on-restart"; }
        @Override public Skystate open() { return LocalSkystate.inMemory(); }
        @Override public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
            return LocalSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys).build();
        }
        @Override public Skystate openDurable() { return claimingDurability(LocalSkystate.inMemory()); }
        @Override public Skystate reopen(Skystate previous) {
            previous.close();
            return claimingDurability(LocalSkystate.inMemory());
        }
        @Override public Gaps gaps() { return Gaps.none(); }
        @Override public String toString() { return adapterId(); }
    };

    private static Skystate claimingDurability(Skystate real) {
        Capabilities claimed = real.capabilities().with(Capability.DURABLE_WORKFLOWS);
        return new DelegatingSkystate(real) {
            @Override
            public Capabilities capabilities() {
                return claimed;
            }
        };
    }

    static ConformanceTarget engine(String id, UnaryOperator<Workflows> breaker) {
        return target(id, real -> new DelegatingSkystate(real) {
            private final Workflows broken = breaker.apply(real.workflows());

            @Override
            public Workflows workflows() {
                return broken;
            }
        });
    }
}
