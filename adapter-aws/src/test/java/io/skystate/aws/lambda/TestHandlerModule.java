package io.skystate.aws.lambda;

import io.skystate.api.AlreadyExistsException;
import io.skystate.api.Skystate;
import io.skystate.api.VersionConflictException;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerModule;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import java.io.IOException;
import java.util.Optional;

/**
 * The handlers of a small application, found by {@link LambdaRuntime} through
 * {@code META-INF/services/io.skystate.api.handler.HandlerModule} exactly as a deployed Lambda finds them:
 * {@code greet} (pure), {@code count} (increments a counter in a state store with optimistic concurrency),
 * {@code reserve} (fails with an unchecked exception) and {@code audit} (fails with a checked one).
 */
public final class TestHandlerModule implements HandlerModule {
    public static final String COUNTERS = "counters";

    public record Greeting(String name) {
    }

    public record Reply(String greeting, String invocationId, int attempt) {
    }

    public record Count(String counter) {
    }

    public record Counted(String counter, long value) {
    }

    public record Counter(long value) {
    }

    /** What {@code reserve} throws; the Lambda runtime reports its class as the invocation's errorType. */
    public static final class OutOfStockException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public OutOfStockException(String message) {
            super(message);
        }
    }

    public TestHandlerModule() {
    }

    @Override
    public void configure(Skystate skystate) {
        skystate.handlers().register(HandlerDefinition.of("greet", Greeting.class, Reply.class,
                (in, context) -> new Reply("Hello, " + in.name() + "!", context.invocationId(), context.attempt())));
        skystate.handlers().register(HandlerDefinition.of("count", Count.class, Counted.class,
                (in, context) -> new Counted(in.counter(), increment(context.skystate().stateStore(COUNTERS),
                        Key.of(in.counter(), "count")))));
        skystate.handlers().register(HandlerDefinition.ofFunction("reserve", Greeting.class, Reply.class, in -> {
            throw new OutOfStockException("no stock for " + in.name());
        }));
        skystate.handlers().register(HandlerDefinition.of("audit", Greeting.class, Reply.class, (in, context) -> {
            throw new IOException("audit log unreachable");
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
