package io.skystate.gcpworkflows.internal.server;

import com.sun.net.httpserver.HttpExchange;
import java.util.Optional;

/**
 * One page of a list request: {@code pageSize} (default and maximum as the API documents) and {@code pageToken},
 * which is the offset of the page as text. Immutable.
 */
record Page(int from, int to, int total) {
    static Page of(HttpExchange exchange, int total, int defaultSize, int maxSize) {
        int size = defaultSize;
        String sizeParam = HttpExchanges.queryParam(exchange, "pageSize");
        String token = HttpExchanges.queryParam(exchange, "pageToken");
        try {
            if (sizeParam != null && !sizeParam.isEmpty() && Integer.parseInt(sizeParam) > 0) {
                size = Math.min(Integer.parseInt(sizeParam), maxSize);
            }
            int from = token == null || token.isEmpty() ? 0 : Integer.parseInt(token);
            if (from < 0 || from > total) {
                throw ApiError.invalid("invalid pageToken");
            }
            return new Page(from, Math.min(total, from + size), total);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("invalid pageSize or pageToken");
        }
    }

    Optional<String> nextToken() {
        return to < total ? Optional.of(String.valueOf(to)) : Optional.empty();
    }
}
