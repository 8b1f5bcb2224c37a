package io.skystate.bench.aws;

import io.skystate.bench.overhead.OverheadRounds;
import io.skystate.emulators.Moto;

/**
 * Runs {@link AwsStateBench} against a moto server it starts for the run ({@link Moto#start()}: a free port, its log
 * under the {@code skystate.emulators.logs} directory) and stops after, in two rounds of opposite order
 * ({@link OverheadRounds}: {@code jmh-aws-r<round>.json}). About 4 minutes on 2 cores. Args: output directory.
 */
public final class AwsStateBenchMain {
    private AwsStateBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String out = args.length > 0 ? args[0] : "target";
        try (Moto moto = Moto.start()) {
            System.out.println("moto at " + moto.endpoint());
            OverheadRounds.run(out, "aws", AwsStateBench.class, "-Dbench.moto=" + moto.endpoint());
        }
    }
}
