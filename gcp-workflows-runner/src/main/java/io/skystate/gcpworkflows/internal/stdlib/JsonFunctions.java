package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.optional;
import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.Bytes;
import io.skystate.gcpworkflows.internal.value.JsonValues;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code json.decode}, {@code json.encode} (to bytes) and {@code json.encode_to_string}
 * (https://cloud.google.com/workflows/docs/reference/stdlib/json/decode etc.). {@code indent} may be a boolean or
 * a map; any truthy value pretty-prints. Stateless.
 */
final class JsonFunctions {
    private JsonFunctions() {
    }

    static void register(Registry registry) {
        registry.add("json.decode", List.of(required("data")), (a, c) -> {
            if (a[0] instanceof Bytes bytes) {
                return JsonValues.parse(new String(bytes.toArray(), StandardCharsets.UTF_8));
            }
            return JsonValues.parse(Args.string(a[0], "json.decode", "data"));
        });
        registry.add("json.encode", List.of(required("data"), optional("indent", Boolean.FALSE)), (a, c) ->
                new Bytes(JsonValues.write(a[0], pretty(a[1])).getBytes(StandardCharsets.UTF_8)));
        registry.add("json.encode_to_string", List.of(required("data"), optional("indent", Boolean.FALSE)),
                (a, c) -> JsonValues.write(a[0], pretty(a[1])));
    }

    private static boolean pretty(Object indent) {
        if (indent == null || indent instanceof java.util.Map) {
            return indent != null;
        }
        if (indent instanceof Boolean b) {
            return b;
        }
        throw Args.wrongType("json.encode", "indent", "a boolean or a map", indent);
    }
}
