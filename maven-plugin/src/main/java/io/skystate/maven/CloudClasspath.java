package io.skystate.maven;

import io.skystate.core.deploy.BundleWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.maven.RepositoryUtils;
import org.apache.maven.model.DependencyManagement;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.ArtifactTypeRegistry;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;
import org.eclipse.aether.graph.Exclusion;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * The jars an app runs with on one cloud: its own compile and runtime dependencies with every Skystate adapter left
 * out, directly declared or brought in by another dependency (the local one a project runs its demo with, say), plus {@code skystate-adapter-<cloud>} at the plugin's
 * version, resolved together so Maven's usual version mediation and the project's dependency management apply.
 * So a project switches cloud by packaging, not by editing its dependencies. Each jar gets a unique, stable file
 * name ({@code artifactId-baseVersion[-classifier].jar}, the groupId put in front where two would clash); a reactor
 * module resolved as a directory of classes is turned into a deterministic jar first.
 */
final class CloudClasspath {
    static final String GROUP = "io.skystate";
    static final String ADAPTER = "skystate-adapter-";
    /** Every Skystate adapter, left out wherever the project's dependencies bring one in. */
    static final List<String> ADAPTERS = List.of("local", "aws", "azure", "gcp");
    private static final Set<String> SCOPES = Set.of("compile", "runtime");

    private CloudClasspath() {
    }

    /** The libraries by bundle file name, sorted. */
    static SortedMap<String, Path> resolve(MavenProject project, RepositorySystem system, RepositorySystemSession session,
            String cloud, String skystateVersion, Path work, Instant timestamp) throws DependencyResolutionException,
            IOException {
        ArtifactTypeRegistry types = session.getArtifactTypeRegistry();
        List<Dependency> dependencies = new ArrayList<>();
        for (org.apache.maven.model.Dependency d : project.getDependencies()) {
            String scope = d.getScope() == null ? "compile" : d.getScope();
            boolean adapter = GROUP.equals(d.getGroupId()) && d.getArtifactId().startsWith(ADAPTER);
            if (SCOPES.contains(scope) && !d.isOptional() && !adapter) {
                Dependency dependency = RepositoryUtils.toDependency(d, types);
                Set<Exclusion> exclusions = new HashSet<>(dependency.getExclusions());
                ADAPTERS.forEach(a -> exclusions.add(new Exclusion(GROUP, ADAPTER + a, "*", "*")));
                dependencies.add(dependency.setExclusions(exclusions));
            }
        }
        dependencies.add(new Dependency(new DefaultArtifact(GROUP, ADAPTER + cloud, "jar", skystateVersion), "runtime"));
        List<Dependency> managed = new ArrayList<>();
        DependencyManagement management = project.getDependencyManagement();
        if (management != null) {
            management.getDependencies().forEach(d -> managed.add(RepositoryUtils.toDependency(d, types)));
        }
        CollectRequest collect = new CollectRequest(dependencies, managed, project.getRemoteProjectRepositories());
        DependencyFilter runtime = (node, parents) -> node.getDependency() == null
                || SCOPES.contains(node.getDependency().getScope()) && !node.getDependency().isOptional();
        List<ArtifactResult> results = system.resolveDependencies(session, new DependencyRequest(collect, runtime))
                .getArtifactResults();
        List<Artifact> artifacts = results.stream().map(ArtifactResult::getArtifact).toList();
        SortedMap<String, Path> libraries = new TreeMap<>();
        for (Artifact artifact : artifacts) {
            String plain = fileName(artifact, false);
            boolean clash = artifacts.stream().filter(a -> a != artifact).anyMatch(a -> fileName(a, false).equals(plain));
            String name = clash ? fileName(artifact, true) : plain;
            libraries.put(name, asJar(artifact.getFile().toPath(), work.resolve(name), timestamp));
        }
        return libraries;
    }

    private static String fileName(Artifact a, boolean withGroup) {
        String classifier = a.getClassifier() == null || a.getClassifier().isEmpty() ? "" : "-" + a.getClassifier();
        return (withGroup ? a.getGroupId() + "-" : "") + a.getArtifactId() + "-" + a.getBaseVersion() + classifier + ".jar";
    }

    private static Path asJar(Path file, Path jar, Instant timestamp) throws IOException {
        if (!Files.isDirectory(file)) {
            return file;
        }
        BundleWriter.writeArchive(jar, BundleWriter.tree(file, ""), Optional.of("Manifest-Version: 1.0\n"), timestamp);
        return jar;
    }
}
