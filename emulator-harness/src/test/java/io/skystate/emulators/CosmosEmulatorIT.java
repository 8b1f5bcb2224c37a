package io.skystate.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The Cosmos DB emulator starts, describes its account over plain HTTP, and stops. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CosmosEmulatorIT {

    @Test
    void sharedInstanceIsOnePerJvm() {
        CosmosEmulator cosmos = CosmosEmulator.get();
        assertThat(CosmosEmulator.get()).isSameAs(cosmos);
        assertThat(cosmos.endpoint().toString()).matches("http://127\\.0\\.0\\.1:\\d+/");
        assertThat(cosmos.key()).isEqualTo(CosmosEmulator.KEY);
    }

    @Test
    void privateInstanceAnswersAndStops() throws Exception {
        CosmosEmulator cosmos = CosmosEmulator.start();
        Probes.Answer account = Probes.get(cosmos.endpoint());
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body()).contains("\"databaseAccountEndpoint\"");
        cosmos.close();
        assertThat(cosmos.process().isAlive()).isFalse();
        assertThat(Probes.listening(cosmos.endpoint().getPort())).isFalse();
    }
}
