package io.skystate.azure.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.Transaction;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.functions.SkystateFunctions;
import io.skystate.azure.internal.AzureNames;
import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import io.skystate.core.deploy.DeploymentPackager;
import io.skystate.core.deploy.ResourceNames;
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
 * <p>Workflows are refused: on a Functions host the Durable engine is not wired into the runtime in this version
 * ({@code FunctionsRuntime} builds the instance without a workflow engine and nothing calls
 * {@code DurableFunctionsRuntime.configure}), so a function app whose app registers a workflow could not start it.
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
        return new Capabilities(AzureSkystate.PROVIDER, EnumSet.of(Capability.DURABLE_STATE, Capability.DURABLE_WORKFLOWS,
                Capability.WORKFLOW_WIDE_PARALLEL, Capability.WORKFLOW_COMPENSATION_IN_BRANCHES),
                Transaction.MAX_OPERATIONS, StateLimits.MAX_RECORD_BYTES);
    }

    @Override
    public void write(Application app, BundleWriter out) throws IOException {
        if (!app.workflows().isEmpty()) {
            throw new IllegalArgumentException("azure: cannot deploy workflows " + app.workflows().stream()
                    .map(w -> w.name() + " v" + w.version()).toList() + " to Azure Functions: the Durable engine is not"
                    + " wired into the Functions runtime in this version (FunctionsRuntime has no workflow engine and"
                    + " nothing configures DurableFunctionsRuntime)");
        }
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
            FunctionAppLayout.write(layout, jar, List.of(), List.of(SkystateFunctions.class));
            for (var file : BundleWriter.tree(layout, "").entrySet()) {
                out.copy(APP + "/" + file.getKey(), file.getValue());
            }
        } finally {
            delete(stage);
        }
        for (var library : app.code().libraries().entrySet()) {
            out.copy(APP + "/lib/" + library.getKey(), library.getValue());
        }
        ObjectNode template = ArmTemplate.builder().prefix(prefix).stores(List.copyOf(app.stores()))
                .queues(List.copyOf(app.queues())).workQueue(WORK_QUEUE).build();
        out.text(TEMPLATE, JSON.writeValueAsString(template).replace("\r\n", "\n") + "\n");
        describe(app, prefix, out);
        out.text("README.md", AzureReadme.text(app, prefix));
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
        Stream.concat(app.queues().stream(), Stream.of(WORK_QUEUE)).distinct().forEach(queue -> manifest.resource(
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
    }

    private static void delete(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
