/**
 * Spring Cloud Function on Skystate: with this jar on the class path, a Spring Boot application that defines a
 * {@link io.skystate.api.Skystate} bean gets every {@code java.util.function.Function} bean of its
 * {@code FunctionCatalog} registered as a Skystate handler of the same name
 * ({@link io.skystate.spring.SkystateFunctionAutoConfiguration}). Without Boot, call
 * {@link io.skystate.spring.FunctionCatalogBridge#bridge(org.springframework.cloud.function.context.FunctionCatalog,
 * io.skystate.api.Skystate)}. Depends on {@code api} only: the application chooses and constructs its adapter.
 */
package io.skystate.spring;
