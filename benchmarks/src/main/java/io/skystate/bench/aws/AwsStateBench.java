package io.skystate.bench.aws;

import io.skystate.aws.AwsSkystate;
import io.skystate.bench.overhead.SkystateSide;
import io.skystate.bench.overhead.StateOverheadBench;
import io.skystate.bench.overhead.StateSide;
import io.skystate.emulators.Moto;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Abstraction overhead on state for AWS: adapter-aws's {@code StateStore} (an {@link AwsSkystate}'s
 * {@code DynamoDbStateStore}) against the same DynamoDB calls made by hand on the SDK ({@link RawDynamo}), both on
 * the moto server whose endpoint is the {@code bench.moto} property (started by {@link AwsStateBenchMain}). Moto is
 * reset before each trial, so every trial starts from an empty account. Operations and method:
 * {@link StateOverheadBench}.
 */
public class AwsStateBench extends StateOverheadBench {
    @Override
    protected StateSide open(String impl) throws Exception {
        URI endpoint = URI.create(System.getProperty("bench.moto"));
        Moto.reset(endpoint);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
        if (impl.equals("sdk")) {
            RawDynamo raw = new RawDynamo(endpoint, Region.US_EAST_1, credentials, "bench-state");
            raw.createTable();
            return raw;
        }
        AwsSkystate skystate = AwsSkystate.builder().endpoint(endpoint).region("us-east-1").credentials(credentials)
                .prefix("bench-").build();
        return new SkystateSide(skystate.stateStore("state"), skystate::close);
    }
}
