package io.skystate.aws.internal.sfn;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.NotFoundException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.aws.internal.asl.AslCompiler;
import io.skystate.aws.internal.asl.AslOptions;
import io.skystate.core.workflow.WorkflowValidator;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.StateMachineAlreadyExistsException;

/**
 * Registered definitions: validated, compiled to ASL and created as state machine {@code <prefix><name>-v<version>}
 * (or, on an instance that may not create resources, the state machine the deployment made is adopted, see
 * {@link DeployedStateMachines}); the portable document and the state machine ARN are kept in the registry store under
 * group {@code def-<name>}.
 */
final class StateMachines {
    /** What the registry keeps per definition version. */
    record DefinitionRecord(String document, String stateMachineArn) {
    }

    private final EngineParts parts;
    private final Map<String, DefinitionRecord> cache = new ConcurrentHashMap<>();

    StateMachines(EngineParts parts) {
        this.parts = parts;
    }

    WorkflowDefinition register(WorkflowDefinition definition) {
        WorkflowValidator.check(definition, name -> parts.handlers().names().contains(name),
                parts.skystate().capabilities(), parts.portability());
        AslCompiler.rejectUnsupported(definition);
        String document = WorkflowDocuments.toJson(definition);
        Optional<DefinitionRecord> existing = record(definition.name(), definition.version());
        if (existing.isPresent()) {
            if (!WorkflowDocuments.parseJson(existing.get().document()).equals(definition)) {
                throw new AlreadyExistsException("aws", "version " + definition.version() + " of workflow '"
                        + definition.name() + "' is already registered with different content; register a new version");
            }
            return definition;
        }
        String asl = parts.codec().mapper().valueToTree(AslCompiler.compile(definition,
                AslOptions.sqsWorker(parts.taskQueueUrl()))).toString();
        String name = parts.resources().name(definition.name()) + "-v" + definition.version();
        String arn = parts.resources().creates() ? create(name, asl) : DeployedStateMachines.adopt(parts, name, asl);
        DefinitionRecord record = new DefinitionRecord(document, arn);
        try {
            parts.registry().putJson(key(definition.name(), definition.version()), record, PutOptions.ifAbsent());
        } catch (AlreadyExistsException concurrent) {
            // registered concurrently with the same content (the state machine create would have failed otherwise)
        }
        cache.put(definition.name() + "@" + definition.version(), record);
        return definition;
    }

    private String create(String name, String asl) {
        try {
            return parts.clients().sfn().createStateMachine(b -> b.name(name).definition(asl).roleArn(parts.roleArn()))
                    .stateMachineArn();
        } catch (StateMachineAlreadyExistsException e) {
            throw new AlreadyExistsException("aws", "state machine " + name + " exists with another definition", e);
        } catch (SdkException e) {
            throw SfnErrors.translate("create state machine " + name, e);
        }
    }

    String arn(String workflow, int version) {
        return record(workflow, version).map(DefinitionRecord::stateMachineArn).orElseThrow(() ->
                new NotFoundException("aws", "workflow '" + workflow + "' version " + version + " is not registered"));
    }

    Optional<WorkflowDefinition> find(String workflow, int version) {
        return record(workflow, version).map(r -> WorkflowDocuments.parseJson(r.document()));
    }

    WorkflowDefinition require(String workflow, int version) {
        return find(workflow, version).orElseThrow(() ->
                new NotFoundException("aws", "workflow '" + workflow + "' version " + version + " is not registered"));
    }

    Optional<Integer> latestVersion(String workflow) {
        Optional<Integer> latest = Optional.empty();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage("def-" + workflow, 100));
        while (request.isPresent()) {
            Page page = parts.registry().list(request.get());
            if (!page.entries().isEmpty()) {
                latest = Optional.of(Integer.parseInt(page.entries().get(page.entries().size() - 1).key().id()));
            }
            request = request.get().next(page);
        }
        return latest;
    }

    private Optional<DefinitionRecord> record(String workflow, int version) {
        DefinitionRecord cached = cache.get(workflow + "@" + version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<DefinitionRecord> stored = parts.registry().getJson(key(workflow, version), DefinitionRecord.class);
        stored.ifPresent(r -> cache.put(workflow + "@" + version, r));
        return stored;
    }

    private static Key key(String workflow, int version) {
        return new Key("def-" + workflow, String.format("%06d", version));
    }
}
