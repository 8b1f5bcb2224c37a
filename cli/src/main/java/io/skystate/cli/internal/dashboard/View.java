package io.skystate.cli.internal.dashboard;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders a page inside the layout: the navigation, the CSRF token for forms, and a flash message. */
final class View {
    private final Templates templates;
    private final String csrf;
    private final String provider;

    View(Templates templates, String csrf, String provider) {
        this.templates = templates;
        this.csrf = csrf;
        this.provider = provider;
    }

    void show(Exchange exchange, int status, String template, String title, Map<String, Object> model)
            throws IOException {
        Map<String, Object> all = new LinkedHashMap<>(model);
        all.put("title", title);
        all.put("csrf", csrf);
        all.put("provider", provider);
        all.put("nav_" + template, true);
        exchange.query("flash").ifPresent(f -> all.put("flash", f));
        exchange.html(status, templates.render(template, all));
    }

    void error(Exchange exchange, int status, String message) throws IOException {
        show(exchange, status, "error", "Error " + status, Map.of("status", status, "message", message));
    }
}
