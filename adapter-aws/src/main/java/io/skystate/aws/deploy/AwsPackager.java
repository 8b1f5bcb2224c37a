package io.skystate.aws.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.Transaction;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.aws.AwsSkystate;
import io.skystate.aws.internal.asl.AslCompiler;
import io.skystate.aws.internal.asl.AslOptions;
import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import io.skystate.core.deploy.DeploymentPackager;
import io.skystate.core.deploy.ResourceNames;
import java.io.IOException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Packages a Skystate app for AWS: {@value #CODE} (the app's classes at the root and its libraries, the AWS adapter
 * included, under {@code lib/}, the layout Lambda's Java runtime loads), {@value #TEMPLATE} (a {@link SamTemplate}:
 * a DynamoDB table per store, the adapter's own tables, an SQS queue per queue plus the task queue, a state machine
 * per workflow, the KMS key, the worker function and the HTTP function whose Function URL serves callback URLs), one {@code statemachines/<name>-v<version>.asl.json} per
 * workflow (the ASL the template inlines; the task queue URL is the {@code ${TaskQueueUrl}} substitution), a
 * README of the SAM CLI commands and the manifest. Every name is {@code <prefix><name>} as the adapter derives it at
 * run time; the prefix defaults to one derived from the app's name, short enough for every name to fit AWS's limits
 * (state machines and SQS queues 80 characters, Lambda functions 64, DynamoDB tables 255), and the template's
 * {@code ResourcePrefix} parameter refuses longer ones.
 */
public final class AwsPackager implements DeploymentPackager {
    static final String CODE = "function.zip";
    static final String TEMPLATE = "template.yaml";
    static final String FUNCTION = "worker";
    static final String HTTP_FUNCTION = "http";
    /** Stores the adapter keeps besides the engine's: callbacks, stored key rings, handler-endpoint nonces. */
    static final List<String> ADAPTER_STORES = List.of("skystate-callbacks", "skystate-keys", "skystate-nonces");
    static final int STATE_MACHINE_LIMIT = 80;
    static final int QUEUE_LIMIT = 80;
    static final int FUNCTION_LIMIT = 64;
    static final int TABLE_LIMIT = 255;
    /** The longest prefix derived from an app's name (a given one may be longer if every name still fits). */
    static final int DERIVED_PREFIX_LIMIT = 24;

    @Override
    public String cloud() {
        return AwsSkystate.PROVIDER;
    }

    /** As {@link AwsSkystate} declares them: no workflow extras (Step Functions runs the portable set). */
    @Override
    public Capabilities capabilities() {
        return new Capabilities(AwsSkystate.PROVIDER, EnumSet.of(Capability.DURABLE_STATE,
                Capability.CROSS_GROUP_TRANSACTIONS, Capability.DURABLE_WORKFLOWS), Transaction.MAX_OPERATIONS,
                StateLimits.MAX_RECORD_BYTES);
    }

    /** The steps Step Functions does not run yet ({@link AslCompiler#rejectUnsupported}), as registration refuses them. */
    @Override
    public List<String> unsupported(WorkflowDefinition definition) {
        try {
            AslCompiler.rejectUnsupported(definition);
            return List.of();
        } catch (InvalidWorkflowException e) {
            return e.problems();
        }
    }

    @Override
    public void write(Application app, BundleWriter out) throws IOException {
        Map<String, Integer> limits = names(app);
        int maxPrefix = limits.entrySet().stream().mapToInt(e -> e.getValue() - e.getKey().length()).min().orElseThrow();
        String prefix = app.prefix().orElseGet(() -> ResourceNames.prefix(app.name(), Math.min(maxPrefix, DERIVED_PREFIX_LIMIT)));
        limits.forEach((name, limit) -> ResourceNames.requireWithin(cloud(), kind(name), prefix + name, limit));

        SortedMap<String, java.nio.file.Path> code = BundleWriter.tree(app.code().classes(), "");
        app.code().libraries().forEach((name, jar) -> code.put("lib/" + name, jar));
        out.archive(CODE, code, Optional.empty());

        Map<WorkflowDefinition, ObjectNode> asl = new LinkedHashMap<>();
        String queueUrl = "${" + SamTemplate.TASK_QUEUE_URL_VARIABLE + "}";
        JsonMapper json = JsonMapper.builder().build();
        for (WorkflowDefinition definition : app.workflows()) {
            ObjectNode compiled = AslCompiler.compile(definition, AslOptions.sqsWorker(queueUrl));
            asl.put(definition, compiled);
            out.text(aslFile(definition), json.writerWithDefaultPrettyPrinter().writeValueAsString(compiled) + "\n");
        }
        SamTemplate.Builder template = SamTemplate.builder()
                .description("Skystate application " + app.name() + " (generated by skystate:package)")
                .prefix(prefix)
                .prefixMaxLength(maxPrefix)
                .stores(Stream.concat(ADAPTER_STORES.stream(), app.stores().stream()).toList())
                .queues(List.copyOf(app.queues()))
                .handlers(List.copyOf(app.handlers()))
                .functionName(FUNCTION)
                .callbackUrls(true)
                .codeUri(CODE);
        asl.forEach(template::workflow);
        SamTemplate sam = template.build();
        out.text(TEMPLATE, sam.yaml());
        describe(app, prefix, sam.tree(), out);
        out.text("README.md", AwsReadme.text(app, prefix, stackName(prefix), sam.tree()));
    }

