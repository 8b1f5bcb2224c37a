package io.skystate.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.handler.HandlerDefinition;
import org.junit.jupiter.api.Test;

class ArgumentsTest {
    @Test
    void storeAndQueueNamesAreLowerCaseLettersDigitsAndDashesStartingWithALetter() {
        assertThat(Skystate.validateName("store", "a")).isEqualTo("a");
        assertThat(Skystate.validateName("store", "orders-2")).isEqualTo("orders-2");
        assertThat(Skystate.validateName("store", "a" + "b".repeat(47))).hasSize(48);
        for (String bad : new String[] {"", "a" + "b".repeat(48), "Orders", "2orders", "-a", "a_b", "a.b", "ä", "a b",
                "a\u0660"}) {
            assertThatThrownBy(() -> Skystate.validateName("store", bad)).as(bad)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("store name must be 1-48 chars");
        }
        assertThatThrownBy(() -> Skystate.validateName("queue", null)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void handlerNamesAllowUpperCaseAndUnderscoresUpToSixtyFourChars() {
        assertThat(HandlerDefinition.ofFunction("Charge_card-2", String.class, String.class, s -> s).name())
                .isEqualTo("Charge_card-2");
        assertThat(HandlerDefinition.ofFunction("Z" + "9".repeat(63), String.class, String.class, s -> s).name())
                .hasSize(64);
        for (String bad : new String[] {"", "Z" + "9".repeat(64), "_a", "9a", "a.b", "a/b", "é"}) {
            assertThatThrownBy(() -> HandlerDefinition.ofFunction(bad, String.class, String.class, s -> s)).as(bad)
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("handler name must be");
        }
    }

    @Test
    void isNameChecksLengthFirstCharacterAndTheAllowedRest() {
        assertThat(Arguments.isName("ab-c", 4, false, "-")).isTrue();
        assertThat(Arguments.isName("ab-cd", 4, false, "-")).isFalse();
        assertThat(Arguments.isName("aB", 4, false, "-")).isFalse();
        assertThat(Arguments.isName("aB", 4, true, "")).isTrue();
        assertThat(Arguments.isName("a-", 4, true, "")).isFalse();
        assertThat(Arguments.isName(null, 4, true, "")).isFalse();
    }
}
