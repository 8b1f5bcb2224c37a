package io.skystate.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.Capability;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.handler.EndpointRequest;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.handler.HandlerNotFoundException;
import io.skystate.api.handler.Handlers;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Handlers: registered by name, invoked JSON in and JSON out, failures and unknown names reported by type. */
public class HandlerConformance extends ConformanceSuite {
    /** A handler input. */
    public record Order(String item, int quantity) {
    }

    /** A handler output. */
    public record Receipt(String text, int quantity, List<String> lines) {
    }

    /** What a handler saw of its invocation context. */
    private record Seen(String invocationId, int attempt, Instant deadline, Instant at, String provider,
            boolean hasSkystate) {
    }

    protected final Handlers handlers() {
        return skystate().handlers();
    }

    private static Receipt receipt(Order order) {
        return new Receipt("ordered " + order.item(), order.quantity(), List.of(order.item(), "\u00fc\ud83d\ude00"));
    }

    private String registerOrderHandler() {
        String name = unique("h");
        handlers().register(HandlerDefinition.of(name, Order.class, Receipt.class, (order, context) -> receipt(order)));
        return name;
    }

    /** A registered handler is listed and invoked by name with a record input, returning the decoded record output. */
    @ConformanceRule
    public final void handler01_typedInvoke() {
        String name = registerOrderHandler();
        assertThat(handlers().names()).contains(name);
        Order order = new Order("t\u00e9a", 3);
        assertThat(handlers().invoke(name, order, Receipt.class)).isEqualTo(receipt(order));
    }

    /** invokeJson takes and returns UTF-8 JSON. */
    @ConformanceRule
    public final void handler02_invokeJson() {
        String name = registerOrderHandler();
        byte[] output = handlers().invokeJson(name, "{\"item\":\"pen\",\"quantity\":2}".getBytes(StandardCharsets.UTF_8));
        JsonTree.assertSameJson(output, "{\"text\":\"ordered pen\",\"quantity\":2,\"lines\":[\"pen\",\"\u00fc\ud83d\ude00\"]}");
    }

