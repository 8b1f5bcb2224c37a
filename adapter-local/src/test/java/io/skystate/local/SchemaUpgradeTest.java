package io.skystate.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.StepFailure;
import io.skystate.api.workflow.WorkflowDefinition;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database file written before runs could be redriven (no {@code redrive_count}, {@code attempts_from} columns)
 * opens: the columns are added, its runs list with redrive count 0, and a run failed then can be redriven.
 */
class SchemaUpgradeTest {
    @Test
    void aFileFromBeforeRedriveGetsTheNewColumns(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE wf_runs (id TEXT NOT NULL PRIMARY KEY, workflow TEXT NOT NULL, version INTEGER NOT NULL,"
                    + " status TEXT NOT NULL, input_hash TEXT NOT NULL, output BLOB, error TEXT, cause TEXT,"
                    + " started_at INTEGER NOT NULL, ended_at INTEGER, deadline INTEGER, failed_data BLOB)");
            s.execute("INSERT INTO wf_runs VALUES ('old-run', 'legacy', 1, 'SUCCEEDED', 'h', NULL, NULL, NULL, 1000, 2000,"
                    + " NULL, NULL)");
        }
        AtomicBoolean failing = new AtomicBoolean(true);
        try (LocalSkystate skystate = LocalSkystate.builder().file(db).withoutHttp().build()) {
            skystate.handlers().register(HandlerDefinition.ofFunction("flaky", Map.class, Map.class, in -> {
                if (failing.get()) {
                    throw new StepFailure("Flaky", "not yet");
                }
                return Map.of("ok", true);
            }));
            skystate.workflows().register(WorkflowDefinition.builder("upgraded", 1).startAt("flaky")
                    .task("flaky", "flaky", t -> { })
                    .build());
            List<RunSummary> old = skystate.workflows().runs(RunQuery.all().workflow("legacy")).runs();
            assertThat(old).singleElement().satisfies(run -> {
                assertThat(run.instanceId()).isEqualTo("old-run");
                assertThat(run.redriveCount()).isZero();
            });
            skystate.workflows().start("upgraded", "new-run", Map.of());
            assertThat(skystate.workflows().await("new-run", Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.FAILED);
            failing.set(false);
            skystate.workflows().redrive("new-run");
            assertThat(skystate.workflows().await("new-run", Duration.ofSeconds(30)).status())
                    .isEqualTo(RunStatus.SUCCEEDED);
            assertThat(skystate.workflows().runs(RunQuery.all().workflow("upgraded")).runs())
                    .singleElement().extracting(RunSummary::redriveCount).isEqualTo(1);
        }
    }
}
