package io.skystate.aws.conformance;

import io.skystate.api.KeyRing;
import io.skystate.api.Skystate;
import io.skystate.api.WorkflowWorkers;
import io.skystate.aws.AwsSkystate;
import io.skystate.aws.AwsSkystateBuilder;
import io.skystate.aws.emulator.FunctionUrlServer;
import io.skystate.emulators.Moto;
import io.skystate.conformance.ConformanceTarget;
import io.skystate.conformance.Gaps;
import io.skystate.conformance.Timing;
import java.util.UUID;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Binds the conformance suites to the AWS adapter against moto: every instance gets its own resource prefix (its
 * own tables, queues and state machines) and a {@link FunctionUrlServer} playing the Lambda Function URL, so
 * callback URLs and handler endpoints are served by the real entry point class. Emulator gaps are declared in
 * {@link AwsGaps}. Under {@code -Plive} the same suites run against a real account (see {@link #live()}).
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
    public Skystate openOperator() {
        return build(AwsSkystate.builder().workflowWorkers(WorkflowWorkers.OFF));
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

    /** Every call crosses a network to moto, and its Step Functions engine runs task loops far slower than in-process. */
    @Override
    public Timing timing() {
        return Timing.DEFAULT.scaledBy(2.5);
    }

    @Override
    public Gaps gaps() {
        return live() ? Gaps.none() : AwsGaps.MOTO;
    }

    /**
     * True under {@code -Plive}: the suites then run against the AWS account of the SDK's default credentials and
     * region, with no emulator gaps declared.
     */
    static boolean live() {
        return Boolean.getBoolean("skystate.aws.live");
    }

    /** An instance against the shared moto server with a fresh prefix. */
    public static AwsSkystate build(AwsSkystateBuilder builder) {
        return build(builder, "t" + UUID.randomUUID().toString().substring(0, 8) + "-");
    }

    /** A second instance on the resources of an existing prefix, as another function instance would be. */
    public static AwsSkystate reopenPrefix(String prefix) {
        return build(AwsSkystate.builder(), prefix);
    }

    /** An instance built by {@code builder} on the resources of an existing prefix. */
    public static AwsSkystate build(AwsSkystateBuilder builder, String prefix) {
        FunctionUrlServer functionUrl = new FunctionUrlServer();
        if (live()) {
            String role = System.getenv("SKYSTATE_WORKFLOW_ROLE_ARN");
            if (role != null) {
                builder.workflowRole(role);
            }
        } else {
            builder.endpoint(Moto.get().endpoint()).region("us-east-1")
                    .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        }
        AwsSkystate skystate = builder.prefix(prefix).httpBaseUrl(functionUrl.baseUrl()).handlerEndpoints(true).build();
        functionUrl.serve(skystate);
        return skystate;
    }
}
