package io.skystate.local.internal.workflow;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.NotFoundException;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.handler.HandlerRegistry;
import io.skystate.api.Capabilities;
import io.skystate.api.WorkflowPortability;
import io.skystate.core.workflow.WorkflowValidator;
import java.util.function.Supplier;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import io.skystate.local.internal.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Registered definitions, persisted as JSON documents so runs resume on their own version after a restart, and
 * cached in memory. Resolves a frame's scope ({@code "fanout/1/"}) to the steps it runs in.
 */
final class DefinitionRegistry {
    private final Database database;
    private final HandlerRegistry handlers;
    private final Supplier<Capabilities> capabilities;
    private final WorkflowPortability portability;
    private final Map<String, WorkflowDefinition> cache = new ConcurrentHashMap<>();

    DefinitionRegistry(Database database, HandlerRegistry handlers, Supplier<Capabilities> capabilities,
            WorkflowPortability portability) {
        this.database = database;
        this.handlers = handlers;
        this.capabilities = capabilities;
        this.portability = portability;
    }

    WorkflowDefinition register(WorkflowDefinition definition) {
        WorkflowValidator.check(definition, name -> handlers.names().contains(name), capabilities.get(), portability);
        String document = WorkflowDocuments.toJson(definition);
        Optional<WorkflowDefinition> existing = find(definition.name(), definition.version());
        if (existing.isPresent()) {
            if (!existing.get().equals(definition)) {
                throw new AlreadyExistsException("local", "version " + definition.version() + " of workflow '"
                        + definition.name() + "' is already registered with different content; register a new version");
            }
            return existing.get();
        }
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT OR IGNORE INTO wf_definitions (name, version, document) VALUES (?, ?, ?)")) {
                s.setString(1, definition.name());
                s.setInt(2, definition.version());
                s.setString(3, document);
                return s.executeUpdate();
            }
        });
        cache.put(key(definition.name(), definition.version()), definition);
        return definition;
    }

    Optional<WorkflowDefinition> find(String name, int version) {
        WorkflowDefinition cached = cache.get(key(name, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<String> document = database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT document FROM wf_definitions WHERE name = ? AND version = ?")) {
                s.setString(1, name);
                s.setInt(2, version);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
        document.map(WorkflowDocuments::parseJson).ifPresent(d -> cache.put(key(name, version), d));
        return Optional.ofNullable(cache.get(key(name, version)));
    }

    Optional<Integer> latestVersion(String name) {
        return database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT MAX(version) FROM wf_definitions WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet rs = s.executeQuery()) {
                    int version = rs.next() ? rs.getInt(1) : 0;
                    return version == 0 ? Optional.<Integer>empty() : Optional.of(version);
                }
            }
        });
    }

    WorkflowDefinition require(String name, int version) {
        return find(name, version).orElseThrow(() ->
                new NotFoundException("local", "workflow '" + name + "' version " + version + " is not registered"));
    }

    /** The step a frame is at. */
    Step step(String workflow, int version, String scope, String stepName) {
        return steps(require(workflow, version), scope).get(stepName);
    }

    /** The steps of a scope: the definition's own for {@code ""}, else a parallel branch's. */
    static Map<String, Step> steps(WorkflowDefinition definition, String scope) {
        Map<String, Step> steps = definition.steps();
        if (scope.isEmpty()) {
            return steps;
        }
        String[] parts = scope.split("/");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            Step.Parallel parallel = (Step.Parallel) steps.get(parts[i]);
            steps = parallel.branches().get(Integer.parseInt(parts[i + 1])).steps();
        }
        return steps;
    }

    private static String key(String name, int version) {
        return name + "@" + version;
    }
}
