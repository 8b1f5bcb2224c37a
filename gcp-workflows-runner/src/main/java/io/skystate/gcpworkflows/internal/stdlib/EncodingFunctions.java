package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.optional;
import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.Bytes;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.util.Base64;
import java.util.List;

/**
 * {@code base64.encode} (bytes to text) and {@code base64.decode} (text to bytes), with optional {@code padding}
 * (https://cloud.google.com/workflows/docs/reference/stdlib/base64/encode, .../decode). Stateless.
 */
final class EncodingFunctions {
    private EncodingFunctions() {
    }

    static void register(Registry registry) {
        registry.add("base64.encode", List.of(required("data"), optional("padding", Boolean.TRUE)), (a, c) -> {
            Base64.Encoder encoder = Args.bool(a[1], "base64.encode", "padding")
                    ? Base64.getEncoder() : Base64.getEncoder().withoutPadding();
            return encoder.encodeToString(Args.bytes(a[0], "base64.encode", "data").toArray());
        });
        registry.add("base64.decode", List.of(required("data"), optional("padding", Boolean.TRUE)), (a, c) -> {
            String text = Args.string(a[0], "base64.decode", "data");
            Args.bool(a[1], "base64.decode", "padding");
            try {
                return new Bytes(Base64.getDecoder().decode(text));
            } catch (IllegalArgumentException e) {
                throw WorkflowError.valueError("base64.decode: " + e.getMessage());
            }
        });
    }
}
