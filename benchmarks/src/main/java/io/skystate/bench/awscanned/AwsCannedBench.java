package io.skystate.bench.awscanned;

import io.skystate.api.state.StateStore;
import io.skystate.aws.AwsSkystate;
import io.skystate.bench.aws.RawDynamo;
import io.skystate.bench.overhead.SkystateSide;
import io.skystate.bench.overhead.StateOverheadBench;
import io.skystate.bench.overhead.StateSide;
import java.io.IOException;
import java.net.URI;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/**
 * Abstraction overhead on state for AWS without a slow backend: adapter-aws's {@code StateStore} against the same
 * DynamoDB calls by hand on the SDK ({@link RawDynamo}), both through identically configured SDK clients against a
 * {@link LoopbackDynamo} (the {@code bench.canned} property; started by {@link AwsCannedBenchMain}) that answers at
 * once, so the ratio is Skystate's client-side cost over the SDK's own (on the HTTP client {@link #http()} names). The four operations of
 * {@link StateOverheadBench} plus a listing page and a multi-get of 100 ({@link BulkReads}). The endpoint's items are
 * dropped before each trial (unless {@code bench.reset=false}); the sides use tables of the same name length
 * ({@code sky-state}, {@code sdk-state}), so both can be open at once ({@link PairedCpu}). The two sides sign with different access key ids ({@value #SKYSTATE_KEY},
 * {@value #SDK_KEY}; same length) so the endpoint counts their requests apart. Besides JMH's time per operation,
 * each trial records the benchmark thread's CPU time per operation ({@link CpuMeter}), which a loaded machine does
 * not inflate by the time the thread waits for a core.
 */
public class AwsCannedBench extends StateOverheadBench {
    static final String SKYSTATE_KEY = "side-sky";
    static final String SDK_KEY = "side-sdk";

    private final CpuMeter cpu = new CpuMeter();
    private BulkReads bulk;

    @Override
    protected StateSide open(String impl) throws Exception {
        URI endpoint = URI.create(System.getProperty("bench.canned"));
        if (Boolean.parseBoolean(System.getProperty("bench.reset", "true"))) {
            LoopbackDynamo.reset(endpoint);
        }
        boolean sdk = impl.equals("sdk");
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create(sdk ? SDK_KEY : SKYSTATE_KEY, "bench"));
        if (sdk) {
            RawDynamo raw = new RawDynamo(endpoint, Region.US_EAST_1, credentials, "sdk-state", http());
            raw.createTable();
            bulk = cpu.count(BulkReads.of(raw));
            return cpu.count(raw);
        }
        AwsSkystate skystate = AwsSkystate.builder().endpoint(endpoint).region("us-east-1").credentials(credentials)
                .prefix("sky-").httpClient(http()).build();
        StateStore store = skystate.stateStore("state");
        bulk = cpu.count(BulkReads.of(store));
        return cpu.count(new SkystateSide(store, skystate::close));
    }

    @Setup(Level.Iteration)
    public void startIteration() {
        cpu.startIteration();
    }

    @TearDown(Level.Iteration)
    public void endIteration(IterationParams iteration) {
        cpu.endIteration(iteration.getType() == IterationType.MEASUREMENT);
    }

    @TearDown(Level.Trial)
    public void writeCpu(BenchmarkParams params) throws IOException {
        String benchmark = params.getBenchmark();
        cpu.write(System.getProperty("bench.http", "urlconnection"), impl,
                benchmark.substring(benchmark.lastIndexOf('.') + 1));
    }

    /**
     * The SDK HTTP client of both sides: {@code bench.http=urlconnection} (default; adapter-aws's default) or
     * {@code apache5} (pooled; no ≈ 1 ms probe of a reused connection before each POST).
     */
    static SdkHttpClient.Builder<?> http() {
        String http = System.getProperty("bench.http", "urlconnection");
        return switch (http) {
            case "urlconnection" -> UrlConnectionHttpClient.builder();
            case "apache5" -> Apache5HttpClient.builder();
            default -> throw new IllegalArgumentException("bench.http: urlconnection or apache5, not " + http);
        };
    }

    /** One page of {@value BulkReads#PAGE} records (pages 1, 2, 3 of the 256 records in turn: 100, 100, 56). */
    @Benchmark
    public Object listPage() {
        return bulk.listPage();
    }

    /** Records 0–99 in one multi-get ({@code getAll}; {@code BatchGetItem}). */
    @Benchmark
    public Object getAll100() {
        return bulk.getAll100();
    }
}
