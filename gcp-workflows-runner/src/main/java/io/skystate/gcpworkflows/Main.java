package io.skystate.gcpworkflows;

import io.skystate.gcpworkflows.internal.cli.CommandLine;
import java.util.concurrent.CountDownLatch;

/**
 * The command line of Skystate's Workflows runner:
 * {@code java -jar skystate-gcp-workflows-runner.jar run|check|serve ...}; {@code --help} lists the options.
 * Exit codes: 0 success, 1 the execution failed or was cancelled, 2 usage error or a workflow the runner cannot run.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        int code = new CommandLine(System.out, System.err, () -> {
            try {
                stop.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).execute(args);
        System.exit(code);
    }
}
