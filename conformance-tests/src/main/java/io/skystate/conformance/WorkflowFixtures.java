package io.skystate.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.handler.Handler;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.StepExecution;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Shared helpers of the workflow suites: uniquely named handlers, waiting for runs, and reading their output with
 * {@link JsonTree} (independent of the adapter's codec). Handlers take and return plain JSON trees ({@code Object}:
 * maps, lists, strings, numbers, booleans).
 */
final class WorkflowFixtures {
    /** The portable minimum for retry intervals, timeouts and waits. */
    static final Duration SECOND = Duration.ofSeconds(1);

    private WorkflowFixtures() {
    }

    /** Registers {@code handler} under a fresh unique name on {@code skystate}; returns the name. */
    static String handler(Skystate skystate, Handler<Object, Object> handler) {
        String name = ConformanceSuite.unique("h");
        skystate.handlers().register(HandlerDefinition.of(name, Object.class, Object.class, handler));
        return name;
    }

    /** A handler computing its output from its input only. */
    static String function(Skystate skystate, Function<Object, Object> function) {
        return handler(skystate, (input, context) -> function.apply(input));
    }

    /** A handler returning {@code value} whatever its input. */
    static String constant(Skystate skystate, Object value) {
        return function(skystate, input -> value);
    }

    /** A fresh portable workflow name. */
    static String workflowName() {
        return ConformanceSuite.unique("wf");
    }

    /** A fresh portable instance id. */
    static String instanceId() {
        return ConformanceSuite.unique("run");
    }

    static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The run once it has finished; fails if it is still running after {@link Timing#runAwait()}. */
    static WorkflowRun awaitFinished(Workflows workflows, String instanceId) throws InterruptedException {
        Duration await = Timing.current().runAwait();
        WorkflowRun run = workflows.await(instanceId, await);
        assertThat(run.status()).as("run %s still %s after %s", instanceId, run.status(), await)
                .isNotEqualTo(RunStatus.RUNNING);
        return run;
    }

    /** The run once it has finished, which must be SUCCEEDED. */
    static WorkflowRun awaitSucceeded(Workflows workflows, String instanceId) throws InterruptedException {
        return assertStatus(awaitFinished(workflows, instanceId), RunStatus.SUCCEEDED);
    }

    static WorkflowRun assertStatus(WorkflowRun run, RunStatus status) {
        assertThat(run.status()).as("run %s ended %s (error %s, cause %s)", run.instanceId(), run.status(),
                run.error().orElse("-"), run.cause().orElse("-")).isEqualTo(status);
        return run;
    }

    /** The run's output as a JSON tree (maps, lists, BigDecimals, strings, booleans, null). */
    static Object output(WorkflowRun run) {
        assertThat(run.output()).as("output of run %s", run.instanceId()).isPresent();
        return JsonTree.parse(run.output().orElseThrow());
    }

    /** The member of a JSON object tree. */
    @SuppressWarnings("unchecked")
    static Object member(Object tree, String field) {
        assertThat(tree).as("JSON object expected to hold '%s'", field).isInstanceOf(Map.class);
        return ((Map<String, Object>) tree).get(field);
    }

    /** A JSON tree of an input a handler received, for comparison with {@link JsonTree#parse}. */
    static Object tree(Skystate skystate, Object decoded) {
        return JsonTree.parse(skystate.codec().encode(decoded));
    }

    /** {@code value} as {@link JsonTree} reads it (trailing zeros stripped), for comparing with parsed output. */
    static BigDecimal number(long value) {
        return (BigDecimal) JsonTree.parse(Long.toString(value));
    }

    /** The entries of a history at {@code path}, in order. */
    static List<StepExecution> at(List<StepExecution> history, String path) {
        return history.stream().filter(e -> e.path().equals(path)).toList();
    }

    /** The next element of a queue a handler fills, failing if none arrives within {@link Timing#runAwait()}. */
    static <T> T take(BlockingQueue<T> queue, String what) throws InterruptedException {
        Duration await = Timing.current().runAwait();
        T value = queue.poll(await.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(value).as("%s within %s", what, await).isNotNull();
        return value;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
