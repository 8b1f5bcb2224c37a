package io.skystate.azure.functions;

import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerModule;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;

/**
 * The handlers of a small application, found by {@link FunctionsRuntime} through
 * {@code META-INF/services/io.skystate.api.handler.HandlerModule} as a deployed function app finds them:
 * {@code record} (stores its input under its {@code id} in the {@value #RECORDS} store) and {@code reject} (fails).
 */
public final class TestHandlerModule implements HandlerModule {
    public static final String RECORDS = "records";

    public record Item(String id, String text) {
    }

    @Override
    public void configure(io.skystate.api.Skystate skystate) {
        skystate.handlers().register(HandlerDefinition.of("record", Item.class, Item.class, (item, context) -> {
            context.skystate().stateStore(RECORDS).putJson(Key.of("items", item.id()), item, PutOptions.always());
            return item;
        }));
        skystate.handlers().register(HandlerDefinition.of("reject", Item.class, Item.class, (item, context) -> {
            throw new IllegalStateException("rejected " + item.id());
        }));
    }
}
