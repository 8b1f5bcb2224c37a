package io.skystate.gcp.functions;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Skystate;
import io.skystate.api.VersionConflictException;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerModule;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import java.util.Optional;

/**
 * The handlers of a small application, found by {@link FunctionRuntime} through
 * {@code META-INF/services/io.skystate.api.handler.HandlerModule} as a deployed function finds them: {@code greet}
 * (pure), {@code count} (increments a Firestore counter with optimistic concurrency) and {@code reserve} (fails).
 */
public final class TestHandlerModule implements HandlerModule {
    public static final String COUNTERS = "counters";

    public record Greeting(String name) {
    }

    public record Reply(String greeting, String invocationId, int attempt) {
    }

    public record Count(String counter) {
    }

    public record Counter(long value) {
    }

    public TestHandlerModule() {
    }

    @Override
    public void configure(Skystate skystate) {
        skystate.handlers().register(HandlerDefinition.of("greet", Greeting.class, Reply.class,
                (in, context) -> new Reply("Hello, " + in.name() + "!", context.invocationId(), context.attempt())));
        skystate.handlers().register(HandlerDefinition.of("count", Count.class, Counter.class,
                (in, context) -> new Counter(increment(context.skystate().stateStore(COUNTERS), Key.of(in.counter(), "count")))));
        skystate.handlers().register(HandlerDefinition.ofFunction("reserve", Greeting.class, Reply.class, in -> {
            throw new IllegalStateException("no stock for " + in.name());
        }));
    }

    private static long increment(StateStore store, Key key) {
        while (true) {
            Optional<StateEntry> current = store.get(key);
            try {
                if (current.isEmpty()) {
                    store.putJson(key, new Counter(1), PutOptions.ifAbsent());
                    return 1;
                }
                long next = store.codec().decode(current.get().value().bytes(), Counter.class).value() + 1;
                store.putJson(key, new Counter(next), PutOptions.ifVersion(current.get().version()));
                return next;
            } catch (VersionConflictException | AlreadyExistsException raced) {
                // another invocation won: read again
            }
        }
    }
}
