package io.skystate.azure.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.CustomBinding;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.azure.functions.annotation.TimerTrigger;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code function.json} of one {@code @FunctionName} method, read from its parameters' binding annotations the
 * way {@code azure-functions-maven-plugin} reads them: the binding type comes from the trigger annotations this
 * adapter uses ({@code httpTrigger}, {@code queueTrigger}, {@code timerTrigger}) or from an annotation's
 * {@link CustomBinding} meta-annotation (Durable Functions' {@code orchestrationTrigger}, {@code activityTrigger},
 * {@code durableClient}), and every annotation attribute that differs from its default becomes a binding property
 * (enum values in lower case). An HTTP trigger gets the {@code $return} HTTP output. {@link BindingName} parameters
 * (trigger metadata) and {@link ExecutionContext} need no binding; any other parameter is an error. Stateless.
 */
final class FunctionJson {
    /** The binding types that make the Durable Functions extension part of an app. */
    static final Set<String> DURABLE_TYPES = Set.of("orchestrationTrigger", "activityTrigger", "durableClient");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Class<? extends Annotation>, String> BUILT_IN = Map.of(HttpTrigger.class, "httpTrigger",
            QueueTrigger.class, "queueTrigger", TimerTrigger.class, "timerTrigger");

    private FunctionJson() {
    }

    /** The function.json of {@code method}, whose jar is {@code scriptFile} relative to the function's folder. */
    static ObjectNode of(Method method, String scriptFile) {
        ObjectNode function = JSON.createObjectNode().put("scriptFile", scriptFile)
                .put("entryPoint", method.getDeclaringClass().getName() + "." + method.getName());
        ArrayNode bindings = function.putArray("bindings");
        for (Parameter parameter : method.getParameters()) {
            Optional<ObjectNode> binding = binding(parameter);
            if (binding.isPresent()) {
                bindings.add(binding.get());
            } else if (parameter.getAnnotation(BindingName.class) == null
                    && !ExecutionContext.class.equals(parameter.getType())) {
                throw new IllegalArgumentException(method + ": parameter " + parameter.getName() + " has no binding"
                        + " annotation this generator knows (" + BUILT_IN.values() + " or a @CustomBinding)");
            }
        }
        boolean http = false;
        for (var binding : bindings) {
            http |= "httpTrigger".equals(binding.path("type").asText());
        }
        if (http && !void.class.equals(method.getReturnType())) {
            bindings.addObject().put("type", "http").put("direction", "out").put("name", "$return");
        }
        return function;
    }

    /** Whether a function.json has a Durable Functions binding. */
    static boolean durable(ObjectNode functionJson) {
        for (var binding : functionJson.path("bindings")) {
            if (DURABLE_TYPES.contains(binding.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    private static Optional<ObjectNode> binding(Parameter parameter) {
        for (Annotation annotation : parameter.getAnnotations()) {
            Class<? extends Annotation> kind = annotation.annotationType();
            CustomBinding custom = kind.getAnnotation(CustomBinding.class);
            String type = BUILT_IN.get(kind);
            if (type == null && custom == null) {
                continue;
            }
            ObjectNode binding = JSON.createObjectNode().put("type", type != null ? type : custom.type())
                    .put("direction", type != null ? "in" : custom.direction());
            attributes(annotation, binding);
            return Optional.of(binding);
        }
        return Optional.empty();
    }

    /** Every attribute whose value is not its default: {@code name} first, then in name order (a stable output). */
    private static void attributes(Annotation annotation, ObjectNode binding) {
        Method[] members = annotation.annotationType().getDeclaredMethods();
        Arrays.sort(members, Comparator.comparing((Method m) -> !m.getName().equals("name")).thenComparing(Method::getName));
        for (Method member : members) {
            Object value = value(annotation, member);
            Object defaultValue = member.getDefaultValue();
            if (defaultValue != null && (value.getClass().isArray()
                    ? Arrays.deepEquals(new Object[] {value}, new Object[] {defaultValue}) : value.equals(defaultValue))) {
                continue;
            }
            if (value.getClass().isArray()) {
                ArrayNode array = binding.putArray(member.getName());
                for (int i = 0; i < Array.getLength(value); i++) {
                    array.add(text(Array.get(value, i)));
                }
            } else if (value instanceof Boolean flag) {
                binding.put(member.getName(), flag);
            } else if (value instanceof Number number) {
                binding.put(member.getName(), number.longValue());
            } else {
                binding.put(member.getName(), text(value));
            }
        }
    }

    private static Object value(Annotation annotation, Method member) {
        try {
            return member.invoke(annotation);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + member + " of " + annotation, e);
        }
    }

    private static String text(Object value) {
        return value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(value);
    }
}
