package io.skystate.aws.lambda;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link Context} the Lambda Java runtime passes to a handler: a fresh request id, the function's name, ARN,
 * version and memory, log group and stream, a deadline counted down by {@link #getRemainingTimeInMillis()}, and a
 * {@link LambdaLogger} (whose lines are kept for assertions).
 */
final class TestLambdaContext implements Context {
    private final String requestId = UUID.randomUUID().toString();
    private final String functionName;
    private final long deadlineNanos;
    private final List<String> logLines = new CopyOnWriteArrayList<>();
    private final LambdaLogger logger = new LambdaLogger() {
        @Override
        public void log(String message) {
            logLines.add(message);
        }

        @Override
        public void log(byte[] message) {
            logLines.add(new String(message, StandardCharsets.UTF_8));
        }
    };

    TestLambdaContext(String functionName, Duration timeout) {
        this.functionName = functionName;
        this.deadlineNanos = System.nanoTime() + timeout.toNanos();
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + functionName;
    }

    @Override
    public String getLogStreamName() {
        return "2026/11/26/[$LATEST]" + requestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return functionName;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return "arn:aws:lambda:us-east-1:123456789012:function:" + functionName;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Duration.ofNanos(deadlineNanos - System.nanoTime()).toMillis());
    }

    @Override
    public int getMemoryLimitInMB() {
        return 512;
    }

    @Override
    public LambdaLogger getLogger() {
        return logger;
    }

    List<String> logLines() {
        return logLines;
    }
}
