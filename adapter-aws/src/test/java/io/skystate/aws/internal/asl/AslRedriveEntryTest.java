package io.skystate.aws.internal.asl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skystate.api.workflow.WorkflowDefinition;
import org.junit.jupiter.api.Test;

/** Every state machine starts at the redrive entry, which routes a redrive input to its top-level step. */
class AslRedriveEntryTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void aRedriveInputRestoresTheSavedStateDataAndGoesToItsStep() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("redrivable", 1).startAt("a")
                .task("a", "h", t -> t.next("fan"))
                .parallel("fan", p -> p.branch(b -> b.startAt("inner").task("inner", "h", t -> { })))
                .build();
        ObjectNode asl = AslCompiler.compile(definition, AslOptions.sqsWorker("https://sqs.example/q"));
        assertThat(AslValidator.validate("redrivable", asl).valid()).isTrue();
        JsonNode states = asl.path("States");

        assertThat(asl.path("StartAt").asText()).isEqualTo(AslRedriveEntry.ENTRY);
        assertThat(states.path(AslRedriveEntry.ENTRY)).isEqualTo(MAPPER.readTree("""
                {"Type":"Choice","Choices":[{"Variable":"$.__skystate_redrive","IsPresent":true,
                 "Next":"__skystate_redrive"}],"Default":"__skystate_start"}"""));
        assertThat(states.path(AslRedriveEntry.ROUTE)).isEqualTo(MAPPER.readTree("""
                {"Type":"Choice","Choices":[
                  {"Variable":"$.__skystate_redrive.step","StringEquals":"a","Next":"__skystate_a_redrive"},
                  {"Variable":"$.__skystate_redrive.step","StringEquals":"fan","Next":"__skystate_fan_redrive"}],
                 "Default":"__skystate_redrive_unknown"}"""));
        assertThat(states.path("__skystate_fan_redrive")).isEqualTo(MAPPER.readTree("""
                {"Type":"Pass","InputPath":"$.__skystate_redrive.state","Next":"fan"}"""));
        assertThat(states.has("__skystate_inner_redrive")).as("branch steps are restarted with their parallel").isFalse();
        assertThat(states.path(AslRedriveEntry.UNKNOWN).path("Type").asText()).isEqualTo("Fail");
    }
}
