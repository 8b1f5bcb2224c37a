package io.skystate.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Free TCP ports on the loopback interface, as the operating system hands them out. A port is free when this returns;
 * another process may still take it before the emulator binds it, in which case the emulator exits and
 * {@link EmulatorProcess} reports it. Stateless and thread-safe.
 */
public final class FreePorts {
    private FreePorts() {
    }

    /** One free port. */
    public static int one() {
        return several(1)[0];
    }

    /** {@code count} distinct free ports (held open together while they are chosen, so they differ). */
    public static int[] several(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way
                }
            }
        }
    }
}
