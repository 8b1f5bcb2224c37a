package io.skystate.examples.ordersaga;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerModule;

/**
 * The order saga as a cloud deploys it: registers the saga's handlers and its workflow definition. Listed in
 * {@code META-INF/services/io.skystate.api.handler.HandlerModule}, so a Lambda, Azure Functions or Cloud Functions
 * entry point applies it at cold start, and {@code skystate:package} finds the handlers, the workflow and the stores
 * it uses. The payment provider is the demo's simulated one, answering the callback URL from the same instance; a
 * real app builds its provider's client here.
 */
public final class OrderSagaModule implements HandlerModule {
    @Override
    public void configure(Skystate skystate) {
        new OrderHandlers(skystate, new PaymentGateway()).registerAll();
        skystate.workflows().register(OrderWorkflow.definition());
    }
}
