package io.skystate.gcpworkflows.internal.exec;

import io.skystate.gcpworkflows.internal.model.ForLoop;
import io.skystate.gcpworkflows.internal.model.StepBody;
import io.skystate.gcpworkflows.internal.model.StepList;
import io.skystate.gcpworkflows.internal.value.ErrorTags;
import io.skystate.gcpworkflows.internal.value.Values;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code parallel} steps (https://cloud.google.com/workflows/docs/reference/syntax/parallel-steps): branches or
 * the iterations of a parallel for, each on a pool thread in its own scope, at most {@code concurrency_limit} (and
 * at most {@link Limits#MAX_CONCURRENT_BRANCHES}) at a time; only {@code shared} variables of the enclosing scope
 * are writable. With {@code exception_policy: continueAll} every branch runs to its end and unhandled errors are
 * raised afterwards as one UnhandledBranchError; without it the first unhandled error cancels the other branches
 * and is raised as it is. Thread-safe.
 */
final class ParallelRunner {
    private final Interpreter interpreter;
    private final LoopRunner loops;

    ParallelRunner(Interpreter interpreter) {
        this.interpreter = interpreter;
        this.loops = new LoopRunner(interpreter);
    }

    private record Unit(String id, StepList steps, ForLoop loop, LoopRunner.Iteration items, long index) {
    }

    private record Failure(long sequence, String id, WorkflowError error) {
    }

    void run(StepBody.Parallel parallel, Frame frame) {
        Flow flow = frame.flow();
        int depth = flow.parallelDepth() + 1;
        if (depth > Limits.MAX_PARALLEL_DEPTH) {
            throw WorkflowError.of(ErrorTags.PARALLEL_NESTING_ERROR, "parallel steps nest at most "
                    + Limits.MAX_PARALLEL_DEPTH + " deep");
        }
        for (String name : parallel.shared()) {
            if (!frame.scope().isDefined(name)) {
                throw WorkflowError.keyError("shared variable '" + name + "' must be assigned before the parallel step");
            }
        }
        List<Unit> units = units(parallel, frame);
        int limit = concurrency(parallel, frame, units.size());
        CancellationScope group = flow.cancellation().child();
        List<Failure> failures = new ArrayList<>();
        AtomicLong sequence = new AtomicLong();
        Semaphore permits = new Semaphore(limit);
        List<Future<?>> running = new ArrayList<>();
        Set<String> shared = Set.copyOf(parallel.shared());
        try {
            for (Unit unit : units) {
                permits.acquire();
                if (group.isCancelled()) {
                    permits.release();
                    break;
                }
                running.add(flow.execution().branchPool().submit(() -> {
                    try {
                        runUnit(unit, frame, group, shared, depth, parallel.continueAll(), failures, sequence);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } catch (InterruptedException e) {
            group.cancel();
            awaitQuietly(running);
            throw flow.cancellation().interrupted();
        } catch (ExecutionException e) {
            throw new IllegalStateException("parallel branch crashed", e.getCause());
        } finally {
            flow.cancellation().remove(group);
        }
        flow.cancellation().check();
        raise(failures, parallel.continueAll());
    }

    private List<Unit> units(StepBody.Parallel parallel, Frame frame) {
        List<Unit> units = new ArrayList<>();
        if (parallel.branches() != null) {
            parallel.branches().forEach(branch -> units.add(new Unit(branch.name(), branch.steps(), null, null, 0)));
            return units;
        }
        LoopRunner.Iteration items = loops.iterate(parallel.loop(), frame);
        for (long i = 0; i < items.size(); i++) {
            units.add(new Unit(String.valueOf(i), parallel.loop().steps(), parallel.loop(), items, i));
        }
        return units;
    }

    private int concurrency(StepBody.Parallel parallel, Frame frame, int units) {
        int limit = Math.max(1, Math.min(units, Limits.MAX_CONCURRENT_BRANCHES));
        if (parallel.concurrencyLimit() == null) {
            return limit;
        }
        Object value = parallel.concurrencyLimit().evaluate(interpreter.calls().context(frame));
        if (!(value instanceof Long given) || given < 1) {
            throw WorkflowError.valueError("concurrency_limit must be a positive integer, got "
                    + Values.toText(value));
        }
        return (int) Math.min(limit, given);
    }

    private void runUnit(Unit unit, Frame frame, CancellationScope group, Set<String> shared, int depth,
                         boolean continueAll, List<Failure> failures, AtomicLong sequence) {
        CancellationScope own = group.child();
        Scope scope = frame.scope().child(Scope.Kind.BRANCH, shared);
        own.enter();
        try {
            if (unit.loop() != null) {
                loops.bind(unit.loop(), scope, unit.items(), unit.index());
            }
            Flow flow = new Flow(frame.flow().execution(), own, depth);
            interpreter.runSteps(unit.steps(), frame.withFlow(flow, scope));
        } catch (Signals.Jump jump) {
            // next: end or continue finishes this branch or iteration.
        } catch (CancelledSignal cancelled) {
            // A sibling failed or the execution was cancelled; the caller reports it.
        } catch (WorkflowError error) {
            synchronized (failures) {
                failures.add(new Failure(sequence.incrementAndGet(), unit.id(), error));
            }
            if (!continueAll) {
                group.cancel();
            }
        } finally {
            scope.release();
            own.exit();
            group.remove(own);
        }
    }

    private static void raise(List<Failure> failures, boolean continueAll) {
        if (failures.isEmpty()) {
            return;
        }
        failures.sort(Comparator.comparingLong(Failure::sequence));
        if (!continueAll) {
            throw failures.get(0).error();
        }
        List<Object> branches = new ArrayList<>();
        for (Failure failure : failures.subList(0, Math.min(failures.size(), Limits.MAX_UNHANDLED_BRANCH_ERRORS))) {
            Map<String, Object> branch = new LinkedHashMap<>();
            branch.put("id", failure.id());
            branch.put("error", failure.error().value());
            branches.add(branch);
        }
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("branches", branches);
        throw WorkflowError.of(ErrorTags.UNHANDLED_BRANCH_ERROR, failures.size() + " branch(es) or iteration(s) "
                + "raised unhandled errors", extra);
    }

    private static void awaitQuietly(List<Future<?>> running) {
        boolean interrupted = false;
        for (Future<?> future : running) {
            while (true) {
                try {
                    future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
