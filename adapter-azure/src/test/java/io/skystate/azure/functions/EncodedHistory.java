package io.skystate.azure.functions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.StringValue;
import com.google.protobuf.Timestamp;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.ExecutionStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.HistoryEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestrationInstance;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorRequest;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorResponse;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.OrchestratorStartedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskCompletedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TaskScheduledEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerCreatedEvent;
import com.microsoft.durabletask.implementation.protobuf.OrchestratorService.TimerFiredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Builds the base64-encoded {@code OrchestratorRequest} the Azure Functions host hands an orchestrator function
 * (what {@code OrchestrationRunner.loadAndRun} decodes), episode by episode, as the Durable extension records them:
 * each episode starts with {@code OrchestratorStarted}; the first carries {@code ExecutionStarted} with the input;
 * actions an episode returned become {@code TaskScheduled} / {@code TimerCreated} events (their event ids are the
 * action ids); completions come as new events of the next episode. Payloads are JSON, as the SDK's data converter
 * writes them (our orchestrator's input and activity results are JSON text, so JSON string literals). Not
 * thread-safe.
 */
final class EncodedHistory {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String instanceId;
    private final List<HistoryEvent> past = new ArrayList<>();
    private final List<HistoryEvent> fresh = new ArrayList<>();
    private Instant now;

    EncodedHistory(String instanceId, String orchestration, String inputText, Instant start) {
        this.instanceId = instanceId;
        this.now = start;
        fresh.add(event(-1).setOrchestratorStarted(OrchestratorStartedEvent.getDefaultInstance()).build());
        fresh.add(event(-1).setExecutionStarted(ExecutionStartedEvent.newBuilder().setName(orchestration)
                .setInput(StringValue.of(literal(inputText)))
                .setOrchestrationInstance(OrchestrationInstance.newBuilder().setInstanceId(instanceId))).build());
    }

    /** The request for the current episode. */
    String encode() {
        return Base64.getEncoder().encodeToString(OrchestratorRequest.newBuilder().setInstanceId(instanceId)
                .addAllPastEvents(past).addAllNewEvents(fresh).build().toByteArray());
    }

    /** Records what the episode scheduled (its response's actions) and starts the next episode at {@code at}. */
    EncodedHistory next(OrchestratorResponse response, Instant at) {
        past.addAll(fresh);
        fresh.clear();
        for (var action : response.getActionsList()) {
            if (action.hasScheduleTask()) {
                past.add(event(action.getId()).setTaskScheduled(TaskScheduledEvent.newBuilder()
                        .setName(action.getScheduleTask().getName()).setInput(action.getScheduleTask().getInput())).build());
            } else if (action.hasCreateTimer()) {
                past.add(event(action.getId()).setTimerCreated(TimerCreatedEvent.newBuilder()
                        .setFireAt(action.getCreateTimer().getFireAt())).build());
            }
        }
        now = at;
        fresh.add(event(-1).setOrchestratorStarted(OrchestratorStartedEvent.getDefaultInstance()).build());
        return this;
    }

    /** The activity scheduled as action {@code id} returned {@code resultText}. */
    EncodedHistory taskCompleted(int id, String resultText) {
        fresh.add(event(-1).setTaskCompleted(TaskCompletedEvent.newBuilder().setTaskScheduledId(id)
                .setResult(StringValue.of(literal(resultText)))).build());
        return this;
    }

    /** The timer created as action {@code id} fired. */
    EncodedHistory timerFired(int id, Timestamp fireAt) {
        fresh.add(event(-1).setTimerFired(TimerFiredEvent.newBuilder().setTimerId(id).setFireAt(fireAt)).build());
        return this;
    }

    static OrchestratorResponse decode(String base64) throws Exception {
        return OrchestratorResponse.parseFrom(Base64.getDecoder().decode(base64));
    }

    /** A JSON payload's text (the SDK's converter wrote our JSON text as a JSON string). */
    static String text(StringValue payload) throws JsonProcessingException {
        return JSON.readValue(payload.getValue(), String.class);
    }

    private HistoryEvent.Builder event(int id) {
        return HistoryEvent.newBuilder().setEventId(id)
                .setTimestamp(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()));
    }

    private static String literal(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
