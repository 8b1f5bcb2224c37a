package io.skystate.observability.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.Workflows;
import io.skystate.observability.SkystateMeters;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The gauge {@link SkystateMeters#WORKFLOW_RUNS_RUNNING}: every {@code period}, one daemon thread pages through
 * {@code Workflows.runs} for RUNNING runs ({@value RunQuery#MAX_PAGE_SIZE} a page, at most {@link #MAX_PAGES}
 * pages, so the gauge stops at 10,000) and publishes the count. Cost per sample: one listing call per page, on the
 * engine's own listing (its provider's list API). NaN until the first sample succeeds; an engine without
 * {@code runs} stops the sampling and leaves NaN. Thread-safe.
 */
final class RunSampler implements AutoCloseable {
    static final int MAX_PAGES = 100;
    private static final System.Logger LOG = System.getLogger("io.skystate.observability");

    private final Supplier<Workflows> workflows;
    private final ScheduledExecutorService scheduler;
    private volatile double running = Double.NaN;

    RunSampler(Supplier<Workflows> workflows, MeterRegistry registry, Duration period) {
        this.workflows = workflows;
        Gauge.builder(SkystateMeters.WORKFLOW_RUNS_RUNNING, this, RunSampler::running).strongReference(true)
                .register(registry);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "skystate-run-sampler");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(1, period.toMillis());
        scheduler.scheduleWithFixedDelay(this::sampleQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    double running() {
        return running;
    }

    /** Takes one sample now. */
    void sample() {
        RunQuery query = RunQuery.all().statuses(RunStatus.RUNNING).pageSize(RunQuery.MAX_PAGE_SIZE);
        long count = 0;
        Optional<String> token = Optional.empty();
        for (int page = 0; page < MAX_PAGES; page++) {
            RunPage result = workflows.get().runs(token.map(query::after).orElse(query));
            count += result.runs().stream().filter(run -> run.status() == RunStatus.RUNNING).count();
            token = result.nextPageToken();
            if (token.isEmpty()) {
                break;
            }
        }
        running = count;
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (UnsupportedOperationException e) {
            LOG.log(System.Logger.Level.WARNING, "skystate observability: this engine cannot list runs; "
                    + SkystateMeters.WORKFLOW_RUNS_RUNNING + " stays NaN: " + e.getMessage());
            scheduler.shutdown();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, () -> "skystate observability: run sample failed: " + e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
