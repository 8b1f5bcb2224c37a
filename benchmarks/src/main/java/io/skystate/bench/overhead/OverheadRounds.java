package io.skystate.bench.overhead;

import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs a {@link StateOverheadBench} subclass in rounds, the even rounds with the two sides in the opposite order, so
 * a drift of the emulator or of the machine over the run does not favour one side; round {@code r} writes
 * {@code <out>/jmh-<name>-r<r>.json}. One fork per trial, one thread, a 256 MiB heap. System properties:
 * {@code bench.warmups} (3), {@code bench.iterations} (5), {@code bench.seconds} per iteration (1),
 * {@code bench.rounds} (2), {@code bench.include} (a JMH regex; default: every benchmark of the class),
 * {@code bench.profiler} (a JMH profiler such as {@code gc}; default none).
 */
public final class OverheadRounds {
    private OverheadRounds() {
    }

    /** Runs {@code bench}'s rounds; {@code forkArgs} (the emulator's address) go to every fork's JVM. */
    public static void run(String out, String name, Class<? extends StateOverheadBench> bench, String... forkArgs)
            throws RunnerException {
        String include = System.getProperty("bench.include", bench.getName().replace(".", "\\.") + "\\..*");
        int warmups = Integer.getInteger("bench.warmups", 3);
        int iterations = Integer.getInteger("bench.iterations", 5);
        TimeValue time = TimeValue.milliseconds((long) (Double.parseDouble(System.getProperty("bench.seconds", "1")) * 1000));
        int rounds = Integer.getInteger("bench.rounds", 2);
        String[] jvmArgs = new String[forkArgs.length + 2];
        jvmArgs[0] = "-Xms256m";
        jvmArgs[1] = "-Xmx256m";
        System.arraycopy(forkArgs, 0, jvmArgs, 2, forkArgs.length);
        String profiler = System.getProperty("bench.profiler");
        for (int round = 1; round <= rounds; round++) {
            String[] order = round % 2 == 1 ? new String[] {"skystate", "sdk"} : new String[] {"sdk", "skystate"};
            ChainedOptionsBuilder options = new OptionsBuilder();
            if (profiler != null) {
                options.addProfiler(profiler);
            }
            new Runner(options
                    .include(include)
                    .forks(1)
                    .threads(1)
                    .warmupIterations(warmups)
                    .warmupTime(time)
                    .measurementIterations(iterations)
                    .measurementTime(time)
                    .param("impl", order)
                    .jvmArgsAppend(jvmArgs)
                    .resultFormat(ResultFormatType.JSON)
                    .result(out + "/jmh-" + name + "-r" + round + ".json")
                    .build()).run();
        }
    }
}
