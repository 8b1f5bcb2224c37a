package io.skystate.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.queue.ReceivedMessage;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a writing process with SIGKILL and checks that every write it acknowledged is in the database file.
 */
class CrashDurabilityTest {
    private static final int ACKS_BEFORE_KILL = 300;

    @Test
    void acknowledgedWritesSurviveKillDashNine(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("crash.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), db.toString()).redirectErrorStream(true).start();
        int lastAck = -1;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("ack ")) {
                    lastAck = Integer.parseInt(line.substring(4));
                    if (lastAck + 1 >= ACKS_BEFORE_KILL) {
                        child.destroyForcibly(); // SIGKILL on Unix: no shutdown hooks, no close()
                        break;
                    }
                }
            }
        }
        child.waitFor();
        assertThat(lastAck + 1).isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

        try (LocalSkystate reopened = LocalSkystate.builder().file(db).withoutHttp().build()) {
            var store = reopened.stateStore("crash");
            for (int i = 0; i <= lastAck; i++) {
                assertThat(store.get(Key.of("g", "k" + i))).as("acknowledged record k%d", i).isPresent();
            }
            int records = 0;
            for (ListRequest r = ListRequest.firstPage("g", 1000); r != null; ) {
                Page page = store.list(r);
                records += page.entries().size();
                r = r.next(page).orElse(null);
            }
            assertThat(records).as("records listed (the child may write a few more before the kill lands)")
                    .isGreaterThanOrEqualTo(lastAck + 1);

            Set<String> bodies = new HashSet<>();
            var queue = reopened.queue("crash");
            List<ReceivedMessage> batch;
            while (!(batch = queue.receive(10, Duration.ofMinutes(1), Duration.ZERO)).isEmpty()) {
                batch.forEach(m -> bodies.add(m.bodyText()));
            }
            for (int i = 0; i <= lastAck; i++) {
                assertThat(bodies).as("acknowledged message m%d", i).contains("m" + i);
            }
        }
    }
}
