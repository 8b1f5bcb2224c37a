/**
 * The Google Cloud adapter: {@link io.skystate.gcp.GcpSkystate} (provider {@code gcp}, discovered through
 * {@link io.skystate.gcp.GcpProvider}). State on Firestore, queues on Pub/Sub, callbacks, idempotency and sessions on
 * top of those, handlers and callback URLs served by Cloud Functions ({@code io.skystate.gcp.functions}), deploy
 * commands and the generated Cloud Workflows YAML in {@code io.skystate.gcp.deploy}, workflows on Cloud Workflows
 * ({@code io.skystate.gcp.internal.workflows}, README-workflows.md). The mapping, the id encoding and the version
 * design are in the module's README ("Running on Google Cloud").
 */
package io.skystate.gcp;
