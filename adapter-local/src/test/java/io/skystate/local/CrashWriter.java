package io.skystate.local;

import io.skystate.api.queue.Message;
import io.skystate.api.state.Key;
import io.skystate.api.state.StateValue;
import java.nio.file.Path;

/**
 * Child process of {@link CrashDurabilityTest}: writes records and queue messages to a database file forever,
 * printing "ack N" after write N returned, until it is killed.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        LocalSkystate skystate = LocalSkystate.builder().file(Path.of(args[0])).withoutHttp().build();
        var store = skystate.stateStore("crash");
        var queue = skystate.queue("crash");
        for (int i = 0; ; i++) {
            store.put(Key.of("g", "k" + i), StateValue.json("{\"n\":" + i + "}"));
            queue.send(Message.of("m" + i));
            System.out.println("ack " + i);
            System.out.flush();
        }
    }
}
