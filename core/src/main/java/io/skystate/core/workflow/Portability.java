package io.skystate.core.workflow;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The constructs some supported cloud cannot run, as data: each names the cloud, the reason and the
 * {@link Capability} an adapter declares when it can run it anyway. Under {@link WorkflowPortability#PORTABLE} every
 * use is a problem; under {@link WorkflowPortability#ADAPTER_EXTRAS} only uses the adapter lacks the capability for.
 */
public final class Portability {
    /** Most branches of one parallel step on every cloud (Cloud Workflows). */
    public static final int MAX_BRANCHES = 10;
    /** Deepest nesting of parallel steps on every cloud (Cloud Workflows). */
    public static final int MAX_PARALLEL_DEPTH = 2;

    /** A construct that is not portable. */
    public enum Construct {
        COMPENSATION_IN_BRANCH(Capability.WORKFLOW_COMPENSATION_IN_BRANCHES, "AWS Step Functions",
                "a compensation recorded inside a parallel branch cannot leave the branch"),
        WIDE_PARALLEL(Capability.WORKFLOW_WIDE_PARALLEL, "Google Cloud Workflows",
                "a parallel step has at most " + MAX_BRANCHES + " branches and parallel steps nest at most "
                        + MAX_PARALLEL_DEPTH + " deep"),
        EVENT_IN_BRANCH(Capability.WORKFLOW_EVENTS_IN_BRANCHES, "Azure Durable Functions",
                "Skystate's Durable engine runs a parallel branch as a sub-orchestration, which the run's signals do not"
                        + " reach");

        private final Capability capability;
        private final String cloud;
        private final String reason;

        Construct(Capability capability, String cloud, String reason) {
            this.capability = capability;
            this.cloud = cloud;
            this.reason = reason;
        }

        public Capability capability() {
            return capability;
        }

        public String cloud() {
            return cloud;
        }
    }

    private Portability() {
    }

    /** Every problem {@code definition} has under {@code portability} on an adapter with {@code capabilities}. */
    public static List<String> problems(WorkflowDefinition definition, Capabilities capabilities,
            WorkflowPortability portability) {
        List<String> problems = new ArrayList<>();
        scope(definition.steps(), 0, false, (construct, step, detail) -> {
            boolean allowed = portability == WorkflowPortability.ADAPTER_EXTRAS && capabilities.has(construct.capability);
            if (allowed) {
                return;
            }
            String fix = capabilities.has(construct.capability)
                    ? "; " + capabilities.provider() + " runs it if the application sets " + WorkflowPortability.PROPERTY
                            + "=adapter-extras (giving up portability)"
                    : "; the " + capabilities.provider() + " adapter cannot run it either";
            problems.add("step '" + step + "': " + detail + " is not portable: " + construct.cloud + " cannot run it ("
                    + construct.reason + ")" + fix);
        });
        return problems;
    }

    private interface Sink {
        void found(Construct construct, String step, String detail);
    }

    private static void scope(Map<String, Step> steps, int depth, boolean inBranch, Sink sink) {
        for (Step step : steps.values()) {
            if (step instanceof Step.Task task && inBranch && task.compensation().isPresent()) {
                sink.found(Construct.COMPENSATION_IN_BRANCH, task.name(), "a compensation inside a parallel branch");
            }
            if (step instanceof Step.AwaitEvent await && inBranch) {
                sink.found(Construct.EVENT_IN_BRANCH, await.name(), "an awaitEvent step inside a parallel branch");
            }
            if (step instanceof Step.Parallel parallel) {
                if (parallel.branches().size() > MAX_BRANCHES) {
                    sink.found(Construct.WIDE_PARALLEL, parallel.name(), parallel.branches().size() + " branches");
                }
                if (depth + 1 > MAX_PARALLEL_DEPTH) {
                    sink.found(Construct.WIDE_PARALLEL, parallel.name(), "a parallel step nested " + (depth + 1) + " deep");
                }
                for (Step.Branch branch : parallel.branches()) {
                    scope(branch.steps(), depth + 1, true, sink);
                }
            }
        }
    }
}
