package io.skystate.aws.internal.sfn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.api.handler.StepInvocation;
import org.junit.jupiter.api.Test;

/** Invocation ids and step() from task messages, of current and of earlier compiled state machines. */
class StepCallsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static JsonNode message(String json) throws Exception {
        return MAPPER.readTree(json);
    }

    @Test
    void attemptsOfOneStateEntryShareTheIdAndANewEntryGetsAnother() throws Exception {
        String first = """
                {"kind":"task","execution":"r1-abc","instance":"order-7","step":"fan/0/inc",
                 "entered":"2026-11-30T11:22:33.123Z","attempt":%d}""";
        assertThat(StepCalls.invocationId(message(first.formatted(0))))
                .isEqualTo("order-7/fan/0/inc@2026-11-30T11:22:33.123Z")
                .isEqualTo(StepCalls.invocationId(message(first.formatted(2))));
        assertThat(StepCalls.invocationId(message(first.formatted(0).replace("33.123Z", "34.001Z"))))
                .isNotEqualTo(StepCalls.invocationId(message(first.formatted(0))));
        assertThat(StepCalls.step(message(first.formatted(0))))
                .contains(new StepInvocation("order-7", "fan/0/inc", "task"));
        assertThat(StepCalls.step(message("{\"kind\":\"callback\",\"instance\":\"o\",\"step\":\"approve\"}")))
                .contains(new StepInvocation("o", "approve", "awaitCallback"));
    }

    @Test
    void messagesOfEarlierStateMachinesNameTheRunByTheExecutionAndTheAttempt() throws Exception {
        JsonNode legacy = message("{\"kind\":\"task\",\"execution\":\"order-7\",\"step\":\"pay\",\"attempt\":1}");
        assertThat(StepCalls.instance(legacy)).isEqualTo("order-7");
        assertThat(StepCalls.invocationId(legacy)).isEqualTo("order-7/pay@attempt-1");
    }
}
