package io.skystate.core.deploy;

import io.skystate.api.Capabilities;
import io.skystate.api.workflow.WorkflowDefinition;
import java.io.IOException;
import java.util.List;

/**
 * Packages a Skystate application for one cloud: writes a deployable bundle (the code laid out as the cloud's
 * functions service wants it, the infrastructure template or deploy script, the compiled workflows, a README of the
 * exact deploy commands and {@code manifest.json}) into an empty directory. Each cloud adapter implements it in its
 * {@code deploy} package, next to the generators it uses, and lists the implementation in
 * {@code META-INF/services/io.skystate.core.deploy.DeploymentPackager}; the Maven plugin finds it with
 * {@link java.util.ServiceLoader} on a class loader holding that adapter. Implementations need a public no-argument
 * constructor and must be deterministic: the same application gives byte-identical files (sorted iteration, no
 * dates, no absolute paths).
 */
public interface DeploymentPackager {
    /** The cloud's id, as the plugin's {@code cloud} parameter names it: {@code aws}, {@code azure} or {@code gcp}. */
    String cloud();

    /**
     * What the cloud's adapter accepts in workflow definitions (its {@code WORKFLOW_*} extras), as its instances
     * declare at run time; the plugin validates definitions against it before packaging.
     */
    Capabilities capabilities();

    /**
     * What this cloud's workflow engine refuses in {@code definition} when the app registers it, beyond the portable
     * validator's judgement (step kinds the engine does not run yet), one problem per step, each naming it; empty
     * when the engine takes it. The plugin reports these with the validator's problems. Default: none.
     */
    default List<String> unsupported(WorkflowDefinition definition) {
        return List.of();
    }

    /**
     * Writes the bundle of {@code application} with {@code out}, which also records every file for the manifest.
     * Throws {@link IllegalArgumentException} when the application cannot be deployed to this cloud as it is (a
     * resource name over the cloud's limit, two resources with one name), naming what to change.
     */
    void write(Application application, BundleWriter out) throws IOException;
}
