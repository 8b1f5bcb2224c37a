/**
 * Deploy artifacts of the Google Cloud adapter: the Cloud Workflows YAML generated for each portable workflow
 * definition, for pipelines that deploy ahead of time.
 */
package io.skystate.gcp.deploy;
