package io.skystate.azure.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.functions.annotation.FunctionName;
import io.skystate.azure.functions.DurableWorkflowFunctions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the deployable layout of a Java function app, what {@code azure-functions-maven-plugin} would stage (it
 * does not resolve here): {@code host.json}, one {@code <function>/function.json} per {@link FunctionName} method of
 * the function classes ({@link FunctionJson}: every binding type, {@code scriptFile}/{@code entryPoint} pointing at
 * the method), the app jar at the root and its dependencies under {@code lib/}. Zip the directory for
 * {@code az functionapp deployment source config-zip}.
 *
 * <p>{@code host.json}: Functions 4 with extension bundle 4 (what Durable Functions for Java needs too), an empty
 * HTTP route prefix so URLs are {@code https://<app>/skystate/...}, Base64 queue messages, 5 dequeues before the
 * poison queue, 10 minute function timeout. When a function has a Durable binding ({@link DurableWorkflowFunctions}),
 * also {@code extensions.durableTask.hubName = %}{@value DurableWorkflowFunctions#TASK_HUB_SETTING}{@code %}: the
 * task hub is named by that app setting, which {@link ArmTemplate} derives from the prefix. The storage provider is
 * the default one, Azure Storage on {@code AzureWebJobsStorage}. To run on the Durable Task Scheduler instead, add
 * {@code "storageProvider": {"type": "azureManaged", "connectionStringName":
 * "DURABLE_TASK_SCHEDULER_CONNECTION_STRING"}} to that section, create a task hub of that name in the scheduler, give
 * the app the setting {@code DURABLE_TASK_SCHEDULER_CONNECTION_STRING} ({@code Endpoint=<scheduler
 * endpoint>;Authentication=ManagedIdentity}) and the scheduler's data contributor role; non-.NET apps have needed
 * the preview extension bundle ({@code Microsoft.Azure.Functions.ExtensionBundle.Preview}) for that provider (check
 * the scheduler's documentation). The functions and the template's other settings stay as they are.
 * Stateless.
 */
public final class FunctionAppLayout {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FunctionAppLayout() {
    }

    /**
     * Writes the layout into {@code dir} and returns the function names written, in class order, then method name
     * order within a class. Two functions of the same name are refused.
     */
    public static List<String> write(Path dir, Path appJar, List<Path> libraries, List<Class<?>> functionClasses) {
        Map<String, ObjectNode> functions = functions("../" + appJar.getFileName(), functionClasses);
        boolean durable = functions.values().stream().anyMatch(FunctionJson::durable);
        try {
            Files.createDirectories(dir.resolve("lib"));
            Files.copy(appJar, dir.resolve(appJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            for (Path library : libraries) {
                Files.copy(library, dir.resolve("lib").resolve(library.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            JSON.writeValue(dir.resolve("host.json").toFile(), hostJson(durable));
            for (Map.Entry<String, ObjectNode> function : functions.entrySet()) {
                Files.createDirectories(dir.resolve(function.getKey()));
                JSON.writeValue(dir.resolve(function.getKey()).resolve("function.json").toFile(), function.getValue());
            }
            return new ArrayList<>(functions.keySet());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the function app layout to " + dir, e);
        }
    }

    static ObjectNode hostJson(boolean durable) {
        ObjectNode host = JSON.createObjectNode().put("version", "2.0");
        host.putObject("extensionBundle").put("id", "Microsoft.Azure.Functions.ExtensionBundle").put("version", "[4.*, 5.0.0)");
        ObjectNode extensions = host.putObject("extensions");
        extensions.putObject("http").put("routePrefix", "");
        extensions.putObject("queues").put("maxDequeueCount", 5).put("messageEncoding", "base64");
        if (durable) {
            extensions.putObject("durableTask").put("hubName", "%" + DurableWorkflowFunctions.TASK_HUB_SETTING + "%");
        }
        host.put("functionTimeout", "00:10:00");
        return host;
    }

    private static Map<String, ObjectNode> functions(String scriptFile, List<Class<?>> functionClasses) {
        Map<String, ObjectNode> functions = new LinkedHashMap<>();
        for (Class<?> type : functionClasses) {
            List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
            methods.sort(Comparator.comparing(Method::getName));
            for (Method method : methods) {
                FunctionName name = method.getAnnotation(FunctionName.class);
                if (name != null && functions.put(name.value(), FunctionJson.of(method, scriptFile)) != null) {
                    throw new IllegalArgumentException("two functions are named " + name.value() + " (the second is "
                            + method + ")");
                }
            }
        }
        return functions;
    }
}
