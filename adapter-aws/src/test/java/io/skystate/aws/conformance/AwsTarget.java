package io.skystate.aws.conformance;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.aws.AwsSkystate;
import io.skystate.aws.AwsSkystateBuilder;
import io.skystate.aws.emulator.FunctionUrlServer;
import io.skystate.aws.emulator.MotoServer;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Binds the conformance suites to the AWS adapter against moto: every instance gets its own resource prefix (its
 * own tables, queues and state machines) and a {@link FunctionUrlServer} playing the Lambda Function URL, so
 * callback URLs and handler endpoints are served by the real entry point class. Emulator gaps are declared in
 * {@link AwsGaps}.
 */
public final class AwsTarget implements ConformanceTarget {
    public static final AwsTarget INSTANCE = new AwsTarget();

    private AwsTarget() {
    }

    @Override
    public String adapterId() {
        return "aws";
    }

    @Override
    public Skystate open() {
        return build(AwsSkystate.builder());
    }

    @Override
    public Skystate open(KeyRing callbackKeys, KeyRing sessionKeys) {
        return build(AwsSkystate.builder().callbackKeys(callbackKeys).sessionKeys(sessionKeys));
    }

    @Override
    public Skystate openDurable() {
        return open();
    }

    @Override
    public Skystate reopen(Skystate previous) {
        String prefix = ((AwsSkystate) previous).prefix();
        previous.close();
        return build(AwsSkystate.builder(), prefix);
    }

    @Override
    public Gaps gaps() {
        return AwsGaps.MOTO;
    }

    /** An instance against the shared moto server with a fresh prefix. */
    public static AwsSkystate build(AwsSkystateBuilder builder) {
        return build(builder, "t" + UUID.randomUUID().toString().substring(0, 8) + "-");
    }

    static AwsSkystate build(AwsSkystateBuilder builder, String prefix) {
        FunctionUrlServer functionUrl = new FunctionUrlServer();
        AwsSkystate skystate = builder.endpoint(MotoServer.get().endpoint()).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .prefix(prefix).httpBaseUrl(functionUrl.baseUrl()).build();
        functionUrl.serve(skystate);
        return skystate;
    }
}
