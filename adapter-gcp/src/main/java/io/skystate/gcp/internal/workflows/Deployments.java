package io.skystate.gcp.internal.workflows;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.workflows.v1.CreateWorkflowRequest;
import com.google.cloud.workflows.v1.UpdateWorkflowRequest;
import com.google.cloud.workflows.v1.Workflow;
import com.google.protobuf.FieldMask;
import io.skystate.api.AlreadyExistsException;
import io.skystate.api.NotFoundException;
import io.skystate.api.TransientException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.PutOptions;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.Step;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.WorkflowValidator;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import io.skystate.gcp.internal.workflows.yaml.YamlCompiler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;

/**
 * Registered definitions: validated, compiled to Workflows YAML (refused when the source exceeds Workflows' 128 KB)
 * and deployed as workflow
 * {@code <prefix><name>-v<version>} (an existing workflow with another source gets a new revision); the portable
 * document and the workflow's resource name are kept in the registry under group {@code def-<name>}. Also finds a
 * registered definition's step by history path, for the task endpoint. Thread-safe.
 */
final class Deployments {
    /** What the registry keeps per definition version. */
    record DefinitionRecord(String document, String workflowName) {
    }

    private final EngineContext ctx;
    private final Map<String, DefinitionRecord> cache = new ConcurrentHashMap<>();
    private final Map<String, WorkflowDefinition> parsed = new ConcurrentHashMap<>();

    Deployments(EngineContext ctx) {
        this.ctx = ctx;
    }

    WorkflowDefinition register(WorkflowDefinition definition) {
        WorkflowValidator.check(definition, name -> ctx.handlers().names().contains(name), ctx.capabilities().get(),
                ctx.portability());
        Optional<DefinitionRecord> existing = record(definition.name(), definition.version());
        if (existing.isPresent()) {
            if (!WorkflowDocuments.parseJson(existing.get().document()).equals(definition)) {
                throw new AlreadyExistsException(GcpErrors.PROVIDER, "version " + definition.version() + " of workflow '"
                        + definition.name() + "' is already registered with different content; register a new version");
            }
            return definition;
        }
        String source = YamlCompiler.compile(definition);
        int bytes = source.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > YamlCompiler.MAX_SOURCE_BYTES) {
            throw new InvalidWorkflowException(GcpErrors.PROVIDER, definition.name(), List.of("the definition compiles"
                    + " to " + bytes + " bytes of Cloud Workflows source, over Workflows' limit of "
                    + YamlCompiler.MAX_SOURCE_BYTES + " (about 2.5 KB per task step with retries and catches): split"
                    + " it into smaller workflows"));
        }
        String workflowName = deploy(WorkflowIds.id(ctx.settings().workflowIdPrefix(), definition.name(),
                definition.version()), source);
        DefinitionRecord record = new DefinitionRecord(WorkflowDocuments.toJson(definition), workflowName);
        try {
            ctx.registry().putJson(key(definition.name(), definition.version()), record, PutOptions.ifAbsent());
        } catch (AlreadyExistsException concurrent) {
            // registered concurrently; the content check above ran against the same definition
        }
        cache.put(definition.name() + "@" + definition.version(), record);
        return definition;
    }

    /** Creates the workflow, or gives an existing one this source as a new revision; returns its resource name. */
    private String deploy(String workflowId, String source) {
        String name = ctx.settings().parent() + "/workflows/" + workflowId;
        Workflow.Builder workflow = Workflow.newBuilder().setSourceContents(source)
                .setDescription("Skystate workflow (generated from its portable definition)");
        ctx.settings().serviceAccount().ifPresent(workflow::setServiceAccount);
        try {
            ctx.workflowsApi().createWorkflowAsync(CreateWorkflowRequest.newBuilder().setParent(ctx.settings().parent())
                    .setWorkflowId(workflowId).setWorkflow(workflow).build()).get();
            return name;
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ApiException api) || !GcpErrors.is(api, StatusCode.Code.ALREADY_EXISTS)) {
                throw failure("deploy workflow " + workflowId, e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(GcpErrors.PROVIDER, "interrupted deploying workflow " + workflowId, e);
        }
        try {
            if (!ctx.workflowsApi().getWorkflow(name).getSourceContents().equals(source)) {
                ctx.workflowsApi().updateWorkflowAsync(UpdateWorkflowRequest.newBuilder()
                        .setWorkflow(workflow.setName(name)).setUpdateMask(FieldMask.newBuilder()
                                .addPaths("source_contents")).build()).get();
            }
            return name;
        } catch (ApiException e) {
            throw GcpErrors.translate("update workflow " + workflowId, e);
        } catch (ExecutionException e) {
            throw failure("update workflow " + workflowId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientException(GcpErrors.PROVIDER, "interrupted updating workflow " + workflowId, e);
        }
    }

    private static RuntimeException failure(String what, ExecutionException e) {
        return e.getCause() instanceof ApiException api ? GcpErrors.translate(what, api)
                : new TransientException(GcpErrors.PROVIDER, what + " failed: " + e.getCause(), e.getCause());
    }

    String workflowName(String workflow, int version) {
        return record(workflow, version).map(DefinitionRecord::workflowName).orElseThrow(() -> missing(workflow, version));
    }

    Optional<WorkflowDefinition> find(String workflow, int version) {
        return record(workflow, version).map(r -> parsed.computeIfAbsent(workflow + "@" + version,
                k -> WorkflowDocuments.parseJson(r.document())));
    }

    WorkflowDefinition require(String workflow, int version) {
        return find(workflow, version).orElseThrow(() -> missing(workflow, version));
    }

    Optional<Integer> latestVersion(String workflow) {
        Optional<Integer> latest = Optional.empty();
        Optional<ListRequest> request = Optional.of(ListRequest.firstPage("def-" + workflow, 100));
        while (request.isPresent()) {
            Page page = ctx.registry().list(request.get());
            if (!page.entries().isEmpty()) {
                latest = Optional.of(Integer.parseInt(page.entries().get(page.entries().size() - 1).key().id()));
            }
            request = request.get().next(page);
        }
        return latest;
    }

    /** The step at history path {@code path} ({@code name}, or {@code parallel/<i>/name} in branches). */
    static Optional<Step> step(WorkflowDefinition definition, String path) {
        Map<String, Step> steps = definition.steps();
        String[] parts = path.split("/");
        for (int i = 0; i + 2 < parts.length; i += 2) {
            if (!(steps.get(parts[i]) instanceof Step.Parallel parallel)) {
                return Optional.empty();
            }
            int branch = Integer.parseInt(parts[i + 1]);
            if (branch >= parallel.branches().size()) {
                return Optional.empty();
            }
            steps = parallel.branches().get(branch).steps();
        }
        return Optional.ofNullable(steps.get(parts[parts.length - 1]));
    }

    private Optional<DefinitionRecord> record(String workflow, int version) {
        DefinitionRecord cached = cache.get(workflow + "@" + version);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<DefinitionRecord> stored = ctx.registry().getJson(key(workflow, version), DefinitionRecord.class);
        stored.ifPresent(r -> cache.put(workflow + "@" + version, r));
        return stored;
    }

    private static NotFoundException missing(String workflow, int version) {
        return new NotFoundException(GcpErrors.PROVIDER, "workflow '" + workflow + "' version " + version
                + " is not registered");
    }

    private static Key key(String workflow, int version) {
        return new Key("def-" + workflow, String.format("%06d", version));
    }
}
