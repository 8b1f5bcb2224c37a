/**
 * The Azure Functions entry points of a Skystate app (plain Java; Spring Cloud Function apps reach them through
 * SCF's {@code FunctionInstanceInjector}): {@link io.skystate.azure.functions.SkystateFunctions} with its HTTP and
 * queue triggers, the server-independent routing {@link io.skystate.azure.functions.SkystateHttp}, the app-settings
 * instance {@link io.skystate.azure.functions.FunctionsRuntime}, the work message format
 * {@link io.skystate.azure.functions.QueueWork}, and the workflow functions
 * {@link io.skystate.azure.functions.DurableWorkflowFunctions} run by the host's Durable Functions extension, with
 * {@link io.skystate.azure.functions.DurableFunctionsRuntime} handing the host's Durable client to the engine.
 */
package io.skystate.azure.functions;
