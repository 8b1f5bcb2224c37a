package io.skystate.local;

import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.ChoiceCondition;
import io.skystate.api.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The application of {@link SignalCrashRecoveryTest}: runs that take {@value #TICKS} events one at a time (an
 * awaitEvent step, then a task appending the event's payload to a list, in a loop). Run as a main it starts
 * {@value #RUNS} runs, signals every event to every run, says so, and keeps working until it is killed.
 */
public final class SignalCrashApp {
    static final int RUNS = 20;
    static final int TICKS = 10;

    private SignalCrashApp() {
    }

    static LocalSkystate open(Path db, Path log) {
        LocalSkystate skystate = LocalSkystate.builder().file(db).withoutHttp().build();
        skystate.handlers().register(HandlerDefinition.ofFunction("collect", Map.class, List.class, data -> {
            append(log, data.get("run") + " " + data.get("last"));
            sleep(100);
            List<Object> ticks = new ArrayList<>((List<?>) data.get("ticks"));
            ticks.add(data.get("last"));
            return ticks;
        }));
        skystate.workflows().register(WorkflowDefinition.builder("ticks", 1).startAt("wait")
                .awaitEvent("wait", "tick", Duration.ofMinutes(5), e -> e.resultPath("$.last").next("collect"))
                .task("collect", "collect", t -> t.resultPath("$.ticks").next("check"))
                .choice("check", c -> c.when(ChoiceCondition.numeric("$.last", ChoiceCondition.Operator.GE, TICKS - 1),
                        "done").otherwise("wait"))
                .succeed("done")
                .build());
        return skystate;
    }

    public static void main(String[] args) throws Exception {
        LocalSkystate skystate = open(Path.of(args[0]), Path.of(args[1]));
        for (int i = 0; i < RUNS; i++) {
            skystate.workflows().start("ticks", "run-" + i, Map.of("run", "run-" + i, "ticks", List.of()));
        }
        for (int tick = 0; tick < TICKS; tick++) {
            for (int i = 0; i < RUNS; i++) {
                skystate.workflows().signal("run-" + i, "tick", (Object) tick);
            }
        }
        System.out.println("signalled " + RUNS * TICKS);
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
