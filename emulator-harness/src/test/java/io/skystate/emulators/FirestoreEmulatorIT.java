package io.skystate.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Firestore emulator's Node process starts, listens, and stops. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class FirestoreEmulatorIT {

    @Test
    void sharedInstanceIsOnePerJvm() {
        FirestoreEmulator firestore = FirestoreEmulator.get();
        assertThat(FirestoreEmulator.get()).isSameAs(firestore);
        assertThat(Probes.listening(firestore.port())).isTrue();
    }

    @Test
    void privateInstanceListensAndStops() throws Exception {
        FirestoreEmulator firestore = FirestoreEmulator.start();
        assertThat(firestore.hostPort()).isEqualTo("127.0.0.1:" + firestore.port());
        assertThat(Probes.listening(firestore.port())).isTrue();
        assertThat(Files.readString(firestore.process().log())).contains("listening on 0.0.0.0:" + firestore.port());
        firestore.close();
        assertThat(firestore.process().isAlive()).isFalse();
        assertThat(Probes.listening(firestore.port())).isFalse();
    }
}
