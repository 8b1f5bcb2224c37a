package io.skystate.observability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.skystate.api.Codec;
import io.skystate.api.Skystate;
import io.skystate.api.VersionConflictException;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.Handlers;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.state.Condition;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.state.Transaction;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.Workflows;
import io.skystate.local.LocalSkystate;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The decorator is faithful, method by method, for every public method of each decorated service (found by
 * reflection, so a method added to the API later is covered without editing this test): the call reaches the
 * wrapped service once, under its own name (the typed helpers such as {@code putJson} reach the method they are
 * defined by), and the exception the wrapped service throws comes out as the very same object; an observed
 * operation records it as the outcome of its timer. The wrapped services throw for everything, the observability
 * store included, so the decorator's own bookkeeping failing must not change what the caller sees either.
 */
class FaithfulDecoratorTest {
    /** Typed helpers the interfaces define in terms of another of their methods. */
    private static final Map<String, String> HELPERS = Map.of("putJson", "put", "getJson", "get");
    /** Plain accessors and calls delegated without a timer (a handler's invocations are timed where they run). */
    private static final List<String> UNTIMED = List.of("name", "codec", "unwrap", "Handlers.names",
            "Handlers.endpoint", "Handlers.endpointRequest", "Handlers.invokeJson", "Handlers.invoke", "Handlers.register");
    private static LocalSkystate local;

    @BeforeAll
    static void open() {
        local = LocalSkystate.builder().withoutHttp().build();
    }

    @AfterAll
    static void close() {
        local.close();
    }

