package io.skystate.examples.ordersaga;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.handler.HandlerModule;
import java.nio.file.Path;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The module a cloud entry point applies is listed for ServiceLoader and sets up the whole saga. */
class OrderSagaModuleTest {
    @Test
    void isListedAndRegistersEveryHandlerAndTheWorkflow(@TempDir Path dir) {
        HandlerModule module = ServiceLoader.load(HandlerModule.class).findFirst().orElseThrow();
        assertThat(module).isInstanceOf(OrderSagaModule.class);
        try (Skystate skystate = Skystate.open(SkystateConfig.builder()
                .property("local.path", dir.resolve("skystate.db").toString()).build())) {
            module.configure(skystate);
            assertThat(skystate.handlers().names()).contains("initiateOrder", "reserveInventory", "releaseInventory",
                    "requestPaymentAuthorization", "capturePayment", "refundPayment", "shipOrder", "completeOrder",
                    "rejectOrder");
            assertThat(skystate.workflows().definition(OrderWorkflow.NAME, java.util.Optional.empty())).isPresent();
        }
    }
}
