package io.skystate.bench.azure;

import io.skystate.emulators.Azurite;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link AzureTablesBench} against an Azurite it starts for the run ({@link Azurite#start()}) and stops after.
 * Two rounds, the second with the implementations in the opposite order, so a drift of Azurite or of the machine
 * does not favour one side; each round writes {@code jmh-azure-r<round>.json}. One fork per trial, one thread. About
 * 4 minutes on 2 cores. Args: output directory.
 */
public final class AzureTablesBenchMain {
    private AzureTablesBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        String include = System.getProperty("bench.include", "io\\.skystate\\.bench\\.azure\\.AzureTablesBench\\..*");
        int warmups = Integer.getInteger("bench.warmups", 3);
        int iterations = Integer.getInteger("bench.iterations", 5);
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "1"));
        int rounds = Integer.getInteger("bench.rounds", 2);
        try (Azurite azurite = Azurite.start()) {
            System.out.println("azurite at " + azurite.tableEndpoint());
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
                        .jvmArgsAppend("-Xms256m", "-Xmx256m", "-Dbench.azurite=" + azurite.connectionString())
                        .resultFormat(ResultFormatType.JSON)
                        .result(out + "/jmh-azure-r" + round + ".json")
                        .build()).run();
            }
        }
    }
}
