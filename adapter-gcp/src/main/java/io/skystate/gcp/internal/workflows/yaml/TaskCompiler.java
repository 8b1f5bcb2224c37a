package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.list;
import static io.skystate.gcp.internal.workflows.yaml.Y.lit;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.Step;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.gcp.internal.workflows.Protocol;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Task, awaitCallback and awaitEvent steps (the last: {@value Helpers#AWAIT_EVENT}, see there). An attempt is one call of {@value Helpers#TASK} (an OIDC {@code http.post} to the
 * task endpoint, which runs the handler and answers its result or the portable error) or of
 * {@value Helpers#CALLBACK} (a Workflows callback endpoint, the endpoint's callback operation, then
 * {@code events.await_callback} for the relayed outcome, bounded by the step timeout). Around the attempt: retry
 * levels ({@link RetryCompiler}) and catch rules ({@link CatchCompiler}); after it, the log is cleared (the call
 * carried it), the result is written at the result path and, for a task that names a compensation, its path is
 * pushed on the saga's stack. Requests name the step by its history path; the endpoint finds the handler, timeout
 * and heartbeat in the registered definition, counts attempts and records the step. Stateless.
 */
final class TaskCompiler {
    /** Seconds the HTTP call may take beyond the step timeout, so the endpoint's own timeout answers first. */
    static final long HTTP_GRACE_SECONDS = 30;
    /** Workflows' longest HTTP timeout. */
    static final long MAX_HTTP_SECONDS = 1800;

    private TaskCompiler() {
    }

    static List<Map<String, Object>> task(Compilation compilation, Scope scope, Step.Task task) {
        Duration timeout = task.timeout().orElse(HandlerRegistry.DEFAULT_TIMEOUT);
        return compile(compilation, scope, new Shape(task.name(), task.kind(), task.inputPath(), task.resultPath(),
                task.next(), timeout, task.compensation()),
                task.retry(), task.catches());
    }

    static List<Map<String, Object>> callback(Compilation compilation, Scope scope, Step.AwaitCallback await) {
        return compile(compilation, scope, new Shape(await.name(), await.kind(), await.inputPath(),
                await.resultPath(), await.next(), await.timeout(), Optional.empty()),
                await.retry(), await.catches());
    }

    /** An awaitEvent step: one attempt of {@value Helpers#AWAIT_EVENT}, no retries, the step's catch rules. */
    static List<Map<String, Object>> event(Compilation compilation, Scope scope, Step.AwaitEvent await) {
        return compile(compilation, scope, new Shape(await.name(), await.kind(), "$", await.resultPath(),
                await.next(), await.timeout(), Optional.empty()), List.of(), await.catches());
    }

    /** What task, callback and event steps have in common. */
    private record Shape(String name, String kind, String inputPath, String resultPath, Optional<String> next,
            Duration timeout, Optional<String> compensation) {
        /** Steps that wait (the workflow records their success; the endpoint cannot know when it is delivered). */
        boolean callback() {
            return kind.equals("awaitCallback") || event();
        }

        boolean event() {
            return kind.equals("awaitEvent");
        }
    }

    private static List<Map<String, Object>> compile(Compilation compilation, Scope scope, Shape shape,
            List<RetryRule> retry, List<CatchRule> catches) {
        String base = compilation.base(shape.name());
        String path = scope.path(shape.name());
        List<Map<String, Object>> steps = new ArrayList<>(ScopeCompiler.entry(compilation, scope, shape.name(), true));
        String input = scope.data();
        if (!shape.inputPath().equals("$")) {
            steps.addAll(PathCompiler.presence(scope.data(), shape.inputPath(), base + "_in", base + "_nil"));
            steps.add(step(base + "_inp", assign(scope.input(),
                    expr(PathCompiler.access(scope.data(), shape.inputPath())))));
            input = scope.input();
        }
        Map<String, Object> attempt = attempt(scope, shape, path, input);
        steps.add(CatchCompiler.wrap(compilation, scope, new CatchCompiler.Target(base, path, null, "\"FAILED\"",
                base + "_bad"), catches, attempt, RetryCompiler.wrap(compilation, base, retry, attempt)));
        steps.add(step(base + "_sent", assign(scope.log(), list())));
        String target = ScopeCompiler.target(compilation, scope, shape.next());
        List<Map<String, Object>> after = new ArrayList<>();
        if (shape.callback()) {
            after.add(Events.full(base + "_ok", scope, path, null, "SUCCEEDED", null));
        }
        shape.compensation().ifPresent(handler -> after.add(step(base + "_push", assign("comp",
                expr("list.concat(comp, " + lit(path) + ")")))));
        String written = after.isEmpty() ? target : after.get(0).keySet().iterator().next();
        steps.addAll(PathCompiler.write(scope.data(), shape.resultPath(), scope.answer(), base + "_out", base + "_bad",
                written));
        if (!after.isEmpty()) {
            after.set(after.size() - 1, Y.then(after.get(after.size() - 1), target));
            steps.addAll(after);
        }
        if (!shape.inputPath().equals("$")) {
            steps.addAll(dataError(scope, base + "_nil", path, 0,
                    "input path " + shape.inputPath() + " selects nothing"));
        }
        if (writes(shape.resultPath(), catches)) {
            steps.addAll(dataError(scope, base + "_bad", path, null, "cannot write the result or error at its path"));
        }
        return steps;
    }

    /** True when a result or catch path can fail to be written (only {@code $} never fails). */
    static boolean writes(String resultPath, List<CatchRule> catches) {
        return !resultPath.equals("$") || catches.stream().anyMatch(c -> !c.resultPath().equals("$"));
    }

    /** The try body of one attempt: a single call whose result lands in the scope's answer variable. */
    private static Map<String, Object> attempt(Scope scope, Shape shape, String path, String input) {
        Map<String, Object> body = map(Protocol.RUN, expr("run"), Protocol.EXECUTION, expr("xid"),
                Protocol.PATH, Y.text(path), Protocol.VISIT, expr(scope.visit()), Protocol.STARTED,
                expr(scope.started()), Protocol.INPUT, expr(input), Protocol.LOG, expr(scope.log()));
        if (shape.event()) {
            Map<String, Object> claim = map(Protocol.RUN, expr("run"), Protocol.EXECUTION, expr("xid"),
                    Protocol.PATH, Y.text(path), Protocol.VISIT, expr(scope.visit()), Protocol.STARTED,
                    expr(scope.started()), Protocol.LOG, expr(scope.log()));
            return Y.call(Helpers.AWAIT_EVENT, map("fn", expr("fn"), "body", claim, "timeout", HTTP_GRACE_SECONDS * 2,
                    "wait", shape.timeout().toSeconds()), scope.answer());
        }
        long http = Math.min(MAX_HTTP_SECONDS, shape.timeout().toSeconds() + HTTP_GRACE_SECONDS);
        if (!shape.callback()) {
            return Y.call(Helpers.TASK, map("fn", expr("fn"), "op", Protocol.OP_TASK, "body", body, "timeout", http),
                    scope.answer());
        }
        return Y.call(Helpers.CALLBACK, map("fn", expr("fn"), "body", body, "timeout", http,
                "wait", shape.timeout().toSeconds()), scope.answer());
    }

    /** A step recording the step FAILED with the fatal DataError ({@code cause}) and raising it. */
    static List<Map<String, Object>> dataError(Scope scope, String name, String path, Object attempts, String cause) {
        return List.of(step(name, Y.call(Helpers.DATA_ERROR, map("l", expr(scope.log()), "v", expr(scope.visit()),
                "p", Y.text(path), "t", expr(scope.started()), "a", attempts, "c", Y.text(cause)), null)));
    }
}
