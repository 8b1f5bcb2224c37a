/**
 * The Google Cloud adapter. <strong>It has no implementation yet and declares no provider</strong>: nothing in this
 * module is registered with {@link java.util.ServiceLoader}, so {@code Skystate} cannot select a {@code gcp} provider
 * today.
 *
 * <p>Planned mapping of the portable API onto Google Cloud services:
 * <ul>
 *   <li><b>State</b>: one Firestore collection per store; each group is a document whose subcollection holds one
 *       document per key id. Versions and conditional writes use update times as preconditions; transactions use
 *       Firestore transactions.</li>
 *   <li><b>Workflows and callbacks</b>: Cloud Workflows; a callback is a workflow callback endpoint.</li>
 *   <li><b>Queues</b>: Pub/Sub.</li>
 *   <li><b>Handlers</b>: Cloud Functions.</li>
 * </ul>
 *
 * <p>The package exists so that the architecture rules already cover {@code io.skystate.gcp}: it must not depend on
 * another adapter, nor reach into another module's {@code internal} packages.
 */
package io.skystate.gcp;
