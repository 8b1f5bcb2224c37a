package io.skystate.azure.internal.durable;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.NotFoundException;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.WorkflowValidator;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered definitions: validated with core's {@link WorkflowValidator} (capabilities and portability of this
 * instance), stored as portable JSON documents by version in the registry, cached. A run carries its version's
 * document in its orchestration input, so registering a new version never changes a running instance. Thread-safe.
 */
final class DefinitionStore {
    private final EngineParts parts;
    private final Map<String, String> documents = new ConcurrentHashMap<>();

    DefinitionStore(EngineParts parts) {
        this.parts = parts;
    }

    WorkflowDefinition register(WorkflowDefinition definition) {
        WorkflowValidator.check(definition, name -> parts.handlers().names().contains(name),
                parts.capabilities().get(), parts.portability());
        String document = WorkflowDocuments.toJson(definition);
        if (!parts.registry().putDefinition(definition.name(), definition.version(), document)) {
            WorkflowDefinition existing = find(definition.name(), definition.version()).orElseThrow();
            if (!existing.equals(definition)) {
                throw new AlreadyExistsException(parts.provider(), "version " + definition.version() + " of workflow '"
                        + definition.name() + "' is already registered with different content; register a new version");
            }
            return existing;
        }
        documents.put(key(definition.name(), definition.version()), document);
        return definition;
    }

    /** The pinned document of a version. */
    String document(String workflow, int version) {
        String cached = documents.get(key(workflow, version));
        if (cached != null) {
            return cached;
        }
        String stored = parts.registry().definition(workflow, version).orElseThrow(() -> new NotFoundException(
                parts.provider(), "workflow '" + workflow + "' version " + version + " is not registered"));
        documents.put(key(workflow, version), stored);
        return stored;
    }

    Optional<WorkflowDefinition> find(String workflow, int version) {
        String cached = documents.get(key(workflow, version));
        Optional<String> document = cached != null ? Optional.of(cached) : parts.registry().definition(workflow, version);
        return document.map(Definitions::parse);
    }

    int latestVersion(String workflow) {
        return parts.registry().latestVersion(workflow).orElseThrow(() ->
                new NotFoundException(parts.provider(), "workflow '" + workflow + "' is not registered"));
    }

    Optional<Integer> findLatestVersion(String workflow) {
        return parts.registry().latestVersion(workflow);
    }

    private static String key(String workflow, int version) {
        return workflow + "@" + version;
    }
}
