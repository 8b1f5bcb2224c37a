package io.skystate.gcp.deploy;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.state.StateLimits;
import io.skystate.api.state.Transaction;
import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import io.skystate.core.deploy.DeploymentPackager;
import io.skystate.core.deploy.ResourceNames;
import io.skystate.gcp.GcpSkystate;
import io.skystate.gcp.internal.firestore.StoreLayout;
import io.skystate.gcp.internal.pubsub.PubSubResources;
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
 * <p>Workflows are refused: the bundle does not carry the Cloud Workflows side yet (the generated YAML per definition,
 * {@link CloudWorkflowsYaml}, its deploy commands and the function's {@code SKYSTATE_WORKFLOWS_LOCATION}), so a
 * bundle whose app registers a workflow would start without its workflows.
 */
public final class GcpPackager implements DeploymentPackager {
    static final String SCRIPT = "deploy.sh";
    static final String CODE = "function";
    static final String HTTP_FUNCTION = "http";
    static final int FUNCTION_LIMIT = 63;
    static final int TOPIC_LIMIT = 255;
    static final int DERIVED_PREFIX_LIMIT = 24;

    @Override
    public String cloud() {
        return GcpSkystate.PROVIDER;
    }

    /** As {@link GcpSkystate} declares them (no workflow extras). */
    @Override
    public Capabilities capabilities() {
        return new Capabilities(GcpSkystate.PROVIDER, EnumSet.of(Capability.DURABLE_STATE,
                Capability.CROSS_GROUP_TRANSACTIONS), Transaction.MAX_OPERATIONS, StateLimits.MAX_RECORD_BYTES);
    }

    @Override
    public void write(Application app, BundleWriter out) throws IOException {
        if (!app.workflows().isEmpty()) {
            throw new IllegalArgumentException("gcp: cannot deploy workflows " + app.workflows().stream()
                    .map(w -> w.name() + " v" + w.version()).toList() + " to Google Cloud: this packager does not"
                    + " bundle Cloud Workflows yet; deploy them with CloudWorkflowsYaml (adapter-gcp/README-workflows.md)"
                    + " and set SKYSTATE_WORKFLOWS_LOCATION on the function");
        }
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
        GcloudCommands commands = GcloudCommands.builder().prefix(prefix).queues(List.copyOf(app.queues()))
                .source(CODE).handlerEndpoints(false).build();
        out.script(SCRIPT, commands.script());
        describe(app, prefix, out);
        out.text("README.md", GcpReadme.text(app, prefix));
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
    }
}
