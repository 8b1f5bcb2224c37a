package io.skystate.bench.scaling;

import io.skystate.api.Skystate;
import io.skystate.aws.AwsSkystate;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A fresh {@link AwsSkystate} (its own table prefix) on a moto server, on a clock the benchmark can move. */
final class MotoTarget implements CallbackSweepBench.Target {
    /** adapter-aws's {@code AwsSkystate} sweeps its callbacks this often. */
    static final long SWEEP_INTERVAL_MILLIS = 500;
    static final String SWEEPER_THREAD = "skystate-aws-callback-sweeper";

    private final MutableClock clock = new MutableClock();
    private final AwsSkystate skystate;

    MotoTarget(URI endpoint, String name) {
        skystate = AwsSkystate.builder().endpoint(endpoint).region("us-east-1")
                .credentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")))
                .prefix("b" + name.replaceAll("[^A-Za-z0-9]", "") + "-").clock(clock).build();
    }

    @Override
    public Skystate skystate() {
        return skystate;
    }

    @Override
    public MutableClock clock() {
        return clock;
    }

    @Override
    public long sweepIntervalMillis() {
        return SWEEP_INTERVAL_MILLIS;
    }

    @Override
    public void close() {
        skystate.close();
    }
}
