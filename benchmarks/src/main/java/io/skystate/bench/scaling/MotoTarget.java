package io.skystate.bench.scaling;

import io.skystate.aws.AwsSkystate;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A fresh {@link AwsSkystate} (its own table prefix) on a moto server, on a clock the benchmark can move. */
final class MotoTarget {
    /** adapter-aws's {@code AwsSkystate} sweeps its callbacks this often. */
    static final long SWEEP_INTERVAL_MILLIS = 500;
    static final String SWEEPER_THREAD = "skystate-aws-callback-sweeper";

    private MotoTarget() {
    }

    static ClockedTarget open(URI endpoint, String name) {
        return ClockedTarget.open(SWEEP_INTERVAL_MILLIS, clock -> AwsSkystate.builder().endpoint(endpoint)
                .region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .prefix(ClockedTarget.prefix(name) + "-").clock(clock).build());
    }
}
