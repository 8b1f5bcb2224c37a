package io.skystate.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** pstest starts, listens, and stops. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PubSubEmulatorIT {

    @Test
    void sharedInstanceIsOnePerJvm() {
        PubSubEmulator pubsub = PubSubEmulator.get();
        assertThat(PubSubEmulator.get()).isSameAs(pubsub);
        assertThat(Probes.listening(pubsub.port())).isTrue();
        assertThatThrownBy(pubsub::close).isInstanceOf(IllegalStateException.class)
                .hasMessage("the shared Pub/Sub emulator stops when the JVM exits; use PubSubEmulator.start() for one"
                        + " to stop");
        assertThat(pubsub.process().isAlive()).isTrue();
    }

    @Test
    void privateInstanceListensAndStops() throws Exception {
        PubSubEmulator pubsub = PubSubEmulator.start();
        assertThat(pubsub.hostPort()).isEqualTo("127.0.0.1:" + pubsub.port());
        assertThat(Files.readString(pubsub.process().log())).contains("pstest listening at 127.0.0.1:" + pubsub.port());
        pubsub.close();
        assertThat(pubsub.process().isAlive()).isFalse();
        assertThat(Probes.listening(pubsub.port())).isFalse();
    }
}
