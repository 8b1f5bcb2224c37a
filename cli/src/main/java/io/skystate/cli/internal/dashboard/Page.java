package io.skystate.cli.internal.dashboard;

import java.io.IOException;

/** One route of the dashboard: answers GETs and, for forms, POSTs (already checked for CSRF). */
interface Page {
    void get(Exchange exchange, View view) throws IOException;

    default void post(Exchange exchange, View view) throws IOException {
        exchange.html(405, "method not allowed");
    }
}
