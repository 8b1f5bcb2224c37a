package io.skystate.maven;

import io.skystate.core.deploy.Application;
import io.skystate.core.deploy.BundleWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes a deployable bundle of the app for one cloud into {@code <outputDirectory>/<cloud>/} (emptied first): the
 * code laid out for that cloud's functions service with its adapter, the infrastructure template or deploy script,
 * each workflow compiled to the cloud's workflow language, a README of the exact deploy commands and
 * {@code manifest.json}. The workflows are validated first, as {@code skystate:validate} does for that cloud.
 * Packaging twice gives byte-identical bundles.
 */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class PackageMojo extends AbstractSkystateMojo {
    /** The cloud to package for: {@code aws}, {@code azure} or {@code gcp}. */
    @Parameter(property = "skystate.cloud", required = true)
    protected String cloud;

    /** Where bundles go, one subdirectory per cloud. */
    @Parameter(property = "skystate.outputDirectory", defaultValue = "${project.build.directory}/skystate")
    protected File outputDirectory;

    /**
     * The prefix of every resource name, used as given; by default one derived from {@code appName}, short enough
     * for every name to fit the cloud's limits.
     */
    @Parameter(property = "skystate.prefix")
    protected String prefix;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("skystate:package skipped");
            return;
        }
        String target = cloud.trim();
        Path bundle = outputDirectory.toPath().resolve(target);
        try (Loaded app = load(target)) {
            List<String> problems = problems(target, app);
            if (!problems.isEmpty()) {
                throw new MojoFailureException("Workflow definitions cannot run on " + target + ":\n  "
                        + String.join("\n  ", problems));
            }
            Application application = new Application(appName,
                    Optional.ofNullable(prefix).filter(p -> !p.isBlank()), app.scan().handlers(),
                    app.scan().workflows(), app.scan().stores(), app.scan().queues(),
                    new Application.Code(classes(), app.libraries()), timestamp());
            delete(bundle);
            BundleWriter out = new BundleWriter(bundle, application, target);
            app.packager().write(application, out);
            out.finish();
            getLog().info("skystate: " + target + " bundle of " + appName + " (" + application.handlers().size()
                    + " handlers, " + application.workflows().size() + " workflows, " + out.files().size()
                    + " files) in " + bundle + "; deploy commands in README.md");
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("cannot package " + appName + " for " + target + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the " + target + " bundle in " + bundle, e);
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
