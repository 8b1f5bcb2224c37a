package io.skystate.bench.state;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link StateBench}: every operation, in memory and in a file, Skystate and the JDBC floor, on 1 and 8
 * threads; the floor that prepares per call only on 1 thread (it explains the gap, it is not a baseline). One fork,
 * short iterations: about 5 minutes on 2 cores. Args: output directory [extra JMH profiler, e.g. stack].
 */
public final class StateBenchMain {
    private StateBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        String profiler = args.length > 1 ? args[1] : null;
        String include = System.getProperty("bench.include", StateBench.class.getName() + ".*");
        int warmups = Integer.getInteger("bench.warmups", 2);
        int iterations = Integer.getInteger("bench.iterations", 3);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "1"));
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"1", "skystate,jdbc,jdbcPrepareEach"});
        runs.add(new String[] {"8", "skystate,jdbc"});
        for (String[] run : runs) {
            ChainedOptionsBuilder options = new OptionsBuilder()
                    .include(include)
                    .forks(1)
                    .warmupIterations(warmups)
                    .warmupTime(TimeValue.milliseconds((long) (seconds * 1000)))
                    .measurementIterations(iterations)
                    .measurementTime(TimeValue.milliseconds((long) (seconds * 1000)))
                    .threads(Integer.parseInt(run[0]))
                    .param("impl", run[1].split(","))
                    .jvmArgsAppend("-Xms512m", "-Xmx512m", "-Dbench.tmp=" + System.getProperty("bench.tmp", "target"))
                    .resultFormat(ResultFormatType.JSON)
                    .result(out + "/jmh-state-t" + run[0] + ".json");
            if (profiler != null) {
                options.addProfiler(profiler);
            }
            new Runner(options.build()).run();
        }
    }
}
