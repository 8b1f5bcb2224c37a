package io.skystate.local.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.core.crypto.Keys;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.queue.QueueGuard;
import io.skystate.core.queue.QueueReceipts;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A durable {@link MessageQueue} in the embedded database. Receiving hides a message by moving its
 * {@code visible_at} forward and giving it a fresh receipt; acknowledging deletes by receipt, so an
 * acknowledgement for a delivery that has since been redelivered deletes nothing. Long polling waits on a monitor
 * that local sends signal. Thread-safe.
 */
public final class SqliteMessageQueue implements MessageQueue {
    private static final TypeReference<Map<String, String>> ATTRIBUTES = new TypeReference<>() {
    };

    private final String name;
    private final Database database;
    private final JacksonCodec codec;
    private final Clock clock;
    private final Object arrivals;

    public SqliteMessageQueue(String name, Database database, JacksonCodec codec, Clock clock, Object arrivals) {
        this.name = name;
        this.database = database;
        this.codec = codec;
        this.clock = clock;
        this.arrivals = arrivals;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String send(Message message) {
        QueueGuard.checkSend("local", message);
        String id = Keys.randomId();
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO queue_messages"
                    + " (queue, id, body, attributes, visible_at, receipt, delivery_count) VALUES (?, ?, ?, ?, ?, NULL, 0)")) {
                s.setString(1, name);
                s.setString(2, id);
                s.setBytes(3, message.body());
                s.setString(4, new String(codec.encode(message.attributes()), java.nio.charset.StandardCharsets.UTF_8));
                s.setLong(5, clock.millis());
                return s.executeUpdate();
            }
        });
        synchronized (arrivals) {
            arrivals.notifyAll();
        }
        return id;
    }

    @Override
    public List<ReceivedMessage> receive(int maxMessages, Duration visibilityTimeout, Duration maxWait) {
        QueueGuard.checkReceive("local", maxMessages, visibilityTimeout, maxWait);
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            List<ReceivedMessage> received = database.inTransaction(c -> claim(c, maxMessages, visibilityTimeout));
            long remaining = deadline - System.nanoTime();
            if (!received.isEmpty() || remaining <= 0) {
                return received;
            }
            synchronized (arrivals) {
                try {
                    arrivals.wait(Math.max(1, Math.min(50, remaining / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
        }
    }

    @Override
    public void ack(String receipt) {
        String own = QueueReceipts.unwrap("local", name, receipt);
        database.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM queue_messages WHERE queue = ? AND receipt = ?")) {
                s.setString(1, name);
                s.setString(2, own);
                return s.executeUpdate();
            }
        });
    }

    private List<ReceivedMessage> claim(Connection c, int max, Duration visibility) throws SQLException {
        long now = clock.millis();
        List<ReceivedMessage> claimed = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("SELECT id, body, attributes, delivery_count FROM queue_messages"
                + " WHERE queue = ? AND visible_at <= ? ORDER BY visible_at LIMIT ?");
             PreparedStatement update = c.prepareStatement("UPDATE queue_messages"
                + " SET visible_at = ?, receipt = ?, delivery_count = ? WHERE queue = ? AND id = ?")) {
            select.setString(1, name);
            select.setLong(2, now);
            select.setInt(3, max);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String receipt = id + "." + Keys.randomId();
                    int deliveries = rs.getInt(4) + 1;
                    update.setLong(1, now + visibility.toMillis());
                    update.setString(2, receipt);
                    update.setInt(3, deliveries);
                    update.setString(4, name);
                    update.setString(5, id);
                    update.executeUpdate();
                    Map<String, String> attributes = codec.mapper().readValue(rs.getString(3), ATTRIBUTES);
                    claimed.add(new ReceivedMessage(id, rs.getBytes(2), attributes, QueueReceipts.wrap(name, receipt),
                            deliveries));
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("corrupt attributes in queue " + name, e);
            }
        }
        return claimed;
    }
}
