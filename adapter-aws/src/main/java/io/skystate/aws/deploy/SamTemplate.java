package io.skystate.aws.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.ArrayList;
import java.util.HashSet;
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
        private final Set<String> stores = new LinkedHashSet<>(ENGINE_STORES);
        private final Set<String> queues = new LinkedHashSet<>();
        private final Map<String, WorkflowEntry> workflows = new LinkedHashMap<>();
        private final Set<String> handlers = new LinkedHashSet<>();
        private String codeUri;
        private String prefix = "";
        private String taskQueue = DEFAULT_TASK_QUEUE;
        private String description = "Skystate application";

        private record WorkflowEntry(String name, int version, ObjectNode asl) {
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
            return new SamTemplate(new Generator(this).template());
        }
    }

    /** Builds the template tree. */
    private static final class Generator {
        private final JsonNodeFactory json = JsonNodeFactory.instance;
        private final Builder b;
        private final Set<String> logicalIds = new HashSet<>();
        private final ObjectNode resources = json.objectNode();
        private final ObjectNode outputs = json.objectNode();

        Generator(Builder builder) {
            this.b = builder;
        }

        ObjectNode template() {
            ObjectNode t = json.objectNode();
            t.put("AWSTemplateFormatVersion", "2010-09-09");
            t.put("Transform", "AWS::Serverless-2016-10-31");
            t.put("Description", b.description);
            ObjectNode prefix = t.putObject("Parameters").putObject("ResourcePrefix");
            prefix.put("Type", "String");
            prefix.put("Default", b.prefix);
            prefix.put("AllowedPattern", "[A-Za-z0-9_-]*");
            prefix.put("Description", "Prepended to every table, queue and state machine name");

            List<String> tables = new ArrayList<>();
            for (String store : b.stores) {
                tables.add(table(store));
            }
            String taskQueue = queue(b.taskQueue, true);
            List<String> queues = new ArrayList<>(List.of(taskQueue));
            for (String queue : b.queues) {
                if (!queue.equals(b.taskQueue)) {
                    queues.add(queue(queue, false));
                }
            }
            List<String> machines = new ArrayList<>();
            for (Builder.WorkflowEntry workflow : b.workflows.values()) {
                machines.add(stateMachine(workflow, taskQueue));
            }
            String keys = keyEncryptionKey();
            function(tables, queues, taskQueue, keys);
            t.set("Resources", resources);
            t.set("Outputs", outputs);
            return t;
        }

        private String table(String store) {
            String id = logicalId("Store", store);
            ObjectNode table = resource(id, "AWS::DynamoDB::Table");
            table.put("DeletionPolicy", "Retain");
            table.put("UpdateReplacePolicy", "Retain");
            ObjectNode p = table.putObject("Properties");
            p.set("TableName", named(store));
            p.put("BillingMode", "PAY_PER_REQUEST");
            ArrayNode attributes = p.putArray("AttributeDefinitions");
            attributes.addObject().put("AttributeName", "pk").put("AttributeType", "S");
            attributes.addObject().put("AttributeName", "sk").put("AttributeType", "B");
            ArrayNode keys = p.putArray("KeySchema");
            keys.addObject().put("AttributeName", "pk").put("KeyType", "HASH");
            keys.addObject().put("AttributeName", "sk").put("KeyType", "RANGE");
            p.putObject("TimeToLiveSpecification").put("AttributeName", "exp").put("Enabled", true);
            output(id + "Name", "Table of store " + store, ref(id));
            return id;
        }

        private String queue(String name, boolean taskQueue) {
            String id = logicalId("Queue", name);
            ObjectNode p = resource(id, "AWS::SQS::Queue").putObject("Properties");
            p.set("QueueName", named(name));
            if (taskQueue) {
                p.put("VisibilityTimeout", TASK_QUEUE_VISIBILITY);
            }
            output(id + "Url", taskQueue ? "Workflow task queue" : "URL of queue " + name, ref(id));
            return id;
        }

        private String stateMachine(Builder.WorkflowEntry workflow, String taskQueue) {
            String id = logicalId("Workflow", workflow.name() + "-v" + workflow.version()) + "StateMachine";
            ObjectNode p = resource(id, "AWS::Serverless::StateMachine").putObject("Properties");
            p.set("Name", named(workflow.name() + "-v" + workflow.version()));
            p.put("Type", "STANDARD");
            p.set("Definition", workflow.asl());
            p.putObject("DefinitionSubstitutions").set(TASK_QUEUE_URL_VARIABLE, ref(taskQueue));
            ArrayNode policies = p.putArray("Policies");
            policies.addObject().putObject("SQSSendMessagePolicy").set("QueueName", getAtt(taskQueue, "QueueName"));
            output(id + "Arn", "State machine of workflow " + workflow.name() + " v" + workflow.version(), ref(id));
            return id;
        }

        /** The KMS key that wraps the key rings the function generates and stores (never their plaintext). */
        private String keyEncryptionKey() {
            String id = "SkystateKeyEncryptionKey";
            logicalIds.add(id);
            ObjectNode key = resource(id, "AWS::KMS::Key");
            key.put("DeletionPolicy", "Retain");
            key.put("UpdateReplacePolicy", "Retain");
            ObjectNode p = key.putObject("Properties");
            p.put("Description", "Wraps the key rings Skystate stores (callback tokens, sessions)");
            p.put("EnableKeyRotation", true);
            ObjectNode policy = p.putObject("KeyPolicy");
            policy.put("Version", "2012-10-17");
            ObjectNode root = policy.putArray("Statement").addObject();
            root.put("Sid", "AccountAdministers");
            root.put("Effect", "Allow");
            root.putObject("Principal").set("AWS", json.objectNode().put("Fn::Sub", "arn:${AWS::Partition}:iam::${AWS::AccountId}:root"));
            root.put("Action", "kms:*");
            root.put("Resource", "*");
            output(id + "Arn", "KMS key wrapping stored key rings", getAtt(id, "Arn"));
            return id;
        }

        private void function(List<String> tables, List<String> queues, String taskQueue, String keys) {
            String id = "SkystateFunction";
            logicalIds.add(id);
            ObjectNode p = resource(id, "AWS::Serverless::Function").putObject("Properties");
            p.put("CodeUri", b.codeUri);
            p.put("Handler", LAMBDA_HANDLER);
            p.put("Runtime", "java17");
            p.put("MemorySize", 1024);
            p.put("Timeout", FUNCTION_TIMEOUT);
            ObjectNode variables = p.putObject("Environment").putObject("Variables");
            variables.set("SKYSTATE_PREFIX", ref("ResourcePrefix"));
            variables.set("SKYSTATE_TASK_QUEUE_URL", ref(taskQueue));
            variables.put("SKYSTATE_HANDLERS", String.join(",", b.handlers));
            variables.set("SKYSTATE_KMS_KEY_ID", getAtt(keys, "Arn"));
            ObjectNode event = p.putObject("Events").putObject("TaskQueue");
            event.put("Type", "SQS");
            ObjectNode eventProperties = event.putObject("Properties");
            eventProperties.set("Queue", getAtt(taskQueue, "Arn"));
            eventProperties.put("BatchSize", 1);
            eventProperties.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
            ArrayNode policies = p.putArray("Policies");
            for (String table : tables) {
                policies.addObject().putObject("DynamoDBCrudPolicy").set("TableName", ref(table));
            }
            for (String queue : queues) {
                policies.addObject().putObject("SQSSendMessagePolicy").set("QueueName", getAtt(queue, "QueueName"));
                policies.addObject().putObject("SQSPollerPolicy").set("QueueName", getAtt(queue, "QueueName"));
            }
            ObjectNode statement = policies.addObject().putArray("Statement").addObject();
            statement.put("Effect", "Allow");
            statement.putArray("Action").add("states:SendTaskSuccess").add("states:SendTaskFailure")
                    .add("states:SendTaskHeartbeat");
            statement.put("Resource", "*");
            ObjectNode kms = policies.addObject().putArray("Statement").addObject();
            kms.put("Effect", "Allow");
            kms.putArray("Action").add("kms:Encrypt").add("kms:Decrypt").add("kms:DescribeKey");
            kms.set("Resource", getAtt(keys, "Arn"));
            output(id + "Arn", "The Skystate worker function", getAtt(id, "Arn"));
        }

        private ObjectNode resource(String id, String type) {
            ObjectNode resource = resources.putObject(id);
            resource.put("Type", type);
            return resource;
        }

        private void output(String id, String description, ObjectNode value) {
            ObjectNode output = outputs.putObject(id);
            output.put("Description", description);
            output.set("Value", value);
        }

        private ObjectNode named(String name) {
            return json.objectNode().put("Fn::Sub", "${ResourcePrefix}" + name);
        }

        private ObjectNode ref(String id) {
            return json.objectNode().put("Ref", id);
        }

        private ObjectNode getAtt(String id, String attribute) {
            ObjectNode node = json.objectNode();
            node.putArray("Fn::GetAtt").add(id).add(attribute);
            return node;
        }

        /** {@code kind} + the name in PascalCase (letters and digits only), made unique. */
        private String logicalId(String kind, String name) {
            StringBuilder id = new StringBuilder(kind);
            boolean upper = true;
            for (char c : name.toCharArray()) {
                if (Character.isLetterOrDigit(c) && c < 128) {
                    id.append(upper ? Character.toUpperCase(c) : c);
                    upper = false;
                } else {
                    upper = true;
                }
            }
            String base = id.toString();
            String unique = base;
            for (int n = 2; !logicalIds.add(unique); n++) {
                unique = base + n;
            }
            return unique;
        }
    }
}