    /** Invoking a name never registered raises HandlerNotFoundException, typed or JSON. */
    @ConformanceRule
    public final void handler03_unknownNameNotFound() {
        String name = unique("missing");
        assertThatThrownBy(() -> handlers().invoke(name, new Order("x", 1), Receipt.class))
                .isInstanceOf(HandlerNotFoundException.class);
        assertThatThrownBy(() -> handlers().invokeJson(name, "{}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(HandlerNotFoundException.class);
    }

    /**
     * A handler's exception (unchecked or checked) surfaces as HandlerFailedException naming the handler, with the
     * original exception, message kept, as cause and its class as errorType.
     */
    @ConformanceRule
    public final void handler04_failureKeepsCause() {
        String unchecked = unique("h");
        String checked = unique("h");
        handlers().register(HandlerDefinition.of(unchecked, Order.class, Receipt.class, (order, context) -> {
            throw new IllegalStateException("out of " + order.item());
        }));
        handlers().register(HandlerDefinition.of(checked, Order.class, Receipt.class, (order, context) -> {
            throw new IOException("disk full");
        }));
        assertThatThrownBy(() -> handlers().invoke(unchecked, new Order("tea", 1), Receipt.class))
                .isInstanceOfSatisfying(HandlerFailedException.class, e -> {
                    assertThat(e.handlerName()).isEqualTo(unchecked);
                    assertThat(e.errorType()).isEqualTo(IllegalStateException.class.getName());
                    assertThat(e.getCause()).isInstanceOf(IllegalStateException.class).hasMessage("out of tea");
                });
        assertThatThrownBy(() -> handlers().invokeJson(checked, "{\"item\":\"x\",\"quantity\":1}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(HandlerFailedException.class, e -> {
                    assertThat(e.handlerName()).isEqualTo(checked);
                    assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessage("disk full");
                });
    }

    /**
     * The context has a non-empty invocation id that differs between invocations, attempt at least 1, a deadline
     * in the future, the instance's provider id, and the application's Skystate.
     */
    @ConformanceRule
    public final void handler05_invocationContext() {
        String name = unique("h");
        Queue<Seen> seen = new ConcurrentLinkedQueue<>();
        handlers().register(HandlerDefinition.of(name, Order.class, Receipt.class, (order, context) -> {
            seen.add(new Seen(context.invocationId(), context.attempt(), context.deadline(), Instant.now(),
                    context.provider(), context.skystate() != null));
            return receipt(order);
        }));
        handlers().invoke(name, new Order("a", 1), Receipt.class);
        handlers().invoke(name, new Order("a", 1), Receipt.class);
        assertThat(seen).hasSize(2).allSatisfy(s -> {
            assertThat(s.invocationId()).isNotBlank();
            assertThat(s.attempt()).isGreaterThanOrEqualTo(1);
            assertThat(s.deadline()).isAfter(s.at());
            assertThat(s.provider()).isEqualTo(skystate().provider());
            assertThat(s.hasSkystate()).isTrue();
        });
        assertThat(seen).extracting(Seen::invocationId).doesNotHaveDuplicates();
    }

    /** A plain java.util.function.Function handler works the same way. */
    @ConformanceRule
    public final void handler06_functionHandler() {
        String name = unique("h");
        handlers().register(HandlerDefinition.ofFunction(name, String.class, Integer.class, String::length));
        assertThat(handlers().invoke(name, "h\u00e9llo", Integer.class)).isEqualTo(5);
    }

    /** Registering again under a name replaces the handler; invalid names raise InvalidRequestException. */
    @ConformanceRule
    public final void handler07_reRegisterReplacesAndNamesValidated() {
        String name = unique("h");
        handlers().register(HandlerDefinition.ofFunction(name, String.class, String.class, s -> "first " + s));
        handlers().register(HandlerDefinition.ofFunction(name, String.class, String.class, s -> "second " + s));
        assertThat(handlers().invoke(name, "x", String.class)).isEqualTo("second x");
        for (String bad : List.of("", "1abc", "with space", "dot.name", "x".repeat(65))) {
            assertThatThrownBy(() -> handlers().register(HandlerDefinition.ofFunction(bad, String.class, String.class,
                    s -> s))).as("name '%s'", bad).isInstanceOf(InvalidRequestException.class);
        }
    }

    /**
     * With HANDLER_ENDPOINTS, POSTing JSON to {@code endpoint(name)} returns 200 and the output JSON; a name never
     * registered answers 404. Reported as a capability gap otherwise.
     */
    @ConformanceRule
    public final void handler08_httpEndpoint() {
        requireCapability(Capability.HANDLER_ENDPOINTS);
        String name = registerOrderHandler();
        assertThat(handlers().endpoint(name)).as("endpoint of %s", name).isPresent();
        HttpPoster.Response response = HttpPoster.post(signed(name, "{\"item\":\"pen\",\"quantity\":2}"));
        assertThat(response.status()).as("response %s", response).isEqualTo(200);
        JsonTree.assertSameJson(response.body().getBytes(StandardCharsets.UTF_8),
                "{\"text\":\"ordered pen\",\"quantity\":2,\"lines\":[\"pen\",\"\u00fc\ud83d\ude00\"]}");
        assertThat(HttpPoster.post(signed(unique("missing"), "{}")).status()).as("a signed call of an unknown handler")
                .isEqualTo(404);
    }

    private EndpointRequest signed(String handler, String json) {
        return handlers().endpointRequest(handler, json.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> new AssertionError("no endpoint request for " + handler));
    }

    /**
     * Handler endpoints accept only signed, fresh, single-use requests, refusing with 401 before the handler runs:
     * an unsigned POST, a signed request whose body was altered, one whose date header was altered, one sent to
     * another handler's URL, and a signed request sent a second time. The handler runs exactly once (for the one
     * valid request).
     */
    @ConformanceRule
    public final void handler09_endpointsRefuseUnsignedTamperedAndReplayedCalls() {
        requireCapability(Capability.HANDLER_ENDPOINTS);
        String name = unique("h");
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        handlers().register(HandlerDefinition.ofFunction(name, Order.class, Receipt.class, order -> {
            runs.incrementAndGet();
            return receipt(order);
        }));
        String other = registerOrderHandler();
        String json = "{\"item\":\"pen\",\"quantity\":2}";
        EndpointRequest valid = signed(name, json);
        assertThat(HttpPoster.post(valid.url(), Map.of(), valid.body()).status()).as("unsigned").isEqualTo(401);
        assertThat(HttpPoster.post(valid.url(), valid.headers(), "{\"item\":\"gold\",\"quantity\":2}"
                .getBytes(StandardCharsets.UTF_8)).status()).as("altered body").isEqualTo(401);
        Map<String, String> olderDate = new java.util.HashMap<>(valid.headers());
        olderDate.replaceAll((k, v) -> k.equalsIgnoreCase("X-Skystate-Date") ? Long.toString(Long.parseLong(v) - 60) : v);
        assertThat(HttpPoster.post(valid.url(), olderDate, valid.body()).status()).as("altered date").isEqualTo(401);
        URI otherUrl = handlers().endpoint(other).orElseThrow();
        assertThat(HttpPoster.post(otherUrl, valid.headers(), valid.body()).status()).as("another handler").isEqualTo(401);
        assertThat(HttpPoster.post(valid).status()).as("the valid request").isEqualTo(200);
        assertThat(HttpPoster.post(valid).status()).as("the valid request replayed").isEqualTo(401);
        assertThat(runs).as("handler runs").hasValue(1);
    }
}
