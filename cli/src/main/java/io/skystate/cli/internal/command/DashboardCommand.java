package io.skystate.cli.internal.command;

import io.skystate.api.Skystate;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.dashboard.DashboardOptions;
import io.skystate.cli.internal.dashboard.DashboardServer;
import io.skystate.cli.internal.output.Output;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code skystate dashboard}: serves the web dashboard until interrupted. On loopback (the default) it asks no login;
 * on any other address it prints an access token and requires it.
 */
@Command(name = "dashboard", description = {"Serve the web dashboard (runs, run timelines and diagrams, pending"
        + " callbacks, state, queues) until interrupted with Ctrl-C.",
    "Listens on 127.0.0.1 without login by default. Bound to another address it requires the access token it prints"
        + " (login form, or Authorization: Bearer).",
    "On the local adapter this process also runs workflow steps whose handlers it has (SKYSTATE_CLASSPATH)."})
final class DashboardCommand extends SkystateCommand {
    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
            description = "Address to listen on (default 127.0.0.1; anything else requires the token).")
    String bind;

    @Option(names = "--port", defaultValue = "8080", paramLabel = "PORT", description = "Port (default 8080; 0 any free one).")
    int port;

    @Option(names = "--store", paramLabel = "NAME", description = "A state store to browse; repeatable (the API cannot list stores).")
    List<String> stores = new ArrayList<>();

    @Option(names = "--queue", paramLabel = "NAME", description = "A queue to list; repeatable (the API cannot list queues).")
    List<String> queues = new ArrayList<>();

    @Option(names = "--page-size", defaultValue = "25", paramLabel = "N", description = "Runs per page, 1-100 (default 25).")
    int pageSize;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Access token to require off loopback (default: a random one, printed at start).")
    String token;

    @Option(names = "--require-token", description = "Require the token on loopback too (machines shared with other users).")
    boolean requireToken;

    @Override
    ExitCode execute(Skystate skystate, Output output) throws Exception {
        stores.forEach(s -> Skystate.validateName("store", s));
        queues.forEach(q -> Skystate.validateName("queue", q));
        DashboardOptions options = new DashboardOptions(InetAddress.getByName(bind), port, stores, queues, pageSize,
                Optional.ofNullable(token), requireToken);
        CountDownLatch stopped = new CountDownLatch(1);
        try (DashboardServer server = DashboardServer.start(skystate, options)) {
            Thread hook = new Thread(stopped::countDown, "skystate-dashboard-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            output.out().println("Skystate dashboard on provider '" + skystate.provider() + "': " + server.uri());
            if (options.authenticationRequired()) {
                output.out().println("Listening beyond loopback: log in with the access token " + server.token());
            }
            output.out().println("Press Ctrl-C to stop.");
            output.out().flush();
            stopped.await();
        }
        return ExitCode.OK;
    }
}
