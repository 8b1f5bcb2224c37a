package io.skystate.azure.internal.durable;

import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.conformance.AzureTargets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * The application of {@link DurableCrashRecoveryIT}: three logging tasks around a wait, on the Azure adapter with its
 * tables under a given prefix in the storage account of a connection string (Azurite) and workflows on the sidecar at a
 * given port. Run as a main it starts {@value #RUNS} runs and keeps working until it is killed; the test also opens it
 * in-process to recover.
 */
public final class DurableCrashApp {
    static final int RUNS = 50;

    private DurableCrashApp() {
    }

    static AzureSkystate open(String storage, String prefix, Path log, int sidecarPort) {
        AzureSkystate skystate = AzureSkystate.builder().storageConnectionString(storage).prefix(prefix)
                .keyEncryptionKey(AzureTargets.TEST_KEY_ENCRYPTION_KEY).durableTask("127.0.0.1", sidecarPort).build();
        for (String task : new String[] {"first", "second", "third"}) {
            skystate.handlers().register(HandlerDefinition.ofFunction(task, Map.class, Map.class, input -> {
                append(log, input.get("run") + " " + task);
                sleep(20);
                return Map.of("done", task);
            }));
        }
        skystate.workflows().register(WorkflowDefinition.builder("crash", 1).startAt("first")
                .task("first", "first", t -> t.resultPath("$.first").next("pause"))
                .waitFor("pause", Duration.ofSeconds(1), "second")
                .task("second", "second", t -> t.resultPath("$.second").next("third"))
                .task("third", "third", t -> t.resultPath("$.third"))
                .build());
        return skystate;
    }

    public static void main(String[] args) throws Exception {
        AzureSkystate skystate = open(args[0], args[1], Path.of(args[2]), Integer.parseInt(args[3]));
        for (int i = 0; i < RUNS; i++) {
            skystate.workflows().start("crash", "run-" + i, Map.of("run", "run-" + i));
        }
        System.out.println("started " + RUNS);
        System.out.flush();
        Thread.sleep(120_000);
    }

    private static void append(Path log, String line) {
        try {
            Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
