package it.fanout;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerModule;
import java.util.Map;

/** The handlers the fan-out workflow names. */
public final class FanOutModule implements HandlerModule {
    @Override
    public void configure(Skystate skystate) {
        for (String name : new String[] {"charge", "refund", "work"}) {
            skystate.handlers().register(HandlerDefinition.ofFunction(name, Map.class, Map.class, m -> m));
        }
    }
}
