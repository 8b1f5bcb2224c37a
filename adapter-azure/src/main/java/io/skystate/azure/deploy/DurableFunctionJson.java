package io.skystate.azure.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import com.microsoft.durabletask.azurefunctions.DurableActivityTrigger;
import com.microsoft.durabletask.azurefunctions.DurableClientInput;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Writes {@code <function>/function.json} for each {@link FunctionName} method of a class with Durable Functions
 * bindings ({@code orchestrationTrigger}, {@code activityTrigger}, {@code durableClient}) and the queue and timer
 * triggers the workflow functions use: what {@code azure-functions-maven-plugin} would generate (it does not resolve
 * here). {@code scriptFile} and {@code entryPoint} point at the method in the app jar at the root of the layout.
 * Stateless.
 */
public final class DurableFunctionJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DurableFunctionJson() {
    }

    /** Writes the function.json files of {@code type}'s functions into {@code dir}; returns the function names. */
    public static List<String> write(Path dir, String appJar, Class<?> type) {
        List<Method> methods = new ArrayList<>(List.of(type.getMethods()));
        methods.sort(Comparator.comparing(Method::getName));
        List<String> names = new ArrayList<>();
        try {
            for (Method method : methods) {
                FunctionName name = method.getAnnotation(FunctionName.class);
                if (name != null) {
                    Files.createDirectories(dir.resolve(name.value()));
                    JSON.writeValue(dir.resolve(name.value()).resolve("function.json").toFile(),
                            functionJson(method, "../" + appJar));
                    names.add(name.value());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write function.json files to " + dir, e);
        }
        return names;
    }

    /** The function.json of one annotated method. */
    public static ObjectNode functionJson(Method method, String scriptFile) {
        ObjectNode function = JSON.createObjectNode().put("scriptFile", scriptFile)
                .put("entryPoint", method.getDeclaringClass().getName() + "." + method.getName());
        ArrayNode bindings = function.putArray("bindings");
        for (Parameter parameter : method.getParameters()) {
            bindings.add(binding(method, parameter));
        }
        return function;
    }

    private static ObjectNode binding(Method method, Parameter parameter) {
        ObjectNode in = JSON.createObjectNode();
        DurableOrchestrationTrigger orchestration = parameter.getAnnotation(DurableOrchestrationTrigger.class);
        DurableActivityTrigger activity = parameter.getAnnotation(DurableActivityTrigger.class);
        DurableClientInput client = parameter.getAnnotation(DurableClientInput.class);
        QueueTrigger queue = parameter.getAnnotation(QueueTrigger.class);
        TimerTrigger timer = parameter.getAnnotation(TimerTrigger.class);
        if (orchestration != null) {
            in.put("type", "orchestrationTrigger").put("name", orchestration.name());
        } else if (activity != null) {
            in.put("type", "activityTrigger").put("name", activity.name());
        } else if (client != null) {
            in.put("type", "durableClient").put("name", client.name());
            if (!client.taskHub().isEmpty()) {
                in.put("taskHub", client.taskHub());
            }
        } else if (queue != null) {
            in.put("type", "queueTrigger").put("name", queue.name()).put("queueName", queue.queueName())
                    .put("connection", queue.connection());
        } else if (timer != null) {
            in.put("type", "timerTrigger").put("name", timer.name()).put("schedule", timer.schedule());
        } else {
            throw new IllegalArgumentException(method + ": parameter " + parameter + " has no binding this generator knows");
        }
        return in.put("direction", "in");
    }
}
