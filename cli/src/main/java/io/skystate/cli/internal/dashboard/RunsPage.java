package io.skystate.cli.internal.dashboard;

import io.skystate.api.workflow.RunPage;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.RunSummary;
import io.skystate.api.workflow.Workflows;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /runs}: runs newest first, filtered by workflow, status and a start-time range (the form's
 * {@code datetime-local} fields, read as UTC), a page at a time with a link to the next page.
 */
final class RunsPage implements Page {
    private final Workflows workflows;
    private final int pageSize;

    RunsPage(Workflows workflows, int pageSize) {
        this.workflows = workflows;
        this.pageSize = pageSize;
    }

    @Override
    public void get(Exchange exchange, View view) throws IOException {
        Optional<String> workflow = exchange.query("workflow");
        Optional<RunStatus> status = exchange.query("status").map(RunStatus::valueOf);
        Optional<Instant> from = exchange.query("from").flatMap(RunsPage::instant);
        Optional<Instant> to = exchange.query("to").flatMap(RunsPage::instant);
        RunQuery query = new RunQuery(workflow, status.map(java.util.Set::of).orElse(java.util.Set.of()), from, to,
                pageSize, exchange.query("page"));
        RunPage page = workflows.runs(query);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (RunSummary run : page.runs()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", run.instanceId());
            row.put("href", "/run/" + Exchange.encode(run.instanceId()));
            row.put("workflow", run.workflow() + " v" + run.version());
            row.put("status", run.status().name());
            row.put("statusClass", run.status().name().toLowerCase(java.util.Locale.ROOT));
            row.put("started", Formats.instant(run.startedAt()));
            row.put("ended", run.endedAt().map(Formats::instant).orElse(""));
            row.put("error", run.error().orElse(""));
            row.put("redrives", run.redriveCount() > 0 ? run.redriveCount() : "");
            runs.add(row);
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("runs", runs);
        model.put("empty", runs.isEmpty());
        model.put("workflow", workflow.orElse(""));
        model.put("from", exchange.query("from").orElse(""));
        model.put("to", exchange.query("to").orElse(""));
        List<Map<String, Object>> statuses = new ArrayList<>();
        for (RunStatus s : RunStatus.values()) {
            statuses.add(Map.of("name", s.name(), "selected", status.map(s::equals).orElse(false)));
        }
        model.put("statuses", statuses);
        page.nextPageToken().ifPresent(token -> model.put("next", "/runs?" + filters(exchange) + "page=" + Exchange.encode(token)));
        view.show(exchange, 200, "runs", "Runs", model);
    }

    private static String filters(Exchange exchange) {
        StringBuilder query = new StringBuilder();
        for (String name : List.of("workflow", "status", "from", "to")) {
            exchange.query(name).ifPresent(v -> query.append(name).append('=').append(Exchange.encode(v)).append('&'));
        }
        return query.toString();
    }

    /** An ISO instant, or a {@code datetime-local} value taken as UTC. */
    static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(LocalDateTime.parse(text).toInstant(ZoneOffset.UTC));
            } catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
    }
}
