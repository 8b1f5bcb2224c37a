package io.skystate.core.deploy;

import io.skystate.api.Skystate;
import io.skystate.api.workflow.WorkflowDefinition;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a {@link DeploymentPackager} packages: the application's name, the handlers, workflow definitions, state
 * stores and queues it uses (as its {@code HandlerModule}s registered them and its definition files declared them),
 * its code, and the instant archive entries are stamped with. Collections are sorted copies, so every packager
 * iterates them in the same order on every build.
 *
 * @param name the application's name (the Maven artifactId by default); resource names are derived from it
 * @param prefix the resource-name prefix to use as given, or empty to derive one from {@code name}
 * @param handlers handler names (a sorted set)
 * @param workflows workflow definitions, sorted by name, then version
 * @param stores state store names the application uses (a sorted set)
 * @param queues queue names the application uses (a sorted set)
 * @param code the compiled application and the libraries it runs with on the target cloud
 * @param timestamp the modification time of every archive entry (reproducible builds)
 */
public record Application(String name, Optional<String> prefix, Set<String> handlers,
        List<WorkflowDefinition> workflows, Set<String> stores, Set<String> queues, Code code,
        Instant timestamp) {
    private static final Comparator<WorkflowDefinition> BY_NAME_AND_VERSION =
            Comparator.comparing(WorkflowDefinition::name).thenComparingInt(WorkflowDefinition::version);

    public Application {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(prefix, "prefix");
        handlers = sorted(handlers);
        workflows = workflows.stream().sorted(BY_NAME_AND_VERSION).toList();
        stores = sorted(stores);
        queues = sorted(queues);
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(timestamp, "timestamp");
        stores.forEach(store -> Skystate.validateName("store", store));
        queues.forEach(queue -> Skystate.validateName("queue", queue));
    }

    private static Set<String> sorted(Collection<String> names) {
        return java.util.Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    /**
     * The application's code: {@code classes}, a directory of its compiled classes and resources, and
     * {@code libraries}, every jar it needs at run time on the target cloud (its own dependencies and that cloud's
     * adapter with its dependencies), by the unique file name a bundle gives each.
     */
    public record Code(Path classes, SortedMap<String, Path> libraries) {
        public Code {
            Objects.requireNonNull(classes, "classes");
            libraries = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(libraries));
        }
    }
}
