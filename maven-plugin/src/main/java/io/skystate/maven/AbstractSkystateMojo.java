package io.skystate.maven;

import io.skystate.api.WorkflowPortability;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.deploy.DeploymentPackager;
import io.skystate.core.workflow.WorkflowValidator;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.SortedMap;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * What both goals share: the parameters naming the app's parts, and loading the app for one cloud — its classes and
 * the jars it runs with there ({@link CloudClasspath}) in one class loader whose parent is the plugin's (so the app's
 * modules and the cloud's {@link DeploymentPackager} see the plugin's Skystate API), the packager found in it with
 * {@link ServiceLoader}, and what the app registers ({@link AppScanner}).
 */
abstract class AbstractSkystateMojo extends AbstractMojo {
    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** The current resolver session (the reactor's modules resolve from the reactor). */
    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
    protected RepositorySystemSession repositorySession;

    /** This plugin, whose version is the Skystate version of the adapters it packages with by default. */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    @Component
    protected RepositorySystem repositorySystem;

    /**
     * The folder of workflow definition files ({@code *.json}, {@code *.yaml}, {@code *.yml} in Skystate's portable
     * format), packaged with the definitions the app's {@code HandlerModule}s register in code.
     */
    @Parameter(property = "skystate.workflows", defaultValue = "${project.basedir}/src/main/skystate/workflows")
    protected File workflows;

    /**
     * Which definitions the app accepts, as its {@code workflows.portability} property: {@code portable} (every
     * supported cloud can run them) or {@code adapter-extras} (also the target cloud's declared extras).
     */
    @Parameter(property = "skystate.portability", defaultValue = "portable")
    protected String portability;

    /** The version of the Skystate adapters to package with; the plugin's own version by default. */
    @Parameter(property = "skystate.version")
    protected String skystateVersion;

    /** The app's name, from which resource names are derived. */
    @Parameter(property = "skystate.appName", defaultValue = "${project.artifactId}")
    protected String appName;

    /** Skips the goal. */
    @Parameter(property = "skystate.skip", defaultValue = "false")
    protected boolean skip;

    /** The app as loaded for one cloud; close it to release the class loader. */
    record Loaded(DeploymentPackager packager, AppScanner.Scan scan, SortedMap<String, Path> libraries,
            URLClassLoader loader) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            loader.close();
        }
    }

    /** Loads the app for {@code cloud}. */
    protected Loaded load(String cloud) throws MojoExecutionException, MojoFailureException {
        String version = skystateVersion == null || skystateVersion.isBlank() ? plugin.getVersion() : skystateVersion;
        Path work = Path.of(project.getBuild().getDirectory(), "skystate-work", cloud);
        SortedMap<String, Path> libraries;
        try {
            libraries = CloudClasspath.resolve(project, repositorySystem, repositorySession, cloud, version, work,
                    timestamp());
        } catch (DependencyResolutionException | IOException e) {
            throw new MojoExecutionException("cannot resolve the " + cloud + " class path (" + CloudClasspath.ADAPTER
                    + cloud + " " + version + " and the project's dependencies): " + e.getMessage(), e);
        }
        if (!java.nio.file.Files.isDirectory(classes()) && !"pom".equals(project.getPackaging())) {
            getLog().warn("no compiled classes in " + classes() + ": run the goal after compile (mvn compile "
                    + "skystate:package, or bind it in the pom)");
        }
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(classes().toUri().toURL());
            for (Path jar : libraries.values()) {
                urls.add(jar.toUri().toURL());
            }
        } catch (MalformedURLException e) {
            throw new MojoExecutionException("bad class path entry", e);
        }
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), getClass().getClassLoader());
        try {
            DeploymentPackager packager = ServiceLoader.load(DeploymentPackager.class, loader).stream()
                    .map(ServiceLoader.Provider::get).filter(p -> p.cloud().equals(cloud)).findFirst()
                    .orElseThrow(() -> new MojoFailureException("no DeploymentPackager for cloud '" + cloud + "' in "
                            + CloudClasspath.ADAPTER + cloud + " " + version + ": that adapter cannot package yet"));
            AppScanner.Scan scan = AppScanner.scan(loader, workflows.toPath(), packager.capabilities());
            return new Loaded(packager, scan, libraries, loader);
        } catch (IOException | RuntimeException | MojoFailureException e) {
            closeQuietly(loader);
            if (e instanceof MojoFailureException failure) {
                throw failure;
            }
            throw new MojoFailureException("cannot discover the app's handlers and workflows: " + e.getMessage(), e);
        }
    }

    /**
     * Every problem of the app's workflows on {@code cloud}, by the portable validator: one line each, naming the
     * cloud, the workflow and where it came from, then the validator's message (the step, the construct and the
     * cloud that cannot run it).
     */
    protected List<String> problems(String cloud, Loaded app) throws MojoFailureException {
        WorkflowPortability mode;
        try {
            mode = WorkflowPortability.parse(portability);
        } catch (RuntimeException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        List<String> problems = new ArrayList<>();
        for (WorkflowDefinition definition : app.scan().workflows()) {
            String key = AppScanner.key(definition);
            List<String> found = new ArrayList<>(WorkflowValidator.problems(definition, app.scan().handlers()::contains,
                    app.packager().capabilities(), mode));
            found.addAll(app.packager().unsupported(definition));
            for (String problem : found) {
                problems.add("[" + cloud + "] workflow " + key + " (" + app.scan().sources().get(key) + "): " + problem);
            }
        }
        return problems;
    }

    /** The app's compiled classes. */
    protected Path classes() {
        return Path.of(project.getBuild().getOutputDirectory());
    }

    /** The instant archive entries get: {@code project.build.outputTimestamp} when set, else a fixed one. */
    protected Instant timestamp() {
        Object value = project.getProperties().get("project.build.outputTimestamp");
        String text = value == null ? "" : value.toString().trim();
        if (text.length() < 2) {
            return Instant.parse("1980-01-01T00:00:02Z");
        }
        return text.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(text))
                : OffsetDateTime.parse(text).toInstant();
    }

    private static void closeQuietly(URLClassLoader loader) {
        try {
            loader.close();
        } catch (IOException ignored) {
            // nothing was loaded from it that matters now
        }
    }
}
