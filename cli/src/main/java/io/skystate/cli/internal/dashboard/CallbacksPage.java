package io.skystate.cli.internal.dashboard;

import io.skystate.api.workflow.PendingCallback;
import io.skystate.api.workflow.Workflows;
import io.skystate.cli.internal.command.PendingCallbacks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /callbacks}: the callbacks every running run waits on, with forms that complete them (with a JSON result) or
 * fail them (with an error name and cause). The forms POST to {@code /callbacks/complete} and {@code /callbacks/fail}
 * and return to the page they came from.
 */
final class CallbacksPage implements Page {
    /** Running runs the page looks at, at most. */
    static final int MAX_RUNS = 500;

    private final Workflows workflows;

    CallbacksPage(Workflows workflows) {
        this.workflows = workflows;
    }

    @Override
    public void get(Exchange exchange, View view) throws IOException {
        List<Map<String, Object>> rows = rows(PendingCallbacks.ofRunningRuns(workflows, exchange.query("workflow"),
                MAX_RUNS), "/callbacks");
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("callbacks", rows);
        model.put("empty", rows.isEmpty());
        view.show(exchange, 200, "callbacks", "Pending callbacks", model);
    }

    @Override
    public void post(Exchange exchange, View view) throws IOException {
        String token = exchange.form("token").orElse("");
        String back = exchange.form("back").filter(b -> b.startsWith("/") && !b.startsWith("//")).orElse("/callbacks");
        String done;
        if (exchange.path().equals("/callbacks/complete")) {
            String result = exchange.form("result").orElse("{}");
            workflows.completeCallback(token, result.getBytes(StandardCharsets.UTF_8));
            done = "Callback completed";
        } else if (exchange.path().equals("/callbacks/fail")) {
            String error = exchange.form("error").orElse("Rejected");
            workflows.failCallback(token, error, exchange.form("cause").orElse("failed from the dashboard"));
            done = "Callback failed with " + error;
        } else {
            view.error(exchange, 404, "no form " + exchange.path());
            return;
        }
        exchange.redirect(back + (back.contains("?") ? "&" : "?") + "flash=" + Exchange.encode(done));
    }

    /** The callbacks as table rows, each with the page its forms return to. */
    static List<Map<String, Object>> rows(List<PendingCallback> callbacks, String back) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (PendingCallback callback : callbacks) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("run", callback.instanceId());
            row.put("runHref", "/run/" + Exchange.encode(callback.instanceId()));
            row.put("step", callback.stepPath());
            row.put("since", Formats.instant(callback.since()));
            row.put("timeout", Formats.instant(callback.timeoutAt()));
            row.put("token", callback.token());
            row.put("url", callback.url().map(Object::toString).orElse(""));
            row.put("back", back);
            rows.add(row);
        }
        return rows;
    }
}
