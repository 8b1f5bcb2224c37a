package io.skystate.gcpworkflows.internal.stdlib;

import java.time.Duration;
import java.util.Map;

/**
 * The callback endpoints of one execution
 * (https://cloud.google.com/workflows/docs/creating-callback-endpoints). Implementations are thread-safe.
 */
public interface Callbacks {
    /** Creates an endpoint accepting the HTTP method; returns its full URL. */
    String create(String httpMethod);

    /**
     * Waits for a request to the endpoint with that URL and returns the documented map
     * {@code {http_request: {body, headers, method, query, url}, received_time, type}}; raises TimeoutError when
     * the timeout passes first.
     */
    Map<String, Object> await(String url, Duration timeout);
}
