package io.skystate.aws.internal.sfn;

import com.fasterxml.jackson.databind.JsonNode;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.aws.internal.SqsMessageQueue;
import io.skystate.core.queue.QueueReceipts;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Polls the workflow task queue and hands each message to {@link TaskMessages} on a bounded pool. A message is
 * deleted once its task token has been answered (or turned out to be stale). While a message is being handled its
 * visibility is extended every {@value #EXTEND_SECONDS} s; a worker that stops hands its unfinished messages back
 * at once, and one that crashes lets them reappear after {@link #VISIBILITY}: tasks are at least once.
 */
final class TaskWorker implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TaskWorker.class.getName());
    /** How long a received message stays hidden without an extension. */
    static final Duration VISIBILITY = Duration.ofSeconds(60);
    static final int EXTEND_SECONDS = 20;

    private final MessageQueue queue;
    private final TaskMessages messages;
    private final ExecutorService pool;
    private final Semaphore capacity;
    private final Thread poller;
    private final SqsClient sqs;
    private final String queueUrl;
    private final java.util.Set<String> inFlight = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService extender =
            Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "skystate-sfn-visibility"));
    private volatile boolean running = true;

    TaskWorker(EngineParts parts, int threads) {
        this.sqs = parts.clients().sqs();
        this.queueUrl = parts.taskQueueUrl();
        this.queue = new SqsMessageQueue(StepFunctionsEngine.TASK_QUEUE, queueUrl, sqs, parts.codec());
        this.messages = new TaskMessages(parts);
        this.pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "skystate-sfn-task"));
        this.capacity = new Semaphore(threads);
        this.poller = daemon(this::poll, "skystate-sfn-poller");
        poller.start();
        extender.scheduleWithFixedDelay(() -> setVisibility((int) VISIBILITY.toSeconds()), EXTEND_SECONDS,
                EXTEND_SECONDS, TimeUnit.SECONDS);
    }

    private void setVisibility(int seconds) {
        setVisibility(inFlight, seconds);
    }

    private void setVisibility(java.util.Collection<String> receipts, int seconds) {
        for (String receipt : receipts) {
            try {
                String handle = QueueReceipts.unwrap("aws", queue.name(), receipt);
                sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(handle).visibilityTimeout(seconds));
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "could not change a task message's visibility", e);
            }
        }
    }

    private void poll() {
        while (running) {
            try {
                if (!capacity.tryAcquire(200, TimeUnit.MILLISECONDS)) {
                    continue;
                }
                int free = 1 + capacity.drainPermits();
                List<ReceivedMessage> batch = queue.receive(Math.min(MessageQueue.MAX_BATCH, free), VISIBILITY,
                        Duration.ofSeconds(1));
                capacity.release(free - batch.size());
                if (!running) {
                    setVisibility(batch.stream().map(ReceivedMessage::receipt).toList(), 0);
                    return;
                }
                for (ReceivedMessage message : batch) {
                    inFlight.add(message.receipt());
                    pool.execute(() -> handle(message));
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "polling the workflow task queue failed; retrying", e);
                    sleep();
                }
            }
        }
    }

    private void handle(ReceivedMessage message) {
        try {
            JsonNode body = messages.parse(message.body());
            messages.handle(body);
            queue.ack(message.receipt());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "workflow task message failed; it will be redelivered", e);
        } finally {
            inFlight.remove(message.receipt());
            capacity.release();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        running = false;
        try {
            // not interrupted: an interrupted long poll can lose the messages it received until they time out
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        java.util.List<String> unfinished = java.util.List.copyOf(inFlight);
        extender.shutdownNow();
        pool.shutdownNow();
        setVisibility(unfinished, 0);
        try {
            pool.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
