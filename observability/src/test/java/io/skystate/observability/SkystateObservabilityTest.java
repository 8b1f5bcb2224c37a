package io.skystate.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.Skystate;
import io.skystate.local.LocalSkystate;
import io.skystate.observability.internal.ObservedSkystate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Off is the plain instance; on is a decorator that wraps once and reveals itself only through unwrap. */
class SkystateObservabilityTest {
    @Test
    void offReturnsThePlainInstanceItself() {
        try (Skystate plain = LocalSkystate.builder().withoutHttp().build()) {
            assertThat(SkystateObservability.off().enabled()).isFalse();
            assertThat(SkystateObservability.off().wrap(plain)).isSameAs(plain);
            assertThat(SkystateObservability.fromEnvironment(Map.of()).wrap(plain)).isSameAs(plain);
            assertThat(SkystateObservability.fromEnvironment(Map.of(SkystateObservability.ENVIRONMENT_VARIABLE, "off"))
                    .wrap(plain)).isSameAs(plain);
        }
    }

    @Test
    void onWrapsOnceAndUnwrapsToTheDecorator() {
        try (Recorder recorder = new Recorder(); Skystate plain = LocalSkystate.builder().withoutHttp().build()) {
            Skystate observed = recorder.observe(plain);
            assertThat(observed).isNotSameAs(plain);
            assertThat(recorder.observe(observed)).isSameAs(observed);
            assertThat(observed.unwrap(ObservedSkystate.class)).get().isSameAs(observed);
            assertThat(observed.provider()).isEqualTo(plain.provider());
            assertThat(observed.stateStore("orders")).isSameAs(observed.stateStore("orders"));
            assertThat(observed.queue("jobs")).isSameAs(observed.queue("jobs"));
        }
    }

    @Test
    void environmentSelectsSignals() {
        String variable = SkystateObservability.ENVIRONMENT_VARIABLE;
        assertThat(SkystateObservability.fromEnvironment(Map.of(variable, "metrics")).enabled()).isTrue();
        assertThat(SkystateObservability.fromEnvironment(Map.of(variable, " Metrics , traces ")).enabled()).isTrue();
        assertThatThrownBy(() -> SkystateObservability.fromEnvironment(Map.of(variable, "logs")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'logs'");
    }

    @Test
    void builderRejectsNonsense() {
        var builder = SkystateObservability.builder();
        assertThatThrownBy(() -> builder.contextStore("Not A Name")).hasMessageContaining("store name");
        assertThatThrownBy(() -> builder.contextTtl(java.time.Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> builder.sampleRunningRuns(java.time.Duration.ofSeconds(-1)))
                .hasMessageContaining("positive");
    }
}
