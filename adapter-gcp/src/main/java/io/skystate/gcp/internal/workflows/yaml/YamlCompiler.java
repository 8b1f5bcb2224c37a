package io.skystate.gcp.internal.workflows.yaml;

import static io.skystate.gcp.internal.workflows.yaml.Y.assign;
import static io.skystate.gcp.internal.workflows.yaml.Y.expr;
import static io.skystate.gcp.internal.workflows.yaml.Y.list;
import static io.skystate.gcp.internal.workflows.yaml.Y.lit;
import static io.skystate.gcp.internal.workflows.yaml.Y.map;
import static io.skystate.gcp.internal.workflows.yaml.Y.step;

import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.gcp.internal.workflows.Protocol;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles a portable {@link WorkflowDefinition} (already validated by core's {@code WorkflowValidator}) to Google
 * Cloud Workflows YAML with the semantics of core's step interpreter. The same definition always gives the same
 * text, and the text names no environment: the task endpoint's base URL and the run id come in the execution
 * argument {@code {"d": data, "c": {"run", "fn"}}} (or without {@code d}: the input is then fetched from the
 * endpoint), so one generated file deploys anywhere ({@code gcloud workflows deploy}).
 *
 * <p>{@code main} keeps the workflow data in one variable, runs the top-level steps ({@link ScopeCompiler}) inside
 * a {@code try} whose {@code except} is the saga ({@link SagaCompiler}), and returns
 * {@code {"d": data, "log": events}}. The mapping of each step kind is documented on its compiler and in the
 * adapter's README-workflows.md. Stateless and thread-safe.
 */
public final class YamlCompiler {
    /** Workflows' limit on a workflow's source (https://cloud.google.com/workflows/quotas). */
    public static final int MAX_SOURCE_BYTES = 128 * 1024;
    /** The step a successful top level jumps to. */
    static final String DONE = "sky_done";


    private YamlCompiler() {
    }

    /** The Workflows source of {@code definition}. */
    public static String compile(WorkflowDefinition definition) {
        Compilation compilation = new Compilation(definition);
        Scope top = Scope.top(DONE);
        List<Object> body = new ArrayList<>(ScopeCompiler.compile(compilation, top, definition.startAt(),
                definition.steps()));
        body.add(step(DONE, map("return", map(Protocol.RESULT_DATA, expr(top.data()), Protocol.LOG, expr(top.log())))));
        List<Object> steps = list(
                step("sky_init", assign(
                        "run", expr("args." + Protocol.ARG_CONTEXT + "." + Protocol.RUN),
                        "fn", expr("args." + Protocol.ARG_CONTEXT + "." + Protocol.ARG_FUNCTION),
                        "xid", expr("sys.get_env(\"GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID\")"),
                        top.log(), list(), "comp", list(), top.counter(), 0, top.prefix(), "m",
                        top.lastOpen(), false, "fatal", expr(Helpers.FATAL))),
                step("sky_input", Y.jumps(lit(Protocol.ARG_DATA) + " in args", "sky_argument")),
                step("sky_fetch", Y.call(Helpers.CALL, map("fn", expr("fn"), "op", Protocol.OP_INPUT, "body",
                        map(Protocol.RUN, expr("run"), Protocol.EXECUTION, expr("xid"), Protocol.LOG, list())),
                        top.answer())),
                step("sky_fetched", Y.next(assign(top.data(), expr(top.answer() + "." + Protocol.RESULT)), "sky_body")),
                step("sky_argument", assign(top.data(), expr("args." + Protocol.ARG_DATA))),
                step("sky_body", map("try", map("steps", body),
                        "except", map("as", "failure", "steps", SagaCompiler.except("failure")))));
        Map<String, Object> program = new LinkedHashMap<>();
        program.put("main", map("params", list("args"), "steps", steps));
        Helpers.addTo(program);
        program.putAll(compilation.predicates());
        return "# Skystate workflow " + definition.name() + " v" + definition.version()
                + " (generated from its portable definition; do not edit)\n" + YamlWriter.write(program);
    }
}
