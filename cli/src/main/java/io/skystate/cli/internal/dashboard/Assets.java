package io.skystate.cli.internal.dashboard;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The files under {@code static/}: the vendored Mermaid build, the stylesheet and the page script. Nothing else. */
final class Assets {
    private static final Map<String, String> TYPES = Map.of(
            "mermaid.min.js", "text/javascript; charset=utf-8",
            "dashboard.js", "text/javascript; charset=utf-8",
            "dashboard.css", "text/css; charset=utf-8");

    private Assets() {
    }

    static void serve(Exchange exchange, String name) throws IOException {
        String type = TYPES.get(name);
        InputStream in = type == null ? null
                : Assets.class.getResourceAsStream("/io/skystate/cli/internal/dashboard/static/" + name);
        if (in == null) {
            exchange.send(404, "text/plain; charset=utf-8", ("no asset " + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return;
        }
        try (in) {
            exchange.send(200, type, in.readAllBytes());
        }
    }
}
