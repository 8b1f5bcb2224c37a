package io.skystate.api.state;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing. {@code nextCursor} is empty on the last page; otherwise pass it back unchanged to read on.
 * A page may hold fewer entries than asked for (expired records are filtered out) and still not be the last.
 */
public record Page(List<StateEntry> entries, Optional<String> nextCursor) {
    public Page {
        entries = List.copyOf(entries);
    }
}
