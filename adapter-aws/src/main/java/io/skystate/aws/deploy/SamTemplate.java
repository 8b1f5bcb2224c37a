package io.skystate.aws.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.aws.internal.asl.AslCompiler;
import io.skystate.aws.internal.asl.AslOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An AWS SAM template that deploys a Skystate application: one DynamoDB table per state store ({@code pk} S hash,
 * {@code sk} B range, on-demand, TTL on {@code exp}, retained on stack deletion), one SQS queue per message queue plus
 * the workflow task queue, one Step Functions state machine per workflow definition (compiled by
 * {@link AslCompiler} in SQS worker mode, the queue URL filled in through {@code DefinitionSubstitutions}), and one
 * Java 17 Lambda function, {@value #LAMBDA_HANDLER}, that plays the task worker: an SQS event source on the task
 * queue delivers each task message, the function runs the handler and answers Step Functions. Physical names are
 * {@code <ResourcePrefix><name>} (a template parameter, default as given to the builder) and state machines
 * {@code <ResourcePrefix><workflow>-v<version>}, the names the AWS adapter derives at run time. The task queue's
 * visibility timeout (5400 s) is six times the function timeout, as Lambda's SQS integration recommends. The
 * function may call {@code states:SendTask*} on any resource ({@code *}): task tokens do not name their state
 * machine, so the call cannot be scoped further.
 *
 * <p>To deploy the order-saga demo to a real account (AWS credentials and the SAM CLI installed), with
 * {@code CodeUri} pointing at a jar holding the handlers, the Skystate AWS adapter and their dependencies (a shaded
 * jar is packaged as-is):
 * <pre>
 * sam build --template-file target/order-saga-sam.yaml
 * sam deploy --guided        # stack name, region, ResourcePrefix; allow IAM role creation; saves samconfig.toml
 * aws stepfunctions start-execution --state-machine-arn &lt;OrderSagaV1StateMachineArn output&gt; --name order-1 --input '{"orderId":"order-1"}'
 * </pre>
 * {@code sam delete} removes the stack (tables are retained). Not thread-safe while building; the template itself is
 * an immutable snapshot.
 */
public final class SamTemplate {
    public static final String LAMBDA_HANDLER = "io.skystate.aws.lambda.SkystateLambdaHandler::handleRequest";
    /** The handler of the optional HTTP function (callback URLs), see {@link Builder#callbackUrls}. */
    public static final String HTTP_HANDLER = "io.skystate.aws.lambda.FunctionUrlHandler::handleRequest";
    /** The workflow task queue's name before the prefix (the same as the AWS engine's task queue). */
    public static final String DEFAULT_TASK_QUEUE = "skystate-workflow-tasks";
    /** Stores the Step Functions engine keeps for itself (claim checks, registry of definitions and runs). */
    public static final List<String> ENGINE_STORES = List.of("skystate-claims", "skystate-workflows");
    static final String TASK_QUEUE_URL_VARIABLE = "TaskQueueUrl";
    static final int FUNCTION_TIMEOUT = 900;
    static final int TASK_QUEUE_VISIBILITY = 6 * FUNCTION_TIMEOUT;

    private final ObjectNode template;

    private SamTemplate(ObjectNode template) {
        this.template = template;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The template as a JSON tree (a copy). */
    public ObjectNode tree() {
        return template.deepCopy();
    }

    /** The template as YAML. */
    public String yaml() {
        YAMLMapper yaml = YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build();
        try {
            return yaml.writeValueAsString(template);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the template as YAML", e);
        }
    }

    /** Writes the YAML template to {@code file}, creating parent directories. */
    public void write(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            Files.writeString(file, yaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Collects what the template deploys. */
    public static final class Builder {
        final Set<String> stores = new LinkedHashSet<>(ENGINE_STORES);
        final Set<String> queues = new LinkedHashSet<>();
        final Map<String, WorkflowEntry> workflows = new LinkedHashMap<>();
        final Set<String> handlers = new LinkedHashSet<>();
        String codeUri;
        String prefix = "";
        String taskQueue = DEFAULT_TASK_QUEUE;
        String description = "Skystate application";
        String functionName;
        int prefixMaxLength = -1;
        boolean callbackUrls;

        record WorkflowEntry(String name, int version, ObjectNode asl) {
        }

        private Builder() {
        }

        public Builder description(String text) {
            this.description = Objects.requireNonNull(text);
            return this;
        }

        /** The default of the {@code ResourcePrefix} parameter (default empty). */
        public Builder prefix(String resourcePrefix) {
            this.prefix = Objects.requireNonNull(resourcePrefix);
            return this;
        }

        /** The longest {@code ResourcePrefix} the stack accepts (its {@code MaxLength}); unlimited by default. */
        public Builder prefixMaxLength(int length) {
            this.prefixMaxLength = length;
            return this;
        }

        /**
         * Names the worker function {@code <ResourcePrefix><name>} (at most 64 characters in all); by default SAM
         * derives a name from the stack.
         */
        public Builder functionName(String name) {
            this.functionName = Objects.requireNonNull(name);
            return this;
        }

        /**
         * Adds the HTTP function: {@link #HTTP_HANDLER} behind a public Lambda Function URL (named
         * {@code <ResourcePrefix>http} when the worker is named), serving callback URLs; the worker gets the URL as
         * {@code SKYSTATE_HTTP_BASE_URL}, so the callbacks and wait-for-callback steps it creates have working URLs.
         */
        public Builder callbackUrls(boolean enabled) {
            this.callbackUrls = enabled;
            return this;
        }

        public Builder stores(List<String> names) {
            stores.addAll(names);
            return this;
        }

        public Builder queues(List<String> names) {
            queues.addAll(names);
            return this;
        }

        /** The task queue's name before the prefix (default {@value #DEFAULT_TASK_QUEUE}). */
        public Builder taskQueue(String name) {
            this.taskQueue = Objects.requireNonNull(name);
            return this;
        }

        /** Adds a workflow, compiled for the task queue of this template. */
        public Builder workflow(WorkflowDefinition definition) {
            String placeholder = "${" + TASK_QUEUE_URL_VARIABLE + "}";
            return workflow(definition, AslCompiler.compile(definition, AslOptions.sqsWorker(placeholder)));
        }

        /**
         * Adds a workflow with ASL compiled by the caller; it should address the task queue as
         * {@code ${TaskQueueUrl}}, which the template substitutes.
         */
        public Builder workflow(WorkflowDefinition definition, ObjectNode asl) {
            workflows.put(definition.name() + "-v" + definition.version(),
                    new WorkflowEntry(definition.name(), definition.version(), asl.deepCopy()));
            return this;
        }

        /** Handler names the function serves (passed to it as {@code SKYSTATE_HANDLERS}). */
        public Builder handlers(List<String> names) {
            handlers.addAll(names);
            return this;
        }

        /** The function's code: a jar (or directory) with the handlers, the AWS adapter and their dependencies. */
        public Builder codeUri(String uri) {
            this.codeUri = Objects.requireNonNull(uri);
            return this;
        }

        public SamTemplate build() {
            Objects.requireNonNull(codeUri, "codeUri");
            return new SamTemplate(new SamGenerator(this).template());
        }
    }
}
