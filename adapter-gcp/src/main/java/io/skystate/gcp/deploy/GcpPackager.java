package io.skystate.gcp.deploy;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.Transaction;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import io.skystate.core.deploy.DeploymentManifest;
import io.skystate.core.deploy.DeploymentPackager;
import io.skystate.core.deploy.ResourceNames;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.internal.firestore.StoreLayout;
import io.skystate.gcp.internal.pubsub.PubSubResources;
import io.skystate.gcp.internal.workflows.Protocol;
import io.skystate.gcp.internal.workflows.yaml.YamlCompiler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Packages a Skystate app for Google Cloud: {@code function/} (the app's classes as {@code function/<app>.jar}, whose
 * manifest {@code Class-Path} names every library under {@code function/libs/}: the layout Cloud Functions deploys a
 * prebuilt Java function from), {@value #SCRIPT} (the {@link GcloudCommands} script: Firestore TTL policy and index
 * exemptions, a topic, subscription and dead-letter pair per queue, the HTTP function), a README of the commands and
 * the manifest. Names are {@code <prefix><name>} as the adapter derives them; the derived prefix keeps every function
 * name within Cloud Functions' 63 characters and every topic within Pub/Sub's 255.
 *
 * <p>Each workflow definition is compiled to its Cloud Workflows YAML ({@link CloudWorkflowsYaml}, the source the
 * engine deploys at run time) as {@code workflows/<name>-v<version>.yaml}, deployed by the script as workflow
 * {@code <prefix><name>-v<version>} (the engine's id; {@link CloudWorkflowsYaml#workflowId} shortens it with a hash
 * past Workflows' limit); the script then also switches the function's engine on and schedules its sweep (see
 * {@link GcloudCommands}). The engine keeps its runs in the Firestore stores {@link #ENGINE_STORES}.
 */
public final class GcpPackager implements DeploymentPackager {
    static final String SCRIPT = "deploy.sh";
    static final String CODE = "function";
    static final String HTTP_FUNCTION = "http";
    static final int FUNCTION_LIMIT = 63;
    static final int TOPIC_LIMIT = 255;
    static final int DERIVED_PREFIX_LIMIT = 24;
    /** The Firestore stores of the Cloud Workflows engine: registry and runs, claim checks, workflow callbacks. */
    static final List<String> ENGINE_STORES = List.of("skystate-workflows", "skystate-claims",
            "skystate-workflow-callbacks");

    @Override
    public String cloud() {
        return GcpSkystate.PROVIDER;
    }

    /** As {@link GcpSkystate} declares them with its Cloud Workflows engine on (no workflow extras, no redrive). */
    @Override
    public Capabilities capabilities() {
        return new Capabilities(GcpSkystate.PROVIDER, EnumSet.of(Capability.DURABLE_STATE,
                Capability.CROSS_GROUP_TRANSACTIONS, Capability.DURABLE_WORKFLOWS), Transaction.MAX_OPERATIONS,
                StateLimits.MAX_RECORD_BYTES);
    }

    @Override
    public void write(Application app, BundleWriter out) throws IOException {
        Map<String, Integer> limits = new TreeMap<>();
        limits.put(HTTP_FUNCTION, FUNCTION_LIMIT);
        app.queues().forEach(q -> limits.put(q + PubSubResources.DEAD_LETTER_SUFFIX, TOPIC_LIMIT));
        int maxPrefix = limits.entrySet().stream().mapToInt(e -> e.getValue() - e.getKey().length()).min().orElseThrow();
        String prefix = app.prefix().orElseGet(() -> ResourceNames.prefix(app.name(), Math.min(maxPrefix, DERIVED_PREFIX_LIMIT)));
        if (!prefix.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("gcp: prefix '" + prefix + "' must be lower-case letters, digits and"
                    + " hyphens, starting with a letter (Cloud Functions names)");
        }
        limits.forEach((name, limit) -> ResourceNames.requireWithin(cloud(), name.equals(HTTP_FUNCTION) ? "function"
                : "Pub/Sub topic", prefix + name, limit));

        String jarName = ResourceNames.slug(app.name()) + ".jar";
        SortedMap<String, Path> libraries = new TreeMap<>();
        app.code().libraries().forEach((name, jar) -> libraries.put("libs/" + name, jar));
        out.archive(CODE + "/" + jarName, BundleWriter.tree(app.code().classes(), ""), Optional.of(manifest(libraries)));
        for (var library : libraries.entrySet()) {
            out.copy(CODE + "/" + library.getKey(), library.getValue());
        }
        GcloudCommands.Builder commands = GcloudCommands.builder().prefix(prefix).queues(List.copyOf(app.queues()))
                .source(CODE).handlerEndpoints(false);
        Map<String, String> ids = new TreeMap<>();
        for (WorkflowDefinition definition : app.workflows()) {
            String id = CloudWorkflowsYaml.workflowId(prefix, definition);
            ids.put(definition.name() + " v" + definition.version(), id);
            String source = CloudWorkflowsYaml.generate(definition);
            int bytes = source.getBytes(StandardCharsets.UTF_8).length;
            if (bytes > YamlCompiler.MAX_SOURCE_BYTES) {
                throw new IllegalArgumentException("gcp: workflow " + definition.name() + " v" + definition.version()
                        + " compiles to " + bytes + " bytes of Cloud Workflows source, over Workflows' limit of "
                        + YamlCompiler.MAX_SOURCE_BYTES + "; split it into smaller workflows");
            }
            out.text(workflowFile(definition), source);
            commands.workflow(id, workflowFile(definition));
        }
        ResourceNames.requireUnique(cloud(), "workflow", ids);
        out.script(SCRIPT, commands.build().script());
        describe(app, prefix, out);
        out.text("README.md", GcpReadme.text(app, prefix));
    }

    /** The Workflows YAML of a definition in the bundle (named as the other clouds name their per-definition files). */
    static String workflowFile(WorkflowDefinition definition) {
        return "workflows/" + definition.name() + "-v" + definition.version() + ".yaml";
    }

    /** The app jar's manifest: its libraries on the class path, lines wrapped as the jar format wants. */
    private static String manifest(SortedMap<String, Path> libraries) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, String.join(" ", libraries.keySet()));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        manifest.write(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private void describe(Application app, String prefix, BundleWriter out) {
        var manifest = out.manifest().prefix(prefix);
        manifest.resource("cloudfunctions.function", prefix + HTTP_FUNCTION, "entry point "
                + GcloudCommands.HTTP_ENTRY_POINT + " (callback URLs)");
        String records = new StoreLayout(prefix).recordsCollectionGroup();
        manifest.resource("firestore.ttl-policy", records + ".x", "expiry of every store's records");
        for (String store : app.stores()) {
            manifest.resource("firestore.collection", new StoreLayout(prefix).storeCollection(store), "store " + store);
        }
        for (String queue : app.queues()) {
            manifest.resource("pubsub.topic", prefix + queue, "queue " + queue);
            manifest.resource("pubsub.subscription", prefix + queue, "queue " + queue);
            manifest.resource("pubsub.topic", prefix + queue + PubSubResources.DEAD_LETTER_SUFFIX, "dead letters of " + queue);
            manifest.resource("pubsub.subscription", prefix + queue + PubSubResources.DEAD_LETTER_SUFFIX, "dead letters of " + queue);
        }
        app.handlers().forEach(h -> manifest.handler(h, prefix + HTTP_FUNCTION));
        manifest.setting("GOOGLE_CLOUD_PROJECT", Optional.of("<$PROJECT of deploy.sh>"), "the project");
        manifest.setting("SKYSTATE_PREFIX", Optional.of(prefix), "resource-name prefix");
        manifest.setting("SKYSTATE_HANDLER_ENDPOINTS", Optional.of("false"), "serve handlers over HTTP (signed requests only)");
        manifest.setting("SKYSTATE_HTTP_BASE_URL", Optional.of("<the function's URL, set by deploy.sh>"), "base of callback URLs");
        manifest.setting("SKYSTATE_KMS_KEY", Optional.empty(), "Cloud KMS key wrapping stored key rings"
                + " (projects/../cryptoKeys/..); or SKYSTATE_KEY_ENCRYPTION_KEY (Base64) where there is no KMS");
        manifest.setting("SKYSTATE_FIRESTORE_DATABASE", Optional.of("(default)"), "Firestore database id");
        if (!app.workflows().isEmpty()) {
            describeWorkflows(app, prefix, manifest);
        }
    }

    private static void describeWorkflows(Application app, String prefix, DeploymentManifest manifest) {
        for (WorkflowDefinition w : app.workflows()) {
            String id = CloudWorkflowsYaml.workflowId(prefix, w);
            manifest.resource("workflows.workflow", id, "workflow " + w.name() + " v" + w.version());
            manifest.workflow(w.name(), w.version(), id, workflowFile(w));
        }
        for (String store : ENGINE_STORES) {
            manifest.resource("firestore.collection", new StoreLayout(prefix).storeCollection(store),
                    "workflow engine store " + store);
        }
        manifest.resource("cloudscheduler.job", GcloudCommands.sweepJob(prefix), "POST " + Protocol.TASK_ROUTE
                + Protocol.OP_SWEEP + " every minute: run deadlines, callback timeouts, undelivered relays");
        manifest.setting("SKYSTATE_WORKFLOWS_LOCATION", Optional.of("<$REGION of deploy.sh>"),
                "Cloud Workflows region: switches the workflow engine on");
        manifest.setting("SKYSTATE_WORKFLOWS_SERVICE_ACCOUNT", Optional.of("<$WORKFLOWS_SA of deploy.sh>"),
                "the account workflows run as (invokes the function)");
        manifest.setting("SKYSTATE_WORKFLOWS_ENDPOINT", Optional.empty(), "unset: Google's Workflows API;"
                + " an HTTP/JSON endpoint (Skystate's Workflows runner) for local runs only");
        manifest.setting("SKYSTATE_WORKFLOWS_SWEEP_SECONDS", Optional.of("0"),
                "no in-process sweeper (no CPU between requests): the scheduler job sweeps");
    }
}
