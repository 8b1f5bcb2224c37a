package io.skystate.core.deploy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The machine-readable description of a bundle, written as {@code manifest.json}: the application, cloud and
 * resource-name prefix, its handlers, every cloud resource the bundle creates (kind and physical name), every
 * workflow (its resource and compiled file), the configuration the deployed app reads (environment variables or app
 * settings, with the value the bundle sets or {@code null} where the deployer supplies it), and every file with its
 * size and SHA-256. Keys and lists are sorted, so two manifests diff cleanly. Not thread-safe.
 */
public final class DeploymentManifest {
    /** The manifest's format, its first field. */
    public static final String FORMAT = "skystate-bundle/1";

    private final String application;
    private final String cloud;
    private String prefix = "";
    private final SortedMap<String, ObjectNode> resources = new TreeMap<>();
    private final SortedMap<String, ObjectNode> workflows = new TreeMap<>();
    private final SortedMap<String, ObjectNode> configuration = new TreeMap<>();
    private final SortedMap<String, ObjectNode> handlers = new TreeMap<>();
    private final JsonNodeFactory json = JsonNodeFactory.instance;

    DeploymentManifest(String application, String cloud) {
        this.application = Objects.requireNonNull(application);
        this.cloud = Objects.requireNonNull(cloud);
    }

    /** The prefix every resource name starts with. */
    public DeploymentManifest prefix(String value) {
        this.prefix = Objects.requireNonNull(value);
        return this;
    }

    /** A cloud resource the bundle creates: its kind (such as {@code dynamodb-table}) and physical name. */
    public DeploymentManifest resource(String kind, String name, String purpose) {
        ObjectNode node = json.objectNode().put("kind", kind).put("name", name).put("purpose", purpose);
        resources.put(kind + "\u0000" + name, node);
        return this;
    }

    /** A handler and the function (or entry point) that runs it. */
    public DeploymentManifest handler(String name, String function) {
        handlers.put(name, json.objectNode().put("name", name).put("function", function));
        return this;
    }

    /** A workflow: its definition's name and version, the cloud resource and the bundle file it compiles to. */
    public DeploymentManifest workflow(String name, int version, String resource, String file) {
        ObjectNode node = json.objectNode().put("name", name).put("version", version).put("resource", resource)
                .put("file", file);
        workflows.put(String.format("%s\u0000%010d", name, version), node);
        return this;
    }

    /**
     * A configuration property the deployed app reads: its name, the value the bundle sets (empty when the deployer
     * must supply one) and what it means.
     */
    public DeploymentManifest setting(String name, Optional<String> value, String description) {
        ObjectNode node = json.objectNode().put("name", name);
        value.ifPresentOrElse(v -> node.put("value", v), () -> node.putNull("value"));
        node.put("description", description);
        configuration.put(name, node);
        return this;
    }

    /** The manifest as pretty-printed JSON ending in a newline; {@code files} maps path to (size, sha256). */
    String json(Map<String, BundleWriter.FileDigest> files) {
        ObjectNode root = json.objectNode();
        root.put("format", FORMAT);
        root.put("application", application);
        root.put("cloud", cloud);
        root.put("prefix", prefix);
        root.set("handlers", array(handlers));
        root.set("workflows", array(workflows));
        root.set("resources", array(resources));
        root.set("configuration", array(configuration));
        ArrayNode list = root.putArray("files");
        new TreeMap<>(files).forEach((path, digest) -> list.addObject().put("path", path).put("bytes", digest.bytes())
                .put("sha256", digest.sha256()));
        try {
            return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root)
                    .replace("\r\n", "\n") + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the manifest", e);
        }
    }

    private ArrayNode array(SortedMap<String, ObjectNode> entries) {
        ArrayNode array = json.arrayNode();
        entries.values().forEach(array::add);
        return array;
    }
}
