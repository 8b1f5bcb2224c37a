package io.skystate.azure.internal.durable;

import io.skystate.api.WorkflowPortability;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.crypto.Keys;
import io.skystate.local.LocalSkystate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * The application of {@link DurableCrashRecoveryIT}: three logging tasks around a wait, on the Durable engine with a
 * sidecar given by port and the local stores in a database file. Run as a main it starts {@value #RUNS} runs and
 * keeps working until it is killed; the test also opens it in-process to recover.
 */
public final class DurableCrashApp {
    static final int RUNS = 50;

    private DurableCrashApp() {
    }

    static DurableTestInstance open(Path db, Path log, int sidecarPort) {
        DurableTestInstance skystate = new DurableTestInstance(LocalSkystate.builder().file(db).withoutHttp().build(),
                "127.0.0.1", sidecarPort, Keys.randomRing("azure"), WorkflowPortability.PORTABLE,
                DurableWorkflowEngine.DEFAULT_WORKERS);
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
        DurableTestInstance skystate = open(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
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