    static Stream<Arguments> methods() {
        List<Arguments> all = new ArrayList<>();
        for (Class<?> service : List.of(StateStore.class, MessageQueue.class, Callbacks.class, Handlers.class, Workflows.class)) {
            Arrays.stream(service.getMethods()).filter(m -> !Modifier.isStatic(m.getModifiers()))
                    .forEach(m -> all.add(Arguments.of(service.getSimpleName() + "." + m.getName()
                            + Arrays.toString(m.getParameterTypes()).replace("class ", "").replace("interface ", ""), m)));
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("methods")
    void theCallReachesTheWrappedServiceAndItsExceptionComesOutUnchanged(String label, Method method) throws Exception {
        VersionConflictException thrown = new VersionConflictException("test", "thrown by the wrapped " + label);
        List<String> calls = new ArrayList<>();
        AtomicBoolean armed = new AtomicBoolean();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(InMemorySpanExporter.create())).build()).build()) {
            Skystate failing = failingSkystate(local.codec(), thrown, calls, armed, method.getName());
            ObservedSkystate observed = new ObservedSkystate(failing, new Telemetry(registry, sdk, Clock.systemUTC()),
                    new Settings("telemetry", Duration.ofDays(1), Optional.empty()));
            Object target = service(observed, method.getDeclaringClass());
            armed.set(true);

            Throwable out = catchThrowable(() -> invoke(method, target));

            assertThat(out).as("the wrapped service's exception, unchanged").isSameAs(thrown);
            assertThat(calls).as("calls that reached the wrapped service")
                    .containsExactly(HELPERS.getOrDefault(method.getName(), method.getName()));
            String service = method.getDeclaringClass().getSimpleName();
            if (!UNTIMED.contains(method.getName()) && !UNTIMED.contains(service + "." + method.getName())) {
                assertThat(registry.getMeters().stream().filter(m -> m.getId().getType() == Meter.Type.TIMER)
                        .filter(m -> "VERSION_CONFLICT".equals(m.getId().getTag("outcome"))).toList())
                        .as("a timer with the exception's code as outcome").hasSize(1);
            }
        }
    }

    private static Object service(Skystate skystate, Class<?> type) {
        if (type == StateStore.class) {
            return skystate.stateStore("orders");
        }
        if (type == MessageQueue.class) {
            return skystate.queue("jobs");
        }
        if (type == Callbacks.class) {
            return skystate.callbacks();
        }
        if (type == Handlers.class) {
            return skystate.handlers();
        }
        return skystate.workflows();
    }

    private static void invoke(Method method, Object target) throws Throwable {
        Object[] args = Arrays.stream(method.getParameterTypes()).map(FaithfulDecoratorTest::sample).toArray();
        try {
            method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A valid argument of each type the services take. */
    private static Object sample(Class<?> type) {
        Key key = Key.of("g", "k");
        if (type == String.class) {
            return "x";
        }
        if (type == int.class) {
            return 1;
        }
        if (type == byte[].class) {
            return "{}".getBytes();
        }
        if (type == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (type == Key.class) {
            return key;
        }
        if (type == Collection.class) {
            return List.of(key);
        }
        if (type == StateValue.class) {
            return StateValue.json("{}".getBytes());
        }
        if (type == PutOptions.class) {
            return PutOptions.always();
        }
        if (type == Condition.class) {
            return Condition.none();
        }
        if (type == Transaction.class) {
            return Transaction.builder().put(key, StateValue.json("{}".getBytes())).build();
        }
        if (type == ListRequest.class) {
            return ListRequest.firstPage("g", 10);
        }
        if (type == Message.class) {
            return Message.of("m");
        }
        if (type == CallbackRequest.class) {
            return CallbackRequest.withTimeout(Duration.ofMinutes(1));
        }
        if (type == HandlerDefinition.class) {
            return HandlerDefinition.of("h", String.class, String.class, (input, context) -> input);
        }
        if (type == WorkflowDefinition.class) {
            return WorkflowDefinition.builder("w", 1).startAt("done").succeed("done").build();
        }
        if (type == RunQuery.class) {
            return RunQuery.all();
        }
        if (type == Optional.class) {
            return Optional.empty();
        }
        if (type == Class.class) {
            return String.class;
        }
        return Map.of("any", "value");
    }

    /**
     * A Skystate whose services, once {@code armed}, record each call's method name and throw {@code thrown}. The
     * decorator's own store fails with another exception, so a leak of it would not pass for the service's.
     */
    private static Skystate failingSkystate(Codec codec, RuntimeException thrown, List<String> calls, AtomicBoolean armed,
            String tested) {
        RuntimeException storeDown = new IllegalStateException("the observability store is down");
        return proxy(Skystate.class, (method, args) -> switch (method.getName()) {
            case "provider" -> "failing";
            case "codec" -> codec;
            case "stateStore" -> "orders".equals(args[0]) ? failing(StateStore.class, calls, armed, thrown, codec, tested)
                    : failing(StateStore.class, new ArrayList<>(), new AtomicBoolean(true), storeDown, codec, "");
            case "queue" -> failing(MessageQueue.class, calls, armed, thrown, codec, tested);
            case "callbacks" -> failing(Callbacks.class, calls, armed, thrown, codec, tested);
            case "handlers" -> failing(Handlers.class, calls, armed, thrown, codec, tested);
            case "workflows" -> failing(Workflows.class, calls, armed, thrown, codec, tested);
            case "unwrap" -> Optional.empty();
            default -> throw new UnsupportedOperationException(method.getName());
        });
    }

    /**
     * Before {@code armed}, {@code name()} answers (the decorator reads it when it is built); {@code codec()} answers
     * unless it is the {@code tested} method (the typed helpers encode with it); everything else throws.
     */
    private static <T> T failing(Class<T> type, List<String> calls, AtomicBoolean armed, RuntimeException thrown,
            Codec codec, String tested) {
        return proxy(type, (method, args) -> {
            if (!armed.get() && method.getName().equals("name")) {
                return type.getSimpleName().equals("StateStore") ? "orders" : "jobs";
            }
            if (method.getName().equals("codec") && !tested.equals("codec")) {
                return codec;
            }
            calls.add(method.getName());
            throw thrown;
        });
    }

    @FunctionalInterface
    private interface Answer {
        Object answer(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> answer.answer(method, args == null ? new Object[0] : args)));
    }
}
