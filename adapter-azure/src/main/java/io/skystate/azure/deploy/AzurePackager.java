package io.skystate.azure.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.Transaction;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.functions.DurableWorkflowFunctions;
import io.skystate.azure.functions.SkystateFunctions;
import io.skystate.azure.internal.AzureNames;
import io.skystate.azure.internal.durable.Names;
import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import io.skystate.core.deploy.DeploymentPackager;
import io.skystate.core.deploy.ResourceNames;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Packages a Skystate app for Azure: {@value #APP}/ (the function app folder {@link FunctionAppLayout} lays out for
 * {@link SkystateFunctions}: {@code host.json}, one {@code function.json} per function, the app's classes as
 * {@code <app>.jar}, its libraries with the Azure adapter under {@code lib/}), {@value #TEMPLATE} (the
 * {@link ArmTemplate}: storage account with a table per store and a queue per queue, the consumption plan and the
 * Java 17 function app with the settings the adapter reads), a README of the {@code az} commands and the manifest.
 * The prefix is at most 16 lower-case letters and digits (Azure table names allow nothing else); the derived one is
 * the app's name without its hyphens, shortened with a hash when longer. Table and queue names are the adapter's own
 * ({@link AzureNames}, at most 63 characters).
 *
 * <p>An app with workflows also gets {@link DurableWorkflowFunctions} (the generic orchestrator, its activities, the
 * callback queue trigger and the sweeper) in the layout, the Durable settings in the template
 * ({@code ArmTemplate.durableFunctions}), and each definition's portable document as
 * {@code workflows/<name>-v<version>.json}: the Durable engine interprets definitions at run time, so the app
 * registers them when it starts (its {@code HandlerModule}), and the documents are what it runs.
 */
public final class AzurePackager implements DeploymentPackager {
    static final String APP = "functionapp";
    static final String TEMPLATE = "azuredeploy.json";
    static final String WORK_QUEUE = "work";
    static final int PREFIX_LIMIT = 16;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String cloud() {
        return AzureSkystate.PROVIDER;
    }

    /** As {@link AzureSkystate} declares them with its Durable engine, whose extras are wide parallel and compensation in branches. */
    @Override
    public Capabilities capabilities() {
        return new Capabilities(AzureSkystate.PROVIDER, EnumSet.of(Capability.DURABLE_STATE, Capability.DURABLE_WORKFLOWS, Capability.WORKFLOW_REDRIVE,
                Capability.WORKFLOW_WIDE_PARALLEL, Capability.WORKFLOW_COMPENSATION_IN_BRANCHES),
                Transaction.MAX_OPERATIONS, StateLimits.MAX_RECORD_BYTES);
    }

    @Override
    public void write(Application app, BundleWriter out) throws IOException {
        String prefix = app.prefix().orElseGet(() -> prefix(app.name()));
        try {
            AzureNames.checkPrefix(prefix);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("azure: " + e.getMessage(), e);
        }
        String jarName = ResourceNames.slug(app.name()) + ".jar";
        Path stage = Files.createTempDirectory("skystate-azure");
        try {
            Path jar = stage.resolve("jar").resolve(jarName);
            BundleWriter.writeArchive(jar, BundleWriter.tree(app.code().classes(), ""),
                    Optional.of("Manifest-Version: 1.0\n"), app.timestamp());
            Path layout = stage.resolve("layout");
            List<Class<?>> functions = app.workflows().isEmpty() ? List.of(SkystateFunctions.class)
                    : List.of(SkystateFunctions.class, DurableWorkflowFunctions.class);
            FunctionAppLayout.write(layout, jar, List.of(), functions);
            for (var file : BundleWriter.tree(layout, "").entrySet()) {
                out.copy(APP + "/" + file.getKey(), file.getValue());
            }
        } finally {
            delete(stage);
        }
        for (var library : app.code().libraries().entrySet()) {
            out.copy(APP + "/lib/" + library.getKey(), library.getValue());
        }
        for (WorkflowDefinition definition : app.workflows()) {
            out.text(definitionFile(definition), WorkflowDocuments.toJson(definition) + "\n");
        }
        ObjectNode template = ArmTemplate.builder().prefix(prefix).stores(List.copyOf(app.stores()))
                .queues(List.copyOf(app.queues())).workQueue(WORK_QUEUE).durableFunctions(!app.workflows().isEmpty())
                .build();
        out.text(TEMPLATE, JSON.writeValueAsString(template).replace("\r\n", "\n") + "\n");
        describe(app, prefix, out);
        out.text("README.md", AzureReadme.text(app, prefix));
    }

