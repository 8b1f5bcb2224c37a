/**
 * Deploy artifacts of a Skystate app on Azure: the function app layout ({@link io.skystate.azure.deploy.FunctionAppLayout})
 * and the ARM template of its resources ({@link io.skystate.azure.deploy.ArmTemplate}).
 */
package io.skystate.azure.deploy;
