package io.skystate.maven;

import io.skystate.api.Capabilities;
import io.skystate.api.handler.HandlerModule;
import io.skystate.api.workflow.InvalidWorkflowException;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Finds what an app consists of: the workflow definitions in its definitions folder ({@code *.json}, {@code *.yaml},
 * {@code *.yml}, in the portable document format of {@link WorkflowDocuments}) and everything its
 * {@link HandlerModule}s (listed in {@code META-INF/services}, on the given class loader) register on a
 * {@link RecordingSkystate}: handlers, workflow definitions, state stores and queues. Files and modules are visited
 * in name order. A definition found twice (a file and a module, say) counts once if both are equal and is an error
 * otherwise.
 */
final class AppScanner {
    private AppScanner() {
    }

    /** What was found; {@code sources} names where each workflow ({@code name v<version>}) came from. */
    record Scan(Set<String> handlers, List<WorkflowDefinition> workflows, Map<String, String> sources,
            Set<String> stores, Set<String> queues) {
    }

    static Scan scan(ClassLoader loader, Path definitions, Capabilities cloud) throws IOException {
        Map<String, WorkflowDefinition> workflows = new TreeMap<>();
        Map<String, String> sources = new TreeMap<>();
        for (Path file : definitionFiles(definitions)) {
            WorkflowDefinition definition;
            try {
                definition = WorkflowDocuments.parse(Files.readString(file, StandardCharsets.UTF_8));
            } catch (InvalidWorkflowException e) {
                throw new IllegalArgumentException("workflow file " + file.getFileName() + ": "
                        + String.join("; ", e.problems()), e);
            }
            add(workflows, sources, definition, "file " + file.getFileName());
        }
        RecordingSkystate recorder = new RecordingSkystate(cloud);
        List<HandlerModule> modules = new ArrayList<>();
        ServiceLoader.load(HandlerModule.class, loader).forEach(modules::add);
        modules.sort(Comparator.comparing(module -> module.getClass().getName()));
        Thread thread = Thread.currentThread();
        ClassLoader saved = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            for (HandlerModule module : modules) {
                String name = "module " + module.getClass().getName();
                recorder.module(name);
                int before = recorder.workflowDefinitions().size();
                module.configure(recorder);
                for (WorkflowDefinition definition : recorder.workflowDefinitions().subList(before,
                        recorder.workflowDefinitions().size())) {
                    add(workflows, sources, definition, name);
                }
            }
        } finally {
            thread.setContextClassLoader(saved);
        }
        return new Scan(recorder.handlerNames(), List.copyOf(workflows.values()), sources, recorder.storeNames(),
                recorder.queueNames());
    }

    static String key(WorkflowDefinition definition) {
        return definition.name() + " v" + definition.version();
    }

    private static void add(Map<String, WorkflowDefinition> workflows, Map<String, String> sources,
            WorkflowDefinition definition, String source) {
        String key = key(definition);
        WorkflowDefinition earlier = workflows.putIfAbsent(key, definition);
        if (earlier != null && !earlier.equals(definition)) {
            throw new IllegalArgumentException("workflow " + key + " is defined twice, differently: in "
                    + sources.get(key) + " and in " + source);
        }
        sources.putIfAbsent(key, source);
    }

    private static List<Path> definitionFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.(json|ya?ml)"))
                    .sorted().toList();
        }
    }
}
