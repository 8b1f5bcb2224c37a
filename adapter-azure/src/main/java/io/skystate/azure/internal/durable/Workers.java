package io.skystate.azure.internal.durable;

import com.microsoft.durabletask.DurableTaskGrpcWorker;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityFactory;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * In-process Durable Task workers: the generic orchestrator and the engine's activities registered on
 * {@code count} workers of one connection. The 1.5.0 Java worker handles one work item at a time on its stream, so
 * several workers let slow handlers run side by side with orchestrator work. Closing stops them.
 */
final class Workers implements AutoCloseable {
    private final List<DurableTaskGrpcWorker> workers = new ArrayList<>();

    Workers(Supplier<DurableTaskGrpcWorkerBuilder> builders, Activities activities, int count) {
        Map<String, Function<String, String>> named = Map.of(Names.TASK, activities::task,
                Names.CALLBACK, activities::callback, Names.COMPENSATE, activities::compensate,
                Names.SPILL, activities::spill, Names.OFFLOAD, activities::offload,
                Names.STOP_BRANCHES, activities::stopBranches);
        for (int i = 0; i < count; i++) {
            DurableTaskGrpcWorkerBuilder builder = builders.get().addOrchestration(orchestration());
            named.forEach((name, body) -> builder.addActivity(activity(name, body)));
            DurableTaskGrpcWorker worker = builder.build();
            worker.start();
            workers.add(worker);
        }
    }

    private static TaskOrchestrationFactory orchestration() {
        return new TaskOrchestrationFactory() {
            @Override
            public String getName() {
                return Names.ORCHESTRATION;
            }

            @Override
            public TaskOrchestration create() {
                return new WorkflowOrchestrator();
            }
        };
    }

    private static TaskActivityFactory activity(String name, Function<String, String> body) {
        TaskActivity activity = ctx -> body.apply(ctx.getInput(String.class));
        return new TaskActivityFactory() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public TaskActivity create() {
                return activity;
            }
        };
    }

    @Override
    public void close() {
        workers.forEach(DurableTaskGrpcWorker::close);
    }
}
