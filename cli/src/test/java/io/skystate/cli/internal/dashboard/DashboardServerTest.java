package io.skystate.cli.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.state.Key;
import io.skystate.local.LocalSkystate;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard over HTTP without a browser: access rules, CSRF, assets, and the pages that need no run listing. */
class DashboardServerTest {
    @TempDir
    Path dir;
    Skystate skystate;
    DashboardServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        if (skystate != null) {
            skystate.close();
        }
    }

    private void start(boolean requireToken) throws Exception {
        skystate = LocalSkystate.builder().file(dir.resolve("skystate.db")).withoutHttp().build();
        server = DashboardServer.start(skystate, new DashboardOptions(InetAddress.getLoopbackAddress(), 0,
                List.of("app"), List.of("orders"), 25, Optional.of("s3cret"), requireToken));
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void onLoopbackPagesNeedNoLoginAndEscapeWhatTheyShow() throws Exception {
        start(false);
        skystate.stateStore("app").putJson(Key.of("users", "u1"), Map.of("name", "<script>alert(1)</script>"),
                io.skystate.api.state.PutOptions.always());
        HttpResponse<String> page = get("/state?store=app&group=users");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("u1").contains("&lt;script&gt;").doesNotContain("<script>alert");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'self'"));
    }

    @Test
    void theVendoredMermaidBuildIsServedFromTheJar() throws Exception {
        start(false);
        HttpResponse<String> mermaid = get("/static/mermaid.min.js");
        assertThat(mermaid.statusCode()).isEqualTo(200);
        assertThat(mermaid.body().length()).isGreaterThan(1_000_000);
        assertThat(get("/static/../../secret").statusCode()).isEqualTo(404);
    }

    @Test
    void aForeignHostNameIsRefusedOnLoopback() throws Exception {
        start(false);
        // HttpClient will not send a Host of our choosing: speak HTTP/1.1 by hand, as a rebinding page's browser would.
        try (java.net.Socket socket = new java.net.Socket(server.uri().getHost(), server.uri().getPort())) {
            socket.getOutputStream().write("GET /queues HTTP/1.1\r\nHost: evil.example:8080\r\nConnection: close\r\n\r\n"
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.US_ASCII)).readLine();
            assertThat(status).startsWith("HTTP/1.1 421");
        }
    }

    @Test
    void aPostWithoutTheCsrfTokenOrFromAnotherOriginIsRefused() throws Exception {
        start(false);
        assertThat(post("/callbacks/complete", "token=x&result=%7B%7D").statusCode()).isEqualTo(403);
        String csrf = csrfOf(get("/queues").body());
        assertThat(post("/callbacks/complete", "csrf=" + csrf + "&token=x", "Origin", "http://evil.example")
                .statusCode()).isEqualTo(403);
        HttpResponse<String> forged = post("/callbacks/complete", "csrf=" + csrf + "&token=forged");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("INVALID_TOKEN");
    }

    @Test
    void withATokenPagesNeedTheLoginCookieOrTheBearerHeader() throws Exception {
        start(true);
        HttpResponse<String> anonymous = get("/queues");
        assertThat(anonymous.statusCode()).isEqualTo(303);
        assertThat(anonymous.headers().firstValue("Location")).hasValue("/login");
        assertThat(get("/queues", "Authorization", "Bearer s3cret").statusCode()).isEqualTo(200);
        assertThat(get("/queues", "Authorization", "Bearer wrong").statusCode()).isEqualTo(303);
        assertThat(post("/login", "token=wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> login = post("/login", "token=s3cret");
        assertThat(login.statusCode()).isEqualTo(303);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict").doesNotContain("s3cret");
        HttpResponse<String> page = get("/queues", "Cookie", cookie.split(";")[0]);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("orders").contains("not available through the portable API");
    }

    @Test
    void anUnknownRunIsA404Page() throws Exception {
        start(false);
        HttpResponse<String> page = get("/run/nobody");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("nobody");
    }

    static String csrfOf(String html) {
        String marker = "name=\"skystate-csrf\" content=\"";
        int start = html.indexOf(marker) + marker.length();
        return html.substring(start, html.indexOf('"', start));
    }
}
