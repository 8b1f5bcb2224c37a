package io.skystate.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.WorkflowPortability;
import org.junit.jupiter.api.Test;

/** Provider discovery with only the local adapter on the class path: properties are checked before anything opens. */
class ProviderSelectionTest {
    @Test
    void theOnlyAdapterIsUsedWithItsProperties() {
        try (Skystate skystate = Skystate.open(SkystateConfig.builder().property("local.http.port", "-1")
                .property(WorkflowPortability.PROPERTY, "adapter-extras").build())) {
            assertThat(skystate.provider()).isEqualTo("local");
        }
    }

    @Test
    void aMisspeltPropertyFailsAndSuggestsTheRightOne() {
        assertThatThrownBy(() -> Skystate.open(SkystateConfig.builder().property("local.pth", "x.db").build()))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("'local.pth'").hasMessageContaining("did you mean 'local.path'");
    }

    @Test
    void anUnknownPropertyOutsideEveryAdapterFails() {
        assertThatThrownBy(() -> Skystate.open(SkystateConfig.builder().property("workflow.portability", "portable").build()))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("'workflow.portability'");
    }

    @Test
    void anotherAdaptersPropertiesAreLeftForThatAdapter() {
        try (Skystate skystate = Skystate.open(SkystateConfig.builder().property("local.http.port", "-1")
                .property("aws.region", "eu-west-1").build())) {
            assertThat(skystate.provider()).isEqualTo("local");
        }
    }

    @Test
    void anInvalidPortabilityValueIsATypedError() {
        assertThatThrownBy(() -> Skystate.open(SkystateConfig.builder().property(WorkflowPortability.PROPERTY, "lax")
                .build())).isInstanceOf(InvalidRequestException.class).hasMessageContaining("adapter-extras");
    }
}
