package io.skystate.azure.internal.durable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Keeps the custom status small: at a step boundary, once the status is over {@value #STATUS_BYTES} bytes of JSON,
 * the entries in it are stored as one chunk in the registry store by the {@link Names#SPILL} activity and replaced
 * by a reference. A run whose history stays small (most runs) never calls it: the history costs no activity.
 */
final class HistorySpill {
    /** Custom status size that triggers a spill: far below Durable Functions' 16 KB status limit. */
    static final int STATUS_BYTES = 8 * 1024;

    /** Below this many entries the status is not even measured (a few entries cannot reach the limit). */
    static final int MIN_ENTRIES = 16;

    private HistorySpill() {
    }

    static void ifLarge(Walk walk) {
        HistoryLog log = walk.log();
        List<ObjectNode> entries = log.entries();
        if (entries.size() < MIN_ENTRIES || Json.size(log.status()) <= STATUS_BYTES) {
            return;
        }
        String key = walk.nextSpillKey();
        ObjectNode request = Json.object().put("run", walk.runId()).put("key", key);
        request.set("entries", Walk.array(entries));
        walk.action();
        walk.ctx().callActivity(Names.SPILL, Json.write(request), String.class).await();
        log.replaceWithReference(entries.size(), key);
    }
}
