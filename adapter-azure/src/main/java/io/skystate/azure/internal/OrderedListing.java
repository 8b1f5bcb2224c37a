package io.skystate.azure.internal;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.state.Key;
import io.skystate.api.state.ListRequest;
import io.skystate.api.state.Page;
import io.skystate.api.state.StateEntry;
import io.skystate.core.keys.BoundedKey;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Lists one group in the portable order over a store whose native keys are {@link BoundedKey}s of the ids: native
 * order is the portable order except inside a bucket of truncated keys, which is read whole and sorted by the full
 * id. The cursor is the last id returned ({@code o1.<Base64url UTF-8>}), so it survives deletes; resuming inside a
 * bucket re-reads the bucket. Expired records are dropped by the store's reader. Thread-safe if the reader is.
 */
public final class OrderedListing {
    private static final String CURSOR = "o1.";

    /** A record as a native range read returns it. {@code entry} is empty when the record has expired. */
    public record Row(String nativeKey, String id, Optional<StateEntry> entry) {
    }

    /** A slice of native rows: ascending, at most the limit, and whether more follow. */
    public record Slice(List<Row> rows, boolean more) {
    }

    /** The two native reads a listing needs, within one group. */
    public interface Reader {
        /** Rows with native key greater than {@code after} (or all, when null), ascending, at most {@code limit}. */
        Slice after(String after, int limit);

        /** Every row with {@code from <= native key < to}. */
        List<Row> between(String from, String to);
    }

    private final int keyLength;

    /** For native keys of at most {@code keyLength} characters. */
    public OrderedListing(int keyLength) {
        this.keyLength = keyLength;
    }

    public Page list(ListRequest request, Reader reader) {
        List<StateEntry> page = new ArrayList<>();
        String after = null;
        if (request.cursor().isPresent()) {
            String lastId = decodeCursor(request.cursor().get());
            String lastNative = BoundedKey.of(lastId, keyLength);
            if (BoundedKey.isTruncated(lastNative)) {
                String bucket = BoundedKey.bucket(lastNative);
                takeBucket(reader, bucket, lastId, page, request.pageSize());
                if (page.size() >= request.pageSize()) {
                    return new Page(page, Optional.of(cursor(page)));
                }
                after = BoundedKey.bucketEnd(bucket);
            } else {
                after = lastNative;
            }
        }
        while (page.size() < request.pageSize()) {
            Slice slice = reader.after(after, request.pageSize() - page.size());
            String next = after;
            for (Row row : slice.rows()) {
                if (BoundedKey.isTruncated(row.nativeKey())) {
                    String bucket = BoundedKey.bucket(row.nativeKey());
                    takeBucket(reader, bucket, null, page, request.pageSize());
                    next = BoundedKey.bucketEnd(bucket);
                    break;
                }
                row.entry().ifPresent(page::add);
                next = row.nativeKey();
                if (page.size() >= request.pageSize()) {
                    break;
                }
            }
            boolean exhausted = !slice.more() && (slice.rows().isEmpty()
                    || next.equals(slice.rows().get(slice.rows().size() - 1).nativeKey()));
            if (exhausted) {
                return new Page(page, Optional.empty());
            }
            if (page.size() >= request.pageSize()) {
                return new Page(page, Optional.of(cursor(page)));
            }
            if (next != null && next.equals(after) && slice.rows().isEmpty()) {
                return new Page(page, Optional.empty());
            }
            after = next;
        }
        return new Page(page, Optional.of(cursor(page)));
    }

    /** Adds the bucket's visible entries with ids after {@code afterId} (all when null), in order, up to the page size. */
    private static void takeBucket(Reader reader, String bucket, String afterId, List<StateEntry> page, int pageSize) {
        List<Row> rows = new ArrayList<>(reader.between(BoundedKey.bucketStart(bucket), BoundedKey.bucketEnd(bucket)));
        rows.sort(Comparator.comparing(Row::id, Key::compareUtf8));
        for (Row row : rows) {
            if (page.size() >= pageSize) {
                return;
            }
            if (afterId == null || Key.compareUtf8(row.id(), afterId) > 0) {
                row.entry().ifPresent(page::add);
            }
        }
    }

    private static String cursor(List<StateEntry> page) {
        return CURSOR + Base64.getUrlEncoder().withoutPadding().encodeToString(
                page.get(page.size() - 1).key().id().getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeCursor(String cursor) {
        try {
            if (cursor.startsWith(CURSOR)) {
                String id = new String(Base64.getUrlDecoder().decode(cursor.substring(CURSOR.length())), StandardCharsets.UTF_8);
                Key.validatePart("cursor", id);
                return id;
            }
        } catch (IllegalArgumentException e) {
            // fall through to the typed error
        }
        throw new InvalidRequestException(AzureErrors.PROVIDER, "not a cursor issued by this store: " + cursor);
    }
}
