package io.skystate.cli.internal.dashboard;

import io.skystate.api.Skystate;
import io.skystate.api.state.Key;
import io.skystate.cli.fixture.FixtureModule;
import io.skystate.examples.ordersaga.OrderSagaDemo;
import io.skystate.examples.ordersaga.PaymentGateway;
import io.skystate.local.LocalSkystate;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A dashboard on a local database holding the order-saga demo's three finished runs and one run of the fixture's
 * approval saga waiting for a human's callback.
 */
final class DashboardFixture implements AutoCloseable {
    static final String WAITING = "approval-42";
    final Skystate skystate;
    final PaymentGateway gateway = new PaymentGateway();
    final DashboardServer server;

    DashboardFixture(Path dir) throws Exception {
        skystate = LocalSkystate.builder().file(dir.resolve("skystate.db")).build();
        OrderSagaDemo.run(skystate, gateway, new PrintStream(OutputStream.nullOutputStream()));
        new FixtureModule().configure(skystate);
        skystate.workflows().start("approval", WAITING, Map.of("order", WAITING));
        server = DashboardServer.start(skystate, new DashboardOptions(InetAddress.getLoopbackAddress(), 0,
                List.of("inventory", FixtureModule.STORE), List.of("orders"), 25, Optional.empty(), false));
    }

    /** The waiting run's callback token, once its callback handler filed it. */
    String token() throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            var entry = skystate.stateStore(FixtureModule.STORE).getJson(Key.of("approvals", WAITING), Map.class);
            if (entry.isPresent()) {
                return String.valueOf(entry.get().get("token"));
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the approval run never asked for its callback");
    }

    String url(String path) {
        return server.uri().resolve(path).toString();
    }

    @Override
    public void close() {
        server.close();
        skystate.close();
        gateway.close();
    }
}
