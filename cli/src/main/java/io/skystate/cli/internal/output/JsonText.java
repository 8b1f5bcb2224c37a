package io.skystate.cli.internal.output;

import java.nio.charset.StandardCharsets;

/**
 * A cell or field that holds a JSON document (a run's input or output, a state value, a payload): embedded as JSON
 * in {@link Format#JSON} output, printed compactly as text in tables.
 */
public record JsonText(String json) {
    public static JsonText of(byte[] utf8) {
        return new JsonText(new String(utf8, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return json;
    }
}
