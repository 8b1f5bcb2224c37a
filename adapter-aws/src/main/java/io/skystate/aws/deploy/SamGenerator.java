package io.skystate.aws.deploy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Builds the tree of a {@link SamTemplate} from its builder. Single use, not thread-safe. */
final class SamGenerator {
    private final JsonNodeFactory json = JsonNodeFactory.instance;
    private final SamTemplate.Builder b;
    private final Set<String> logicalIds = new HashSet<>();
    private final ObjectNode resources = json.objectNode();
    private final ObjectNode outputs = json.objectNode();

    SamGenerator(SamTemplate.Builder builder) {
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
        if (b.prefixMaxLength >= 0) {
            prefix.put("MaxLength", b.prefixMaxLength);
        }
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
        for (SamTemplate.Builder.WorkflowEntry workflow : b.workflows.values()) {
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
        p.put("SqsManagedSseEnabled", true);   // messages encrypted at rest with SQS-owned keys (no key policy to grant)
        if (taskQueue) {
            p.put("VisibilityTimeout", SamTemplate.TASK_QUEUE_VISIBILITY);
        }
        output(id + "Url", taskQueue ? "Workflow task queue" : "URL of queue " + name, ref(id));
        return id;
    }

    private String stateMachine(SamTemplate.Builder.WorkflowEntry workflow, String taskQueue) {
        String id = logicalId("Workflow", workflow.name() + "-v" + workflow.version()) + "StateMachine";
        ObjectNode p = resource(id, "AWS::Serverless::StateMachine").putObject("Properties");
        p.set("Name", named(workflow.name() + "-v" + workflow.version()));
        p.put("Type", "STANDARD");
        p.set("Definition", workflow.asl());
        p.putObject("DefinitionSubstitutions").set(SamTemplate.TASK_QUEUE_URL_VARIABLE, ref(taskQueue));
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
        if (b.functionName != null) {
            p.set("FunctionName", named(b.functionName));
        }
        code(p, SamTemplate.LAMBDA_HANDLER);
        ObjectNode variables = environment(p, keys);
        variables.set("SKYSTATE_TASK_QUEUE_URL", ref(taskQueue));
        variables.put("SKYSTATE_HANDLERS", String.join(",", b.handlers));
        ObjectNode event = p.putObject("Events").putObject("TaskQueue");
        event.put("Type", "SQS");
        ObjectNode eventProperties = event.putObject("Properties");
        eventProperties.set("Queue", getAtt(taskQueue, "Arn"));
        eventProperties.put("BatchSize", 1);
        eventProperties.putArray("FunctionResponseTypes").add("ReportBatchItemFailures");
        policies(p, tables, queues, keys);
        output(id + "Arn", "The Skystate worker function", getAtt(id, "Arn"));
        if (b.callbackUrls) {
            String http = httpFunction(tables, queues, keys);
            variables.set("SKYSTATE_HTTP_BASE_URL", getAtt(http + "Url", "FunctionUrl"));
        }
    }

    /**
     * The HTTP function behind a public Function URL: callback URLs (whose signed tokens are the credential) and,
     * when enabled, signed handler-endpoint requests. It touches the same tables, queues and key as the worker.
     */
    private String httpFunction(List<String> tables, List<String> queues, String keys) {
        String id = "SkystateHttpFunction";
        logicalIds.add(id);
        ObjectNode p = resource(id, "AWS::Serverless::Function").putObject("Properties");
        if (b.functionName != null) {
            p.set("FunctionName", named("http"));
        }
        code(p, SamTemplate.HTTP_HANDLER);
        environment(p, keys);
        p.putObject("FunctionUrlConfig").put("AuthType", "NONE");
        policies(p, tables, queues, keys);
        output(id + "Url", "Base URL of callback URLs", getAtt(id + "Url", "FunctionUrl"));
        return id;
    }

    private void code(ObjectNode p, String handler) {
        p.put("CodeUri", b.codeUri);
        p.put("Handler", handler);
        p.put("Runtime", "java17");
        p.put("MemorySize", 1024);
        p.put("Timeout", SamTemplate.FUNCTION_TIMEOUT);
    }

    private ObjectNode environment(ObjectNode p, String keys) {
        ObjectNode variables = p.putObject("Environment").putObject("Variables");
        variables.set("SKYSTATE_PREFIX", ref("ResourcePrefix"));
        variables.set("SKYSTATE_KMS_KEY_ID", getAtt(keys, "Arn"));
        return variables;
    }

    private void policies(ObjectNode p, List<String> tables, List<String> queues, String keys) {
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
        ArrayNode machines = policies.addObject().putArray("Statement");
        ObjectNode list = machines.addObject().put("Effect", "Allow");
        list.putArray("Action").add("states:ListStateMachines");
        list.put("Resource", "*");
        ObjectNode use = machines.addObject().put("Effect", "Allow");
        use.putArray("Action").add("states:DescribeStateMachine").add("states:StartExecution");
        use.set("Resource", json.objectNode().put("Fn::Sub",
                "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${ResourcePrefix}*"));
        ObjectNode runs = machines.addObject().put("Effect", "Allow");
        runs.putArray("Action").add("states:DescribeExecution").add("states:GetExecutionHistory").add("states:StopExecution");
        runs.set("Resource", json.objectNode().put("Fn::Sub",
                "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:${ResourcePrefix}*"));
        ObjectNode kms = policies.addObject().putArray("Statement").addObject();
        kms.put("Effect", "Allow");
        kms.putArray("Action").add("kms:Encrypt").add("kms:Decrypt").add("kms:DescribeKey");
        kms.set("Resource", getAtt(keys, "Arn"));
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
