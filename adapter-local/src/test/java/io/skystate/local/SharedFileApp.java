package io.skystate.local;

import io.skystate.api.VersionConflictException;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateEntry;
import io.skystate.api.state.StateStore;
import io.skystate.api.state.StateValue;
import io.skystate.api.workflow.WorkflowDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;

/**
 * The other process of {@link SharedFileTest}, and the pieces both processes run: {@code writer <db> <prefix>}
 * writes records and increments a shared counter; {@code engine <db> <log>} runs a workflow engine until killed;
 * {@code locker <db>} opens the file, then holds its write lock from a second connection for 20 s.
 */
public final class SharedFileApp {
    static final int RECORDS = 200;
    static final int INCREMENTS = 100;

    private SharedFileApp() {
    }

    public static void main(String[] args) throws Exception {
        Path db = Path.of(args[1]);
        switch (args[0]) {
            case "writer" -> {
                try (LocalSkystate skystate = LocalSkystate.builder().file(db).withoutHttp().build()) {
                    write(skystate, args[2]);
                    System.out.println("done");
                }
            }
            case "engine" -> {
                LocalSkystate skystate = engine(db, Path.of(args[2]));
                skystate.workflows();
                System.out.println("ready");
                System.out.flush();
                Thread.sleep(120_000);
            }
            case "locker" -> {
                LocalSkystate skystate = LocalSkystate.builder().file(db).withoutHttp().build();
                try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db.toAbsolutePath());
                        Statement s = c.createStatement()) {
                    s.execute("PRAGMA busy_timeout = 10000");
                    s.execute("BEGIN IMMEDIATE");
                    System.out.println("locked " + ProcessHandle.current().pid());
                    System.out.flush();
                    Thread.sleep(20_000);
                    s.execute("ROLLBACK");
                }
                skystate.close();
            }
            default -> throw new IllegalArgumentException("mode writer|engine|locker, not " + args[0]);
        }
    }

    /** Writes {@value #RECORDS} records under {@code prefix} and {@value #INCREMENTS} increments of the shared counter. */
    static void write(LocalSkystate skystate, String prefix) {
        StateStore store = skystate.stateStore("shared");
        for (int i = 0; i < RECORDS; i++) {
            store.put(Key.of("records", prefix + "-" + i), StateValue.json(Integer.toString(i)));
            if (i < INCREMENTS) {
                increment(store);
            }
        }
    }

    private static void increment(StateStore store) {
        Key counter = Key.of("counters", "total");
        while (true) {
            Optional<StateEntry> current = store.get(counter);
            int value = current.map(e -> Integer.parseInt(new String(e.value().bytes(), StandardCharsets.UTF_8))).orElse(0);
            PutOptions condition = current.map(e -> PutOptions.ifVersion(e.version())).orElse(PutOptions.ifAbsent());
            try {
                store.put(counter, StateValue.json(Integer.toString(value + 1)), condition);
                return;
            } catch (VersionConflictException | io.skystate.api.AlreadyExistsException raced) {
                // the other process incremented first: read again
            }
        }
    }

    /** An instance with the shared workflow: three tasks that log "run step pid" to {@code log}. */
    static LocalSkystate engine(Path db, Path log) {
        LocalSkystate skystate = LocalSkystate.builder().file(db).withoutHttp().build();
        for (String task : new String[] {"one", "two", "three"}) {
            skystate.handlers().register(HandlerDefinition.ofFunction(task, Map.class, Map.class, input -> {
                append(log, input.get("run") + " " + task + " " + ProcessHandle.current().pid());
                sleep(30);
                return Map.of("done", task);
            }));
        }
        skystate.workflows().register(WorkflowDefinition.builder("shared", 1).startAt("one")
                .task("one", "one", t -> t.resultPath("$.one").next("two"))
                .task("two", "two", t -> t.resultPath("$.two").next("three"))
                .task("three", "three", t -> t.resultPath("$.three")).build());
        return skystate;
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
