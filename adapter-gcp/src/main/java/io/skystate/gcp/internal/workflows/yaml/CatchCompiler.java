package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.CatchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outermost {@code try} of a step that can fail: its {@code except} takes the first catch rule matching the
 * portable error (normalized first; fatal errors match none), writes {@code {"error","cause"}} at the rule's result path, records the
 * step CAUGHT and jumps to the rule's next step; when no rule matches it records the step as failed and raises the
 * error again (to the enclosing branch, or to the top level's compensation). In a branch whose parallel step was
 * stopped by a sibling's failure no rule applies: the step is recorded CANCELLED and the branch stops. Stateless.
 */
final class CatchCompiler {
    private CatchCompiler() {
    }

    /**
     * What the compiled step is, for its history events: {@code uncaughtOutcome} is an expression of the outcome an
     * uncaught error records.
     */
    record Target(String base, String path, Object attempts, String uncaughtOutcome, String dataErrorStep) {
    }

    /**
     * The step {@code base_go}: {@code body} (a try body) inside {@code levels} (from {@link RetryCompiler#wrap},
     * possibly null), with the catch rules as its {@code except}. A single native retry level takes the except
     * itself, which saves a level of nesting.
     */
    static Map<String, Object> wrap(Compilation compilation, Scope scope, Target target, List<CatchRule> catches,
            Map<String, Object> body, List<Map<String, Object>> levels) {
        String error = scope.error();
        List<Object> except = new ArrayList<>();
        except.add(step(target.base() + "_xn", Y.call(Helpers.NORMALIZE, map("e", expr(error)), error)));
        String outcome = target.uncaughtOutcome();
        if (!scope.isTop()) {
            except.add(step(target.base() + "_xs", Y.jumps(scope.stopCondition(), target.base() + "_xf")));
            outcome = "if(" + scope.stopCondition() + ", \"CANCELLED\", " + outcome + ")";
        }
        if (!catches.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            for (int i = 0; i < catches.size(); i++) {
                pairs.add(RetryCompiler.matches(error, catches.get(i).errors(), "fatal"));
                pairs.add(target.base() + "_c" + i);
            }
            except.add(step(target.base() + "_x", Y.jumps(pairs.toArray(String[]::new))));
        }
        except.add(step(target.base() + "_xf", Y.call(Helpers.UNCAUGHT, map("l", expr(scope.log()),
                "v", expr(scope.visit()), "p", Y.text(target.path()), "t", expr(scope.started()),
                "a", target.attempts(), "o", expr(outcome), "x", expr(error)), null)));
        for (int i = 0; i < catches.size(); i++) {
            CatchRule rule = catches.get(i);
            String name = target.base() + "_c" + i;
            String event = name + "_ev";
            except.addAll(PathCompiler.write(scope.data(), rule.resultPath(), error, name, target.dataErrorStep(),
                    event));
            except.add(Y.then(Events.full(event, scope, target.path(), target.attempts(), "CAUGHT", error),
                    ScopeCompiler.target(compilation, scope, java.util.Optional.of(rule.next()))));
        }
        Map<String, Object> tryStep;
        if (levels == null) {
            tryStep = map("try", body);
        } else if (levels.size() == 1 && single(levels).containsKey("retry") && !single(levels).containsKey("except")) {
            tryStep = new LinkedHashMap<>(single(levels));
        } else {
            tryStep = map("try", map("steps", new ArrayList<Object>(levels)));
        }
        tryStep.put("except", map("as", error, "steps", except));
        return step(target.base() + "_go", tryStep);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> single(List<Map<String, Object>> levels) {
        return (Map<String, Object>) levels.get(0).values().iterator().next();
    }
}
