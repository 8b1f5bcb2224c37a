/**
 * The Azure adapter. <strong>It has no implementation yet and declares no provider</strong>: nothing in this module
 * is registered with {@link java.util.ServiceLoader}, so {@code Skystate} cannot select an {@code azure} provider
 * today.
 *
 * <p>Planned mapping of the portable API onto Azure services:
 * <ul>
 *   <li><b>State</b>: one Cosmos DB container per store, partition key = the key's group, item id = the key's id.
 *       Versions and conditional writes use ETags; transactions use transactional batches within a partition.</li>
 *   <li><b>Workflows and callbacks</b>: Durable Functions; a callback is an external event.</li>
 *   <li><b>Queues</b>: Azure Storage Queues.</li>
 *   <li><b>Handlers</b>: Azure Functions.</li>
 * </ul>
 *
 * <p>The package exists so that the architecture rules already cover {@code io.skystate.azure}: it must not depend on
 * another adapter, nor reach into another module's {@code internal} packages.
 */
package io.skystate.azure;
