package io.skystate.cli.internal.dashboard;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/** {@code /login}: the form that trades the access token for the session cookie (only asked off loopback). */
final class LoginPage {
    private final Access access;

    LoginPage(Access access) {
        this.access = access;
    }

    void handle(Exchange exchange, View view) throws IOException {
        if (!access.required()) {
            exchange.redirect("/runs");
            return;
        }
        if (exchange.method().equals("POST")) {
            Optional<String> session = access.login(exchange.form("token").orElse(""));
            if (session.isPresent()) {
                exchange.setCookie(access.cookieHeader(session.get()));
                exchange.redirect("/runs");
                return;
            }
            view.show(exchange, 401, "login", "Log in", Map.of("failed", true));
            return;
        }
        view.show(exchange, 200, "login", "Log in", Map.of());
    }
}
