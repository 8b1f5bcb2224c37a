package io.skystate.examples.ordersaga;

import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs three orders through the saga on whichever adapter is on the class path (the local one by default): one
 * that completes, one whose shipping fails (its payment is refunded and its stock released), and one whose
 * payment is declined. Prints each run's steps and timings, the resulting state, and writes the Mermaid diagram.
 */
public final class OrderSagaDemo {
    private OrderSagaDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/order-saga");
        Files.createDirectories(out);
        Files.deleteIfExists(out.resolve("skystate.db"));
        SkystateConfig config = SkystateConfig.builder().property("local.path", out.resolve("skystate.db").toString()).build();
        try (Skystate skystate = Skystate.open(config); PaymentGateway gateway = new PaymentGateway()) {
            Map<String, WorkflowRun> runs = run(skystate, gateway, System.out);
            Path diagram = out.resolve("order-saga.mmd");
            Files.writeString(diagram, Diagrams.mermaid(OrderWorkflow.definition()));
            System.out.printf("%nMermaid diagram of the workflow: %s%n", diagram.toAbsolutePath());
            boolean asExpected = runs.get("order-1").status() == RunStatus.SUCCEEDED
                    && runs.get("order-2").status() == RunStatus.FAILED
                    && runs.get("order-3").status() == RunStatus.FAILED;
            System.out.println(asExpected ? "All three orders ended as expected." : "UNEXPECTED OUTCOME");
            if (!asExpected) {
                System.exit(1);
            }
        }
    }

    /** Runs the three demo orders on {@code skystate} and prints what happened; returns the runs by id. */
    public static Map<String, WorkflowRun> run(Skystate skystate, PaymentGateway gateway, java.io.PrintStream out)
            throws InterruptedException {
        OrderHandlers handlers = new OrderHandlers(skystate, gateway);
        handlers.registerAll();
        handlers.stock(10);
        Workflows workflows = skystate.workflows();
        workflows.register(OrderWorkflow.definition());
        out.printf("Skystate order saga on provider '%s'; %d mugs in stock.%n", skystate.provider(), handlers.available());

        String ann = skystate.sessions().seal(new Cart("c-ann", "Ann"), Duration.ofHours(1));
        String bob = skystate.sessions().seal(new Cart("c-bob", "Bob"), Duration.ofHours(1));
        List<Order> orders = List.of(
                new Order("order-1", ann, OrderHandlers.SKU, 2, new BigDecimal("39.90"), "1 Cloud Street, Skyville"),
                new Order("order-2", bob, OrderHandlers.SKU, 3, new BigDecimal("59.85"), "Atlantis"),
                new Order("order-3", ann, OrderHandlers.SKU, 1, new BigDecimal("5000.00"), "1 Cloud Street, Skyville"));
        for (Order order : orders) {
            workflows.start(OrderWorkflow.NAME, order.orderId(), order);
        }
        String[] titles = {"Order 1 (completes)", "Order 2 (shipping fails: compensated)", "Order 3 (payment declined)"};
        Map<String, WorkflowRun> runs = new LinkedHashMap<>();
        for (int i = 0; i < orders.size(); i++) {
            String id = orders.get(i).orderId();
            WorkflowRun run = workflows.await(id, Duration.ofSeconds(60));
            runs.put(id, run);
            RunReport.print(out, titles[i], run, workflows.history(id));
        }
        out.printf("%nState afterwards: %d mugs in stock (started with 10; order 1 keeps its 2, the reservations of"
                + " orders 2 and 3 were released by compensation)%n", handlers.available());
        for (Order order : orders) {
            out.printf("  payment of %s: %s%n", order.orderId(),
                    handlers.payment(order.orderId()).map(OrderHandlers.Payment::status).orElse("none"));
        }
        return runs;
    }
}
