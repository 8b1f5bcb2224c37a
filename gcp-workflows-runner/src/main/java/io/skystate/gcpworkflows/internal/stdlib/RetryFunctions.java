package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.ErrorTags;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in retry predicates: {@code retry.always}, {@code retry.never}
 * (https://cloud.google.com/workflows/docs/reference/stdlib/retry/always, .../never),
 * {@code http.default_retry_predicate} (429, 502, 503, 504, ConnectionError, ConnectionFailedError, TimeoutError:
 * https://cloud.google.com/workflows/docs/reference/stdlib/http/default_retry_predicate) and
 * {@code http.default_retry_predicate_non_idempotent} (429, 503, ConnectionFailedError:
 * https://cloud.google.com/workflows/docs/reference/stdlib/http/default_retry_predicate_non_idempotent). Stateless.
 */
final class RetryFunctions {
    private static final Set<Long> IDEMPOTENT_CODES = Set.of(429L, 502L, 503L, 504L);
    private static final Set<Long> NON_IDEMPOTENT_CODES = Set.of(429L, 503L);

    private RetryFunctions() {
    }

    static void register(Registry registry) {
        registry.add("retry.always", List.of(required("exception")), (a, c) -> true);
        registry.add("retry.never", List.of(required("exception")), (a, c) -> false);
        registry.add("http.default_retry_predicate", List.of(required("exception")),
                (a, c) -> defaultRetry(a[0]));
        registry.add("http.default_retry_predicate_non_idempotent", List.of(required("exception")),
                (a, c) -> defaultRetryNonIdempotent(a[0]));
    }

    static boolean defaultRetry(Object error) {
        return hasTag(error, ErrorTags.CONNECTION_ERROR) || hasTag(error, ErrorTags.CONNECTION_FAILED_ERROR)
                || hasTag(error, ErrorTags.TIMEOUT_ERROR)
                || hasTag(error, ErrorTags.HTTP_ERROR) && IDEMPOTENT_CODES.contains(code(error));
    }

    static boolean defaultRetryNonIdempotent(Object error) {
        return hasTag(error, ErrorTags.CONNECTION_FAILED_ERROR)
                || hasTag(error, ErrorTags.HTTP_ERROR) && NON_IDEMPOTENT_CODES.contains(code(error));
    }

    private static boolean hasTag(Object error, String tag) {
        return error instanceof Map<?, ?> map && map.get("tags") instanceof List<?> tags && tags.contains(tag);
    }

    private static Long code(Object error) {
        return error instanceof Map<?, ?> map && map.get("code") instanceof Long code ? code : null;
    }
}
