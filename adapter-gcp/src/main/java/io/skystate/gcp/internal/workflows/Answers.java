package io.skystate.gcp.internal.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The task endpoint's answer shapes. Stateless. */
final class Answers {
    private Answers() {
    }

    static JsonNode ok(EngineContext ctx, JsonNode result) {
        ObjectNode answer = ctx.codec().mapper().createObjectNode();
        answer.put(Protocol.OK, true);
        answer.set(Protocol.RESULT, result);
        return answer;
    }

    static JsonNode error(EngineContext ctx, String error, String cause) {
        ObjectNode answer = ctx.codec().mapper().createObjectNode();
        answer.put(Protocol.OK, false);
        answer.put(Protocol.ERROR, error);
        answer.put(Protocol.CAUSE, cause == null ? "" : cause);
        return answer;
    }
}
