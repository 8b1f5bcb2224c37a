/**
 * Deploy artifacts of the Google Cloud adapter: the Cloud Workflows YAML generated for each portable workflow
 * definition, the gcloud deploy script, and the {@code skystate:package} packager that bundles both with the function.
 */
package io.skystate.gcp.deploy;
