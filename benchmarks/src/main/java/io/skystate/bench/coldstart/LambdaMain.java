package io.skystate.bench.coldstart;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import io.skystate.aws.AwsSkystate;
import io.skystate.aws.lambda.LambdaRuntime;
import io.skystate.aws.lambda.SkystateLambdaHandler;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Cold start through Skystate's real Lambda entry point, without Spring: what the Lambda Java runtime does in a new
 * execution environment, minus the runtime itself. Init: {@link LambdaRuntime#open} from the environment
 * ({@code AWS_ENDPOINT_URL}, {@code AWS_REGION}, {@code SKYSTATE_PREFIX}, {@code SKYSTATE_CREATE_RESOURCES}; the
 * credentials from the SDK's default chain, here the {@code aws.accessKeyId}/{@code aws.secretAccessKey}
 * properties), which creates the SDK clients, reads the key rings from DynamoDB and applies the
 * {@link io.skystate.api.handler.HandlerModule}s of the jar ({@link HelloModule}). Invoke: one JSON event from stdin
 * through {@link SkystateLambdaHandler#handleRequest} to handler {@code hello}; the response on stdout.
 * With {@code -Dbench.timing=true} it writes {@code timing main=<ms> open=<ms> response=<ms>} (epoch milliseconds)
 * to stderr for the report's breakdown.
 */
public final class LambdaMain {
    private LambdaMain() {
    }

    public static void main(String[] args) throws Exception {
        long main = System.currentTimeMillis();
        AwsSkystate skystate = LambdaRuntime.open(System.getenv());
        long open = System.currentTimeMillis();
        SkystateLambdaHandler handler = new SkystateLambdaHandler(skystate, "hello");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(in.readLine().getBytes(StandardCharsets.UTF_8)), out,
                new BenchContext());
        System.out.println(out.toString(StandardCharsets.UTF_8));
        System.out.flush();
        long response = System.currentTimeMillis();
        if (Boolean.getBoolean("bench.timing")) {
            System.err.println("timing main=" + main + " open=" + open + " response=" + response);
            System.err.flush();
        }
        skystate.close();
    }

    /** The Lambda context: fixed request id and function name (the runtime hands them in; nothing to generate). */
    static final class BenchContext implements Context {
        @Override
        public String getAwsRequestId() {
            return "8f5e2a4c-0000-4000-8000-000000000001";
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/hello";
        }

        @Override
        public String getLogStreamName() {
            return "bench";
        }

        @Override
        public String getFunctionName() {
            return "hello";
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:hello";
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
            return 30_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 512;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.println(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.println(new String(message, StandardCharsets.UTF_8));
                }
            };
        }
    }
}
