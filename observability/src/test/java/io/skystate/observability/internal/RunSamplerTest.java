package io.skystate.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.Workflows;
import io.skystate.observability.SkystateMeters;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The RUNNING-runs gauge pages through the listing and counts only RUNNING runs; NaN until it can. */
class RunSamplerTest {
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void countsRunningRunsAcrossPages() {
        List<RunQuery> asked = new ArrayList<>();
        // 250 running runs in pages of 100; the last page also holds a finished run, which must not count.
        Workflows workflows = listing(query -> {
            asked.add(query);
            int page = query.pageToken().map(Integer::parseInt).orElse(0);
            List<RunSummary> runs = new ArrayList<>(IntStream.range(0, page < 2 ? 100 : 50)
                    .mapToObj(i -> summary("r" + page + "-" + i, RunStatus.RUNNING)).toList());
            if (page == 2) {
                runs.add(summary("done", RunStatus.SUCCEEDED));
            }
            return new RunPage(runs, page < 2 ? Optional.of(Integer.toString(page + 1)) : Optional.empty());
        });
        try (RunSampler sampler = new RunSampler(() -> workflows, registry, Duration.ofHours(1))) {
            assertThat(gauge()).isNaN();
            sampler.sample();
            assertThat(gauge()).isEqualTo(250.0);
        }
        assertThat(asked).hasSize(3).allSatisfy(q -> {
            assertThat(q.statuses()).containsExactly(RunStatus.RUNNING);
            assertThat(q.pageSize()).isEqualTo(RunQuery.MAX_PAGE_SIZE);
        });
    }

    @Test
    void anEngineWithoutListingLeavesTheGaugeNaN() {
        Workflows workflows = listing(query -> {
            throw new UnsupportedOperationException("runs not implemented");
        });
        try (RunSampler sampler = new RunSampler(() -> workflows, registry, Duration.ofHours(1))) {
            assertThatThrownBy(sampler::sample).isInstanceOf(UnsupportedOperationException.class);
            assertThat(gauge()).isNaN();
        }
    }

    private double gauge() {
        return registry.get(SkystateMeters.WORKFLOW_RUNS_RUNNING).gauge().value();
    }

    private static RunSummary summary(String id, RunStatus status) {
        return new RunSummary(id, "w", 1, status, Instant.EPOCH, Optional.empty(), Optional.empty(), 0);
    }

    /** Workflows whose only working method is runs. */
    private static Workflows listing(java.util.function.Function<RunQuery, RunPage> runs) {
        return (Workflows) Proxy.newProxyInstance(Workflows.class.getClassLoader(), new Class<?>[] {Workflows.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("runs")) {
                        return runs.apply((RunQuery) args[0]);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
