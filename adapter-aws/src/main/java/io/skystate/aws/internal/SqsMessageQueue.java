package io.skystate.aws.internal;

import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.core.json.JacksonCodec;
import io.skystate.core.queue.QueueGuard;
import io.skystate.core.queue.QueueReceipts;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.ReceiptHandleIsInvalidException;

/**
 * {@link MessageQueue} on SQS (standard queue). Attributes travel as one JSON message attribute, so any names
 * and any number fit (SQS allows ten attributes with restricted names). Bodies that are not valid UTF-8 text SQS
 * accepts are sent Base64-encoded and flagged. Visibility and wait times round up to whole seconds.
 */
public final class SqsMessageQueue implements MessageQueue {
    private static final String ATTRIBUTES = "skystate-attributes";
    private static final String ENCODING = "skystate-encoding";

    private final String name;
    private final String queueUrl;
    private final SqsClient sqs;
    private final JacksonCodec codec;

    public SqsMessageQueue(String name, String queueUrl, SqsClient sqs, JacksonCodec codec) {
        this.name = name;
        this.queueUrl = queueUrl;
        this.sqs = sqs;
        this.codec = codec;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String send(Message message) {
        QueueGuard.checkSend("aws", message);
        String text = sqsText(message.body());
        Map<String, MessageAttributeValue> attributes = new java.util.HashMap<>();
        attributes.put(ATTRIBUTES, string(new String(codec.encode(message.attributes()), StandardCharsets.UTF_8)));
        if (text == null) {
            attributes.put(ENCODING, string("base64"));
            text = Base64.getEncoder().encodeToString(message.body());
        }
        String body = text;
        try {
            return sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body).messageAttributes(attributes)).messageId();
        } catch (SdkException e) {
            throw DynamoErrors.translate("send to queue " + name, e);
        }
    }

    @Override
    public List<ReceivedMessage> receive(int maxMessages, Duration visibilityTimeout, Duration maxWait) {
        QueueGuard.checkReceive("aws", maxMessages, visibilityTimeout, maxWait);
        try {
            var response = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(maxMessages)
                    .visibilityTimeout(ceilSeconds(visibilityTimeout)).waitTimeSeconds(ceilSeconds(maxWait))
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                    .messageAttributeNames("All"));
            List<ReceivedMessage> received = new ArrayList<>();
            for (var m : response.messages()) {
                received.add(toReceived(m));
            }
            return received;
        } catch (SdkException e) {
            throw DynamoErrors.translate("receive from queue " + name, e);
        }
    }

    @Override
    public void ack(String receipt) {
        String handle = QueueReceipts.unwrap("aws", name, receipt);
        try {
            sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(handle));
        } catch (ReceiptHandleIsInvalidException expired) {
            // The delivery is no longer current; the message will be (or was) redelivered, as documented.
        } catch (SdkException e) {
            throw DynamoErrors.translate("ack on queue " + name, e);
        }
    }

    private ReceivedMessage toReceived(software.amazon.awssdk.services.sqs.model.Message m) {
        Map<String, MessageAttributeValue> attrs = m.messageAttributes();
        Map<String, String> attributes = attrs.containsKey(ATTRIBUTES)
                ? codec.decode(attrs.get(ATTRIBUTES).stringValue().getBytes(StandardCharsets.UTF_8), StringMap.class)
                : Map.of();
        byte[] body = attrs.containsKey(ENCODING) ? Base64.getDecoder().decode(m.body())
                : m.body().getBytes(StandardCharsets.UTF_8);
        int deliveries = Integer.parseInt(m.attributes().getOrDefault(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "1"));
        return new ReceivedMessage(m.messageId(), body, attributes, QueueReceipts.wrap(name, m.receiptHandle()),
                deliveries);
    }

    /** The body as text SQS accepts (valid UTF-8 of XML characters), or null if it must be encoded. */
    private static String sqsText(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            boolean allowed = !text.isEmpty() && text.codePoints().allMatch(cp -> cp == 0x9 || cp == 0xA || cp == 0xD
                    || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) || cp >= 0x10000);
            return allowed ? text : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private static int ceilSeconds(Duration d) {
        return (int) Math.min(Integer.MAX_VALUE, (d.toMillis() + 999) / 1000);
    }

    /** A concrete type for decoding the attribute map. */
    static final class StringMap extends java.util.HashMap<String, String> {
        private static final long serialVersionUID = 1L;
    }
}
