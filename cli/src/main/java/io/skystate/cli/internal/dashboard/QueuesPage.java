package io.skystate.cli.internal.dashboard;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /queues}: the queues given with {@code --queue}. The portable queue API has no depth (nor any read without
 * side effects: a receive is a delivery), so the page says so rather than guess; each queue's depth is for the
 * provider's own console or metrics.
 */
final class QueuesPage implements Page {
    private final List<String> queues;

    QueuesPage(List<String> queues) {
        this.queues = List.copyOf(queues);
    }

    @Override
    public void get(Exchange exchange, View view) throws IOException {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : queues) {
            rows.add(Map.of("name", name));
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("queues", rows);
        model.put("empty", rows.isEmpty());
        view.show(exchange, 200, "queues", "Queues", model);
    }
}
