package io.skystate.cli.internal.dashboard;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * Where the dashboard listens and what it shows: the state stores and queues to offer (the API cannot enumerate
 * them), how many runs a page lists, a fixed access token (generated when empty), and whether to require it on loopback
 * too (on a machine shared with other users).
 */
public record DashboardOptions(InetAddress bind, int port, List<String> stores, List<String> queues, int pageSize,
        Optional<String> token, boolean requireToken) {
    public DashboardOptions {
        stores = List.copyOf(stores);
        queues = List.copyOf(queues);
    }

    /** Whether clients must authenticate: whenever the address is not loopback, or when asked to. */
    public boolean authenticationRequired() {
        return requireToken || !bind.isLoopbackAddress();
    }
}
