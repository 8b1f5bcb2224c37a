package io.skystate.azure.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes the deployable layout of a Java function app, what {@code azure-functions-maven-plugin} would stage (it
 * does not resolve here): {@code host.json} (Functions 4, extension bundle 4, empty HTTP route prefix so URLs are
 * {@code https://<app>/skystate/...}, Base64 queue messages, 5 dequeues before the poison queue), one
 * {@code <function>/function.json} per {@link FunctionName} method of the function classes, with bindings read from
 * the trigger annotations and {@code scriptFile}/{@code entryPoint} pointing at the method, the app jar at the root and
 * its dependencies under {@code lib/}. Zip the directory for {@code az functionapp deployment source config-zip}.
 * Stateless.
 */
public final class FunctionAppLayout {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private FunctionAppLayout() {
    }

    /** Writes the layout into {@code dir} and returns the function names written. */
    public static List<String> write(Path dir, Path appJar, List<Path> libraries, List<Class<?>> functionClasses) {
        try {
            Files.createDirectories(dir.resolve("lib"));
            Files.copy(appJar, dir.resolve(appJar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            for (Path library : libraries) {
                Files.copy(library, dir.resolve("lib").resolve(library.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
            JSON.writeValue(dir.resolve("host.json").toFile(), hostJson());
            List<String> names = new ArrayList<>();
            for (Class<?> type : functionClasses) {
                List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
                methods.sort(Comparator.comparing(Method::getName));
                for (Method method : methods) {
                    FunctionName name = method.getAnnotation(FunctionName.class);
                    if (name != null) {
                        Files.createDirectories(dir.resolve(name.value()));
                        JSON.writeValue(dir.resolve(name.value()).resolve("function.json").toFile(),
                                functionJson(method, "../" + appJar.getFileName()));
                        names.add(name.value());
                    }
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the function app layout to " + dir, e);
        }
    }

    static ObjectNode hostJson() {
        ObjectNode host = JSON.createObjectNode().put("version", "2.0");
        host.putObject("extensionBundle").put("id", "Microsoft.Azure.Functions.ExtensionBundle").put("version", "[4.*, 5.0.0)");
        ObjectNode extensions = host.putObject("extensions");
        extensions.putObject("http").put("routePrefix", "");
        extensions.putObject("queues").put("maxDequeueCount", 5).put("messageEncoding", "base64");
        host.put("functionTimeout", "00:10:00");
        return host;
    }

    /** The function.json of one annotated method. */
    static ObjectNode functionJson(Method method, String scriptFile) {
        ObjectNode function = JSON.createObjectNode().put("scriptFile", scriptFile)
                .put("entryPoint", method.getDeclaringClass().getName() + "." + method.getName());
        ArrayNode bindings = function.putArray("bindings");
        for (Parameter parameter : method.getParameters()) {
            HttpTrigger http = parameter.getAnnotation(HttpTrigger.class);
            QueueTrigger queue = parameter.getAnnotation(QueueTrigger.class);
            if (http != null) {
                ObjectNode in = bindings.addObject().put("type", "httpTrigger").put("direction", "in").put("name", http.name())
                        .put("authLevel", http.authLevel().name().toLowerCase(Locale.ROOT)).put("route", http.route());
                if (!http.dataType().isEmpty()) {
                    in.put("dataType", http.dataType());
                }
                ArrayNode methods = in.putArray("methods");
                for (var m : http.methods()) {
                    methods.add(m.name());
                }
                bindings.addObject().put("type", "http").put("direction", "out").put("name", "$return");
            } else if (queue != null) {
                ObjectNode in = bindings.addObject().put("type", "queueTrigger").put("direction", "in").put("name", queue.name())
                        .put("queueName", queue.queueName()).put("connection", queue.connection());
                if (!queue.dataType().isEmpty()) {
                    in.put("dataType", queue.dataType());
                }
            } else if (parameter.getAnnotation(BindingName.class) == null
                    && !parameter.getType().getName().equals("com.microsoft.azure.functions.ExecutionContext")) {
                throw new IllegalArgumentException(method + ": parameter " + parameter + " has no binding this generator knows");
            }
        }
        return function;
    }
}
