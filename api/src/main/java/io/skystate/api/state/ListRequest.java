package io.skystate.api.state;

import io.skystate.api.Arguments;
import io.skystate.api.InvalidRequestException;
import java.util.Optional;

/**
 * Lists one group in key order ({@link Key#compareUtf8}), {@code pageSize} entries at a time, resuming after the
 * opaque {@code cursor} of a previous page. Cursors are valid for the store and group that produced them only.
 */
public record ListRequest(String group, int pageSize, Optional<String> cursor) {
    /** Largest page size every provider serves in one call. */
    public static final int MAX_PAGE_SIZE = 1000;

    public ListRequest {
        Key.validatePart("group", group);
        Arguments.notNull(cursor, "cursor");
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new InvalidRequestException("skystate", "page size must be 1.." + MAX_PAGE_SIZE + ", was " + pageSize);
        }
    }

    public static ListRequest firstPage(String group, int pageSize) {
        return new ListRequest(group, pageSize, Optional.empty());
    }

    /** The request for the page after {@code page}, or empty when {@code page} was the last. */
    public Optional<ListRequest> next(Page page) {
        return page.nextCursor().map(c -> new ListRequest(group, pageSize, Optional.of(c)));
    }
}
