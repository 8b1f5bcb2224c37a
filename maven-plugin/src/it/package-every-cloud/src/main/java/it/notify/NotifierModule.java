package it.notify;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerModule;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.state.StateStore;
import java.util.Map;

/** Records notifications and queues them for delivery. */
public final class NotifierModule implements HandlerModule {
    @Override
    public void configure(Skystate skystate) {
        StateStore log = skystate.stateStore("notification-log");
        MessageQueue outbox = skystate.queue("outbox");
        skystate.handlers().register(HandlerDefinition.ofFunction("notify", Map.class, Map.class,
                m -> Map.of("store", log.name(), "queue", outbox.name())));
    }
}