    /** The portable document of a definition, as the Durable engine stores and interprets it. */
    static String definitionFile(WorkflowDefinition definition) {
        return "workflows/" + definition.name() + "-v" + definition.version() + ".json";
    }

    /** The app's name in lower-case letters and digits, starting with a letter, at most 16 characters. */
    static String prefix(String application) {
        String compact = ResourceNames.slug(application).replace("-", "");
        if (compact.length() <= PREFIX_LIMIT) {
            return compact;
        }
        return compact.substring(0, PREFIX_LIMIT - ResourceNames.HASH_CHARS) + ResourceNames.hash(compact);
    }

    private void describe(Application app, String prefix, BundleWriter out) {
        var manifest = out.manifest().prefix(prefix);
        manifest.resource("Microsoft.Storage/storageAccounts", "sky<uniqueString(resource group)>",
                "queues, table state, AzureWebJobsStorage");
        manifest.resource("Microsoft.Web/sites", prefix + "-<uniqueString(resource group)>", "the function app");
        manifest.resource("Microsoft.Web/serverfarms", prefix + "-<uniqueString(resource group)>-plan", "consumption plan");
        Stream.concat(Stream.concat(AzureSkystate.FRAMEWORK_STORES.stream(), Stream.of(AzureSkystate.QUEUE_CLAIM_STORE)),
                app.stores().stream()).distinct().forEach(store -> manifest.resource(
                        "Microsoft.Storage/storageAccounts/tableServices/tables", AzureNames.table(prefix, store), "store " + store));
        Stream.concat(app.queues().stream(), Stream.concat(Stream.of(WORK_QUEUE), app.workflows().isEmpty()
                ? Stream.<String>empty() : Stream.of(Names.CALLBACK_QUEUE))).distinct().forEach(queue -> manifest.resource(
                "Microsoft.Storage/storageAccounts/queueServices/queues", AzureNames.queue(prefix, queue), "queue " + queue));
        app.handlers().forEach(h -> manifest.handler(h, SkystateFunctions.WORK + " / " + SkystateFunctions.HTTP));
        manifest.setting("AzureWebJobsStorage", Optional.of("<set by the template>"), "the storage account");
        manifest.setting("SKYSTATE_PREFIX", Optional.of(prefix), "resource-name prefix");
        manifest.setting("SKYSTATE_AZURE_STATE", Optional.of("tables"), "state backend (tables or cosmos)");
        manifest.setting("SKYSTATE_CREATE_RESOURCES", Optional.of("false"), "the template owns the resources");
        manifest.setting("SKYSTATE_HTTP_BASE_URL", Optional.of("<set by the template: the app's URL>"), "base of callback URLs");
        manifest.setting("SKYSTATE_HANDLER_ENDPOINTS", Optional.of("false"), "serve handlers over HTTP (signed requests only)");
        manifest.setting("SKYSTATE_KEY_ENCRYPTION_KEY", Optional.empty(),
                "Base64 of 32 random bytes wrapping stored key rings (template parameter keyEncryptionKey)");
        manifest.setting("SKYSTATE_WORK_QUEUE", Optional.of(WORK_QUEUE), "the queue skystate-work consumes");
        if (!app.workflows().isEmpty()) {
            String hub = AzureNames.taskHub(prefix);
            app.workflows().forEach(w -> manifest.workflow(w.name(), w.version(), "orchestrations of "
                    + DurableWorkflowFunctions.class.getSimpleName() + " in task hub " + hub, definitionFile(w)));
            manifest.setting(DurableWorkflowFunctions.TASK_HUB_SETTING, Optional.of(hub),
                    "Durable task hub: workflows run on the host's Durable Functions extension");
            manifest.setting(DurableWorkflowFunctions.CALLBACK_QUEUE_SETTING,
                    Optional.of(AzureNames.queue(prefix, Names.CALLBACK_QUEUE)),
                    "queue of workflow callback resolutions");
        }
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
