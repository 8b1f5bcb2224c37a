/**
 * The Azure adapter, provider id {@code azure} ({@link io.skystate.azure.AzureProvider}, or build an
 * {@link io.skystate.azure.AzureSkystate} directly). State in Azure Table Storage (or Azure Cosmos DB for Table) or
 * in Cosmos DB for NoSQL ({@code azure.state}), queues on Azure Storage queues, callbacks, idempotency and sessions
 * on top of those, handlers served by the Azure Functions entry points in {@code io.skystate.azure.functions}, deploy
 * artifacts in {@code io.skystate.azure.deploy}. Workflows (Durable Functions) are not wired in yet:
 * {@code workflows()} throws {@code UnsupportedCapabilityException}. The mapping and its reasons are in the module's
 * README.
 */
package io.skystate.azure;
