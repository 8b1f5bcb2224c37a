package io.skystate.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The sidecar starts with its options, listens, can be killed and restarted on the same port and database. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class DurableTaskSidecarIT {

    @TempDir
    Path dir;

    @Test
    void sharedInstanceListensAndCannotBeKilled() {
        DurableTaskSidecar sidecar = DurableTaskSidecar.get();
        assertThat(DurableTaskSidecar.get()).isSameAs(sidecar);
        assertThat(Probes.listening(sidecar.port())).isTrue();
        assertThat(sidecar.target()).isEqualTo("127.0.0.1:" + sidecar.port());
        assertThat(sidecar.options().lockTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(sidecar::kill).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void killedSidecarRestartsOnTheSamePortAndDatabase() throws Exception {
        Path db = dir.resolve("durabletask.db");
        DurableTaskSidecar.Options options = DurableTaskSidecar.Options.defaults()
                .database(db).lockTimeout(Duration.ofSeconds(5)).parallelism(2, 3).logLevel("info");
        DurableTaskSidecar first = DurableTaskSidecar.start(options);
        assertThat(Probes.listening(first.port())).isTrue();
        assertThat(db).exists();
        assertThat(Files.readString(first.process().log())).contains("listening at 127.0.0.1:" + first.port());

        first.kill();
        assertThat(first.process().isAlive()).isFalse();
        assertThat(Probes.listening(first.port())).isFalse();

        try (DurableTaskSidecar second = DurableTaskSidecar.start(first.options())) {
            assertThat(second.port()).isEqualTo(first.port());
            assertThat(Probes.listening(second.port())).isTrue();
        }
    }

    @Test
    void optionsRejectNonsense() {
        DurableTaskSidecar.Options defaults = DurableTaskSidecar.Options.defaults();
        assertThatThrownBy(() -> defaults.parallelism(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.logLevel("trace")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.lockTimeout(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
