package io.skystate.emulators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** moto starts, answers its management API, resets, and stops. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MotoIT {

    @Test
    void sharedInstanceAnswersAndStaysUp() throws Exception {
        Moto moto = Moto.get();
        assertThat(Moto.get()).isSameAs(moto);
        assertThat(Probes.get(moto.endpoint().resolve("/moto-api/")).status()).isEqualTo(200);
        moto.reset();
        assertThatThrownBy(moto::close).isInstanceOf(IllegalStateException.class);
        assertThat(moto.process().isAlive()).isTrue();
    }

    @Test
    void privateInstanceStops() throws Exception {
        Moto moto = Moto.start();
        int port = moto.endpoint().getPort();
        assertThat(Probes.get(moto.endpoint().resolve("/moto-api/")).status()).isEqualTo(200);
        moto.close();
        assertThat(moto.process().isAlive()).isFalse();
        assertThat(Probes.listening(port)).isFalse();
    }
}
