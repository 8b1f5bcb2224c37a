package io.skystate.local;

import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;

/**
 * The application of {@link WorkflowCrashRecoveryTest}: three logging tasks around a wait. Run as a main it
 * starts 100 runs and keeps working until it is killed; the test also uses it in-process to recover.
 */
public final class WorkflowCrashApp {
    static final int RUNS = 100;

    private WorkflowCrashApp() {
    }

    static LocalSkystate open(Path db, Path log) {
        LocalSkystate skystate = LocalSkystate.builder().file(db).withoutHttp().build();
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
        LocalSkystate skystate = open(Path.of(args[0]), Path.of(args[1]));
        for (int i = 0; i < RUNS; i++) {
            skystate.workflows().start("crash", "run-" + i, Map.of("run", "run-" + i));
        }
        System.out.println("started " + RUNS);
        System.out.flush();
        Thread.sleep(60_000);
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
