package io.skystate.maven;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Fails the build when a workflow definition of the app cannot run on a cloud the project targets. Definitions come
 * from the definitions folder and from the app's {@code HandlerModule}s; each is judged by Skystate's portable
 * validator with the capabilities of each target cloud's adapter, exactly as that adapter judges it when the app
 * registers it, and every problem is reported with the cloud, the workflow, the step and the construct.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PROCESS_CLASSES, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class ValidateMojo extends AbstractSkystateMojo {
    /** The clouds the project targets, comma-separated: any of {@code aws}, {@code azure}, {@code gcp}. */
    @Parameter(property = "skystate.clouds", defaultValue = "aws,azure,gcp")
    protected List<String> clouds;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("skystate:validate skipped");
            return;
        }
        List<String> problems = new ArrayList<>();
        int workflowCount = 0;
        for (String cloud : clouds.stream().map(String::trim).filter(c -> !c.isEmpty()).sorted().distinct().toList()) {
            try (Loaded app = load(cloud)) {
                problems.addAll(problems(cloud, app));
                workflowCount = app.scan().workflows().size();
            } catch (IOException e) {
                throw new MojoExecutionException("cannot close the class loader", e);
            }
        }
        if (!problems.isEmpty()) {
            problems.forEach(p -> getLog().error(p));
            throw new MojoFailureException("Workflow definitions cannot run on the clouds this project targets "
                    + clouds + ":\n  " + String.join("\n  ", problems));
        }
        getLog().info("skystate: " + workflowCount + " workflow definition(s) of " + appName + " valid on " + clouds);
    }
}
