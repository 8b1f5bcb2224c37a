package io.skystate.maven;

import io.skystate.api.Capabilities;
import io.skystate.api.Codec;
import io.skystate.api.Skystate;
import io.skystate.api.callback.Callbacks;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.Handlers;
import io.skystate.api.idempotency.Idempotency;
import io.skystate.api.idempotency.IdempotencyOptions;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.session.Sessions;
import io.skystate.api.state.StateStore;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.json.JacksonCodec;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@link Skystate} a {@code HandlerModule} configures while the plugin discovers the app: it records the
 * handlers and workflow definitions registered, the state stores and queues asked for (and the stores idempotency
 * wrappers use), and runs nothing. Anything a module does beyond registering (reading state, sending a message,
 * starting a run) fails with an {@link IllegalStateException} saying that {@code configure} should only register:
 * there is no cloud behind this instance. Not thread-safe; one per module pass.
 */
final class RecordingSkystate implements Skystate {
    private final String provider;
    private final Capabilities capabilities;
    private final JacksonCodec codec;
    private final Set<String> handlers = new TreeSet<>();
    private final List<WorkflowDefinition> workflows = new ArrayList<>();
    private final Set<String> stores = new TreeSet<>();
    private final Set<String> queues = new TreeSet<>();
    private String module = "";

    RecordingSkystate(Capabilities capabilities) {
        this.provider = capabilities.provider();
        this.capabilities = capabilities;
        this.codec = new JacksonCodec(provider);
    }

    /** The module being configured, named in errors. */
    void module(String name) {
        this.module = name;
    }

    Set<String> handlerNames() {
        return handlers;
    }

    List<WorkflowDefinition> workflowDefinitions() {
        return workflows;
    }

    Set<String> storeNames() {
        return stores;
    }

    Set<String> queueNames() {
        return queues;
    }

    @Override
    public String provider() {
        return provider;
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public StateStore stateStore(String name) {
        stores.add(Skystate.validateName("store", name));
        return proxy(StateStore.class, "state store '" + name + "'", (method, args) -> switch (method.getName()) {
            case "name" -> name;
            case "codec" -> codec;
            default -> NOT_HERE;
        });
    }

    @Override
    public MessageQueue queue(String name) {
        queues.add(Skystate.validateName("queue", name));
        return proxy(MessageQueue.class, "queue '" + name + "'", (method, args) -> switch (method.getName()) {
            case "name" -> name;
            default -> NOT_HERE;
        });
    }

    @Override
    public Callbacks callbacks() {
        return proxy(Callbacks.class, "callbacks", (method, args) -> method.getName().equals("codec") ? codec : NOT_HERE);
    }

    @Override
    public Handlers handlers() {
        return proxy(Handlers.class, "handlers", (method, args) -> switch (method.getName()) {
            case "register" -> {
                handlers.add(((HandlerDefinition<?, ?>) args[0]).name());
                yield null;
            }
            case "names" -> Set.copyOf(handlers);
            default -> NOT_HERE;
        });
    }

    @Override
    public Idempotency idempotency() {
        return proxy(Idempotency.class, "idempotency", (method, args) -> {
            if (method.getName().equals("wrap") && args.length == 3) {
                stores.add(((IdempotencyOptions) args[2]).storeName());
                return args[0];
            }
            return NOT_HERE;
        });
    }

    @Override
    public Sessions sessions() {
        return proxy(Sessions.class, "sessions", (method, args) -> NOT_HERE);
    }

    @Override
    public Workflows workflows() {
        return proxy(Workflows.class, "workflows", (method, args) -> switch (method.getName()) {
            case "register" -> {
                WorkflowDefinition definition = (WorkflowDefinition) args[0];
                workflows.add(definition);
                yield definition;
            }
            case "codec" -> codec;
            default -> NOT_HERE;
        });
    }

    @Override
    public Codec codec() {
        return codec;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        return Optional.empty();
    }

    @Override
    public void close() {
    }

    private static final Object NOT_HERE = new Object();

    private interface Answer {
        Object answer(Method method, Object[] args);
    }

    /**
     * A proxy of {@code type} answering with {@code answer}; default methods run as written (so overloads reach the
     * abstract method they delegate to), and anything {@code answer} leaves ({@link #NOT_HERE}) fails.
     */
    private <T> T proxy(Class<T> type, String what, Answer answer) {
        InvocationHandler handler = (self, method, args) -> {
            Object[] arguments = args == null ? new Object[0] : args;
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "toString" -> "discovery " + what;
                    case "hashCode" -> System.identityHashCode(self);
                    default -> self == arguments[0];
                };
            }
            Object result = answer.answer(method, arguments);
            if (result != NOT_HERE) {
                return result;
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(self, method, args);
            }
            throw new IllegalStateException(module + " called " + type.getSimpleName() + "." + method.getName()
                    + " on " + what + " while the Skystate plugin discovered the app: HandlerModule.configure should"
                    + " only register handlers and workflows (there is no cloud behind it at build time)");
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }
}
