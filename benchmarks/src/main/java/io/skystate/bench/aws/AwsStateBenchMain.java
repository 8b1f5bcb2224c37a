package io.skystate.bench.aws;

import io.skystate.emulators.Moto;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AwsStateBench} against a moto server it starts for the run ({@link Moto#start()}: a free port, its log
 * under the {@code skystate.emulators.logs} directory) and stops after. Two
 * rounds, the second with the implementations in the opposite order, so a drift of moto or of the machine over the
 * run does not favour one side; each round writes {@code jmh-aws-r<round>.json}. One fork per trial, one thread.
 * About 4 minutes on 2 cores. Args: output directory.
 */
public final class AwsStateBenchMain {
    private AwsStateBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        String include = System.getProperty("bench.include", "io\\.skystate\\.bench\\.aws\\.AwsStateBench\\..*");
        int warmups = Integer.getInteger("bench.warmups", 3);
        int iterations = Integer.getInteger("bench.iterations", 5);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "1"));
        int rounds = Integer.getInteger("bench.rounds", 2);
        try (Moto moto = Moto.start()) {
            System.out.println("moto at " + moto.endpoint());
            for (int round = 1; round <= rounds; round++) {
                String[] order = round % 2 == 1 ? new String[] {"skystate", "sdk"} : new String[] {"sdk", "skystate"};
                new Runner(new OptionsBuilder()
                        .include(include)
                        .forks(1)
                        .threads(1)
                        .warmupIterations(warmups)
                        .warmupTime(TimeValue.milliseconds((long) (seconds * 1000)))
                        .measurementIterations(iterations)
                        .measurementTime(TimeValue.milliseconds((long) (seconds * 1000)))
                        .param("impl", order)
                        .jvmArgsAppend("-Xms256m", "-Xmx256m", "-Dbench.moto=" + moto.endpoint())
                        .resultFormat(ResultFormatType.JSON)
                        .result(out + "/jmh-aws-r" + round + ".json")
                        .build()).run();
            }
        }
    }
}
