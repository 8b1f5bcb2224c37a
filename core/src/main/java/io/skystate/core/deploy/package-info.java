/**
 * Deployment packaging: the {@link io.skystate.core.deploy.DeploymentPackager} SPI each cloud adapter implements (in
 * its own {@code deploy} package, listed in {@code META-INF/services}), the {@link io.skystate.core.deploy.Application}
 * it packages, and what every packager shares: deterministic bundle files and archives
 * ({@link io.skystate.core.deploy.BundleWriter}), the machine-readable manifest
 * ({@link io.skystate.core.deploy.DeploymentManifest}) and resource names within a cloud's limits
 * ({@link io.skystate.core.deploy.ResourceNames}). The Skystate Maven plugin discovers the application and drives a
 * packager; nothing here depends on Maven.
 */
package io.skystate.core.deploy;
