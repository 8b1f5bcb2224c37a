package io.skystate.azure.functions;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.skystate.api.InvalidRequestException;
import io.skystate.api.handler.HandlerFailedException;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.azure.AzureSkystate;
import io.skystate.azure.internal.queue.StorageMessageQueue;
import io.skystate.core.callback.CallbackHttpEndpoint.Reply;
import java.util.Optional;

/**
 * The Azure Functions entry points of a Skystate app, plain Java (no Spring):
 * <ul>
 *   <li>{@value #HTTP}: an anonymous HTTP trigger on {@code /skystate/{*path}} (deploy with an empty route prefix)
 *       serving callback URLs, workflow callback URLs and, when switched on, handler endpoints ({@link SkystateHttp});
 *       callback tokens are their own credential, handler endpoints authenticate through core's protocol;</li>
 *   <li>{@value #WORK}: a queue trigger on the queue the app setting {@code SKYSTATE_WORK_QUEUE_NATIVE} names, running
 *       {@link QueueWork} messages: the handler the message names gets the body as input. A failure is rethrown, so the
 *       host makes the message visible again and, after its {@code maxDequeueCount}, moves it to the poison queue.</li>
 * </ul>
 * The no-argument constructor (the one the Functions host uses) takes {@link FunctionsRuntime}'s instance; a
 * dependency-injection framework (Spring Cloud Function's {@code FunctionInstanceInjector}) may pass its own.
 * Handlers come from the {@link io.skystate.api.handler.HandlerModule}s on the class path. Thread-safe.
 */
public class SkystateFunctions {
    public static final String HTTP = "skystate-http";
    public static final String WORK = "skystate-work";

    private final AzureSkystate skystate;
    private final String workQueue;

    public SkystateFunctions() {
        this(FunctionsRuntime.skystate(), System.getenv().getOrDefault("SKYSTATE_WORK_QUEUE", "work"));
    }

    public SkystateFunctions(AzureSkystate skystate, String workQueue) {
        this.skystate = skystate;
        this.workQueue = workQueue;
    }

    @FunctionName(HTTP)
    public HttpResponseMessage http(
            @HttpTrigger(name = "request", methods = {HttpMethod.POST, HttpMethod.GET}, authLevel = AuthorizationLevel.ANONYMOUS,
                    route = "skystate/{*path}", dataType = "binary") HttpRequestMessage<Optional<byte[]>> request,
            ExecutionContext context) {
        Reply reply = new SkystateHttp(skystate).handle(request.getHttpMethod().name(), request.getUri().getRawPath(),
                request.getHeaders(), request.getBody().orElse(new byte[0]));
        HttpResponseMessage.Builder response = request.createResponseBuilder(HttpStatusType.custom(reply.status()));
        if (reply.body().length > 0) {
            response.header("Content-Type", "application/json").body(reply.body());
        }
        return response.build();
    }

    @FunctionName(WORK)
    public void work(
            @QueueTrigger(name = "message", queueName = "%SKYSTATE_WORK_QUEUE_NATIVE%", connection = "AzureWebJobsStorage",
                    dataType = "binary") byte[] message,
            @BindingName("Id") String id, @BindingName("PopReceipt") String popReceipt,
            @BindingName("DequeueCount") long dequeueCount, ExecutionContext context) {
        StorageMessageQueue queue = skystate.storageQueue(workQueue);
        Optional<ReceivedMessage> opened = queue.open(id, popReceipt, message, (int) dequeueCount);
        if (opened.isEmpty()) {
            context.getLogger().info("message " + id + " was already acknowledged (its claim is gone); skipped");
            return;
        }
        String handler = opened.get().attributes().get(QueueWork.HANDLER);
        if (handler == null) {
            throw new InvalidRequestException(AzureSkystate.PROVIDER, "message " + id + " names no handler (attribute "
                    + QueueWork.HANDLER + "); send QueueWork.message(...) to the work queue");
        }
        try {
            skystate.handlerRegistry().invokeJson(handler, opened.get().body(), context.getInvocationId(), (int) dequeueCount);
        } catch (HandlerFailedException e) {
            context.getLogger().warning("handler " + handler + " failed on message " + id + " (attempt " + dequeueCount
                    + "): " + e.getMessage());
            throw e;
        }
        queue.consumed(opened.get());
    }
}