    /** Every resource name (before the prefix) with its limit: tables, queues, state machines, the function. */
    private static Map<String, Integer> names(Application app) {
        Map<String, Integer> limits = new TreeMap<>();
        Stream.of(SamTemplate.ENGINE_STORES, ADAPTER_STORES, app.stores()).flatMap(c -> c.stream())
                .forEach(store -> limits.merge(store, TABLE_LIMIT, Math::min));
        Stream.concat(Stream.of(SamTemplate.DEFAULT_TASK_QUEUE), app.queues().stream())
                .forEach(queue -> limits.merge(queue, QUEUE_LIMIT, Math::min));
        app.workflows().forEach(w -> limits.merge(stateMachine(w), STATE_MACHINE_LIMIT, Math::min));
        limits.merge(FUNCTION, FUNCTION_LIMIT, Math::min);
        limits.merge(HTTP_FUNCTION, FUNCTION_LIMIT, Math::min);
        return limits;
    }

    private static String kind(String name) {
        if (name.equals(FUNCTION) || name.equals(HTTP_FUNCTION)) {
            return "Lambda function";
        }
        return name.matches(".*-v[0-9]+") ? "state machine" : "table or queue";
    }

    static String stateMachine(WorkflowDefinition definition) {
        return definition.name() + "-v" + definition.version();
    }

    static String aslFile(WorkflowDefinition definition) {
        return "statemachines/" + stateMachine(definition) + ".asl.json";
    }

    /** The stack name: the prefix without its trailing hyphen. */
    static String stackName(String prefix) {
        String trimmed = prefix.replaceAll("[^A-Za-z0-9-]", "-").replaceAll("-+$", "");
        return trimmed.isEmpty() || !Character.isLetter(trimmed.charAt(0)) ? "skystate-" + trimmed : trimmed;
    }

    private void describe(Application app, String prefix, ObjectNode template, BundleWriter out) {
        var manifest = out.manifest().prefix(prefix);
        for (Map.Entry<String, JsonNode> entry : template.path("Resources").properties()) {
            String id = entry.getKey();
            JsonNode resource = entry.getValue();
            JsonNode properties = resource.path("Properties");
            JsonNode named = Stream.of("TableName", "QueueName", "Name", "FunctionName").map(properties::path)
                    .filter(n -> !n.isMissingNode()).findFirst().orElse(null);
            String name = named == null ? id : named.path("Fn::Sub").asText().replace("${ResourcePrefix}", prefix);
            manifest.resource(resource.path("Type").asText(), name, "logical id " + id);
        }
        app.handlers().forEach(h -> manifest.handler(h, prefix + FUNCTION));
        manifest.resource("AWS::Lambda::Url", prefix + HTTP_FUNCTION + " (Function URL)",
                "logical id SkystateHttpFunctionUrl, made by SAM");
        app.workflows().forEach(w -> manifest.workflow(w.name(), w.version(), prefix + stateMachine(w), aslFile(w)));
        manifest.setting("SKYSTATE_PREFIX", Optional.of(prefix), "resource-name prefix (the ResourcePrefix parameter)");
        manifest.setting("SKYSTATE_TASK_QUEUE_URL", Optional.of("<set by the template>"), "workflow task queue");
        manifest.setting("SKYSTATE_KMS_KEY_ID", Optional.of("<set by the template>"), "KMS key wrapping stored key rings");
        manifest.setting("SKYSTATE_HANDLERS", Optional.of(String.join(",", app.handlers())), "handlers the function serves");
        manifest.setting("SKYSTATE_HTTP_BASE_URL", Optional.of("<set by the template: the URL of " + prefix
                + HTTP_FUNCTION + ">"), "public base URL of callback URLs (the HTTP function's Function URL)");
        manifest.setting("SKYSTATE_HANDLER_ENDPOINTS", Optional.of("false"), "serve handlers over HTTP (signed requests only)");
        manifest.setting("AWS_REGION", Optional.of("<set by Lambda>"), "the region of every client");
    }
}
