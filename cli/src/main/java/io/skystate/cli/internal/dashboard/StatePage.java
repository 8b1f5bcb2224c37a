package io.skystate.cli.internal.dashboard;

import io.skystate.api.Skystate;
import io.skystate.api.state.ContentType;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.StateEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /state}: records of one group of one store, in key order, a page at a time. The API cannot enumerate stores
 * or groups, so the stores offered are those given with {@code --store}, and the group is typed in.
 */
final class StatePage implements io.skystate.cli.internal.dashboard.Page {
    private static final int PAGE_SIZE = 50;
    private final Skystate skystate;
    private final List<String> stores;

    StatePage(Skystate skystate, List<String> stores) {
        this.skystate = skystate;
        this.stores = List.copyOf(stores);
    }

    @Override
    public void get(Exchange exchange, View view) throws IOException {
        Optional<String> store = exchange.query("store");
        Optional<String> group = exchange.query("group");
        Map<String, Object> model = new LinkedHashMap<>();
        List<Map<String, Object>> storeOptions = new ArrayList<>();
        for (String name : stores) {
            storeOptions.add(Map.of("name", name, "selected", store.map(name::equals).orElse(false)));
        }
        model.put("stores", storeOptions);
        model.put("noStores", stores.isEmpty());
        model.put("group", group.orElse(""));
        if (store.isPresent() && group.isPresent()) {
            Page page = skystate.stateStore(store.get()).list(new ListRequest(group.get(), PAGE_SIZE, exchange.query("cursor")));
            List<Map<String, Object>> entries = new ArrayList<>();
            for (StateEntry entry : page.entries()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", entry.key().id());
                row.put("version", entry.version().value());
                row.put("expires", entry.expiresAt().map(Formats::instant).orElse(""));
                row.put("value", entry.value().type() == ContentType.JSON
                        ? new String(entry.value().bytes(), StandardCharsets.UTF_8)
                        : "bytes (Base64): " + Base64.getEncoder().encodeToString(entry.value().bytes()));
                entries.add(row);
            }
            model.put("listed", true);
            model.put("entries", entries);
            model.put("empty", entries.isEmpty());
            model.put("store", store.get());
            page.nextCursor().ifPresent(c -> model.put("next", "/state?store=" + Exchange.encode(store.get())
                    + "&group=" + Exchange.encode(group.get()) + "&cursor=" + Exchange.encode(c)));
        }
        view.show(exchange, 200, "state", "State", model);
    }
}
