package io.skystate.azure.functions;

import com.azure.storage.queue.QueueClient;
import com.azure.storage.queue.QueueClientBuilder;
import com.azure.storage.queue.QueueMessageEncoding;
import com.azure.storage.queue.models.QueueMessageItem;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import com.microsoft.durabletask.DurableTaskGrpcWorker;
import com.microsoft.durabletask.DurableTaskGrpcWorkerBuilder;
import com.microsoft.durabletask.TaskActivity;
import com.microsoft.durabletask.TaskActivityFactory;
import com.microsoft.durabletask.TaskOrchestration;
import com.microsoft.durabletask.TaskOrchestrationFactory;
import com.microsoft.durabletask.azurefunctions.DurableActivityTrigger;
import com.microsoft.durabletask.azurefunctions.DurableClientContext;
import com.microsoft.durabletask.azurefunctions.DurableOrchestrationTrigger;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.skystate.emulators.DurableTaskSidecar;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays the Azure Functions host with its Durable extension for {@link DurableWorkflowFunctions}, the task hub on a
 * durabletask-go sidecar (the extension's role): a Durable Task worker dispatches orchestration and activity work
 * items to the {@code @FunctionName} methods whose trigger names them, as the host does from their function.json; a
 * {@link DurableClientContext} is bound as the extension binds it (its {@code rpcBaseUrl} is the sidecar's endpoint,
 * so {@code getClient()} dials it); the queue trigger is fed from the Storage queue its {@code %SETTING%} names in the
 * app settings, Base64-decoded, deleting a message when the function returned; the timer trigger fires every second
 * (the function's schedule says 5). Exceptions thrown by functions are recorded, and the host carries on.
 */
final class DurableFunctionsHost implements AutoCloseable {
    private static final ObjectMapper FIELDS = new ObjectMapper().setVisibility(PropertyAccessor.FIELD, Visibility.ANY);

    private final DurableWorkflowFunctions functions;
    private final DurableClientContext durable;
    private final ManagedChannel channel;
    private final DurableTaskGrpcWorker worker;
    private final QueueClient callbackQueue;
    private final ScheduledExecutorService triggers = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "functions-host-trigger");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, AtomicInteger> invocations = new ConcurrentHashMap<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    DurableFunctionsHost(DurableWorkflowFunctions functions, DurableTaskSidecar sidecar, Map<String, String> appSettings) {
        this.functions = functions;
        this.durable = clientContext(sidecar, appSettings.get(DurableWorkflowFunctions.TASK_HUB_SETTING));
        this.channel = ManagedChannelBuilder.forAddress(sidecar.host(), sidecar.port()).usePlaintext().build();
        DurableTaskGrpcWorkerBuilder builder = new DurableTaskGrpcWorkerBuilder().grpcChannel(channel);
        String queueName = null;
        for (Method method : DurableWorkflowFunctions.class.getMethods()) {
            FunctionName name = method.getAnnotation(FunctionName.class);
            if (name == null) {
                continue;
            }
            if (method.getParameters()[0].isAnnotationPresent(DurableOrchestrationTrigger.class)) {
                builder.addOrchestration(orchestration(name.value(), method));
            } else if (method.getParameters()[0].isAnnotationPresent(DurableActivityTrigger.class)) {
                builder.addActivity(activity(name.value(), method));
            } else if (method.getParameters()[0].isAnnotationPresent(QueueTrigger.class)) {
                queueName = resolve(method.getParameters()[0].getAnnotation(QueueTrigger.class).queueName(), appSettings);
            }
        }
        this.callbackQueue = new QueueClientBuilder().connectionString(appSettings.get("AzureWebJobsStorage"))
                .queueName(queueName).messageEncoding(QueueMessageEncoding.BASE64).buildClient();
        callbackQueue.createIfNotExists();
        this.worker = builder.build();
        worker.start();
        triggers.scheduleWithFixedDelay(this::pollCallbackQueue, 0, 200, TimeUnit.MILLISECONDS);
        triggers.scheduleWithFixedDelay(() -> invoke(DurableWorkflowFunctions.SWEEPER,
                () -> functions.sweep("{}", durable)), 0, 1, TimeUnit.SECONDS);
    }

    /** The binding a function of the app gets from {@code @DurableClientInput}. */
    DurableClientContext durableClient() {
        return durable;
    }

    int invocations(String function) {
        return invocations.getOrDefault(function, new AtomicInteger()).get();
    }

    List<Throwable> failures() {
        return failures;
    }

    private static DurableClientContext clientContext(DurableTaskSidecar sidecar, String taskHub) {
        try {
            return FIELDS.readValue(FIELDS.writeValueAsString(Map.of("rpcBaseUrl", "http://localhost:" + sidecar.port()
                    + "/durabletask/", "taskHubName", taskHub)), DurableClientContext.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The host resolves {@code %NAME%} from the app settings. */
    private static String resolve(String value, Map<String, String> appSettings) {
        return value.startsWith("%") ? appSettings.get(value.substring(1, value.length() - 1)) : value;
    }

    /** Orchestrator episodes are counted but their exceptions not recorded: continue-as-new travels as one. */
    private TaskOrchestrationFactory orchestration(String name, Method method) {
        TaskOrchestration orchestration = ctx -> {
            count(name);
            ctx.complete(call(method, ctx));
        };
        return new TaskOrchestrationFactory() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public TaskOrchestration create() {
                return orchestration;
            }
        };
    }

    /** A failing activity function fails the activity, as on the host. */
    private TaskActivityFactory activity(String name, Method method) {
        TaskActivity activity = ctx -> {
            Object[] result = new Object[1];
            if (!invoke(name, () -> result[0] = call(method, ctx.getInput(String.class), durable))) {
                throw new IllegalStateException("activity function " + name + " failed: " + failures.get(failures.size() - 1));
            }
            return result[0];
        };
        return new TaskActivityFactory() {
            @Override
            public String getName() {
                return name;
            }

            @Override
            public TaskActivity create() {
                return activity;
            }
        };
    }

    private Object call(Method method, Object... arguments) {
        try {
            return method.invoke(functions, arguments);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The queue trigger: a message is deleted when the function returned, else it comes back after 5 seconds. */
    private void pollCallbackQueue() {
        try {
            for (QueueMessageItem item : callbackQueue.receiveMessages(8, Duration.ofSeconds(5), null, null)) {
                if (invoke(DurableWorkflowFunctions.CALLBACKS, () -> functions.callbackResolved(item.getBody().toBytes(),
                        item.getMessageId(), item.getPopReceipt(), item.getDequeueCount(), durable))) {
                    callbackQueue.deleteMessage(item.getMessageId(), item.getPopReceipt());
                }
            }
        } catch (RuntimeException e) {
            failures.add(e);
        }
    }

    private void count(String function) {
        invocations.computeIfAbsent(function, n -> new AtomicInteger()).incrementAndGet();
    }

    /** Runs one function invocation; false (and the exception recorded) when it threw. */
    private boolean invoke(String function, Runnable invocation) {
        count(function);
        try {
            invocation.run();
            return true;
        } catch (RuntimeException e) {
            failures.add(e);
            return false;
        }
    }

    @Override
    public void close() {
        triggers.shutdownNow();
        worker.close();
        channel.shutdownNow();
    }
}
