package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.list;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.Step;
import io.skystate.gcp.internal.workflows.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Wait, succeed and fail steps. A wait records itself as running with the task endpoint (so a run cancelled or
 * timed out while it sleeps has it in its history), then {@code sys.sleep} (a duration) or {@code sys.sleep_until}
 * (an instant, or the ISO-8601 string at a path: anything else is the fatal DataError). Succeed ends the scope;
 * fail raises its error, which no catch rule of the definition sees (it ends the scope). Stateless.
 */
final class FlowCompiler {
    private FlowCompiler() {
    }

    static List<Map<String, Object>> waitStep(Compilation compilation, Scope scope, Step.Wait wait) {
        String base = compilation.base(wait.name());
        String path = scope.path(wait.name());
        List<Map<String, Object>> steps = new ArrayList<>(ScopeCompiler.entry(compilation, scope, wait.name(), true));
        steps.add(Events.full(base + "_running", scope, path, 1, "RUNNING", null));
        steps.addAll(Events.flush(base + "_record", scope));
        String sleep = base + "_sleep";
        String invalid = base + "_nil";
        if (wait.duration().isPresent()) {
            steps.add(step(sleep, Y.call("sys.sleep", map("seconds", wait.duration().get().toSeconds()), null)));
        } else if (wait.until().isPresent()) {
            steps.add(step(sleep, Y.call("sys.sleep_until", map("time", wait.until().get().toString()), null)));
        } else {
            String at = wait.untilPath().orElseThrow();
            steps.addAll(PathCompiler.presence(scope.data(), at, base + "_in", invalid));
            steps.add(step(base + "_inp", assign(scope.input(), expr(PathCompiler.access(scope.data(), at)))));
            steps.add(step(base + "_type", Y.jumps("get_type(" + scope.input() + ") != \"string\"", invalid)));
            steps.add(step(sleep, map("try", Y.call("sys.sleep_until", map("time", expr(scope.input())), null),
                    "except", map("as", scope.error(), "steps", list(step(sleep + "_bad", map("next", invalid)))))));
        }
        steps.add(Y.then(Events.full(base + "_done", scope, path, 1, "SUCCEEDED", null),
                ScopeCompiler.target(compilation, scope, wait.next())));
        if (wait.untilPath().isPresent()) {
            steps.addAll(TaskCompiler.dataError(scope, invalid, path, 1,
                    "wait path " + wait.untilPath().get() + " selects no ISO-8601 timestamp string"));
        }
        return steps;
    }

    static List<Map<String, Object>> succeed(Compilation compilation, Scope scope, Step.Succeed succeed) {
        String base = compilation.base(succeed.name());
        List<Map<String, Object>> steps = new ArrayList<>(ScopeCompiler.entry(compilation, scope, succeed.name(), false));
        steps.add(Y.then(Events.full(base + "_done", scope, scope.path(succeed.name()), 1, "SUCCEEDED",
                null), scope.endStep()));
        return steps;
    }

    static List<Map<String, Object>> fail(Compilation compilation, Scope scope, Step.Fail fail) {
        String base = compilation.base(fail.name());
        List<Map<String, Object>> steps = new ArrayList<>(ScopeCompiler.entry(compilation, scope, fail.name(), false));
        Map<String, Object> error = map(Protocol.ERROR, Y.text(fail.error()), Protocol.CAUSE, Y.text(fail.cause()));
        steps.add(Events.full(base + "_ev", scope, scope.path(fail.name()), 1, "FAILED", error));
        steps.add(step(base + "_raise", map("raise", error)));
        return steps;
    }
}
