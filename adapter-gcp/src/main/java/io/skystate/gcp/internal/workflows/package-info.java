/**
 * Skystate workflows on Google Cloud Workflows: {@link io.skystate.gcp.internal.workflows.CloudWorkflowsEngine}
 * (the {@code Workflows} implementation over the Workflows and Executions clients) and
 * {@link io.skystate.gcp.internal.workflows.TaskEndpoint} (what the deployed HTTP function routes the workflows'
 * task calls and the workflow callback URLs to). The compiler from portable definitions to Workflows YAML is in
 * {@code .yaml}; {@link io.skystate.gcp.internal.workflows.Protocol} is the contract between the two. The design is
 * described in the adapter's README-workflows.md.
 */
package io.skystate.gcp.internal.workflows;
