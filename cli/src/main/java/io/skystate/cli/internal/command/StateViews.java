package io.skystate.cli.internal.command;

import io.skystate.api.state.ContentType;
import io.skystate.api.state.StateEntry;
import io.skystate.cli.internal.output.JsonText;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How state records are shown: JSON values as JSON, byte values in Base64. */
final class StateViews {
    static final List<String> COLUMNS = List.of("group", "id", "version", "type", "expires", "value");

    private StateViews() {
    }

    static Map<String, Object> entry(StateEntry entry) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("group", entry.key().group());
        fields.put("id", entry.key().id());
        fields.put("version", entry.version().value());
        fields.put("type", entry.value().type());
        fields.put("expires", entry.expiresAt());
        fields.put("value", value(entry));
        return fields;
    }

    static List<Object> row(StateEntry entry) {
        return List.copyOf(entry(entry).values());
    }

    static Object value(StateEntry entry) {
        return entry.value().type() == ContentType.JSON ? JsonText.of(entry.value().bytes())
                : Base64.getEncoder().encodeToString(entry.value().bytes());
    }
}
