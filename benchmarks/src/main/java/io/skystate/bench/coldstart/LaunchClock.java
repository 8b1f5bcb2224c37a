package io.skystate.bench.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * The timing points every cold-start launcher reports, and its request I/O: created first thing in {@code main}, it
 * notes when the entry point is open, runs an optional priming step, reads the one request line from stdin, writes
 * the response line to stdout and, with {@code -Dbench.timing=true}, writes {@code timing main=<ms> open=<ms>
 * response=<ms> prime_us=<µs> request_us=<µs>} (epoch milliseconds; priming and first-request durations) to stderr
 * for the report. JDK only, so that every launcher's jar, the hand-written baselines' included, carries the same
 * class. Not thread-safe: one per launch.
 */
final class LaunchClock {
    /** A priming step, such as a CRaC resource's {@code beforeCheckpoint}. */
    interface Priming {
        void run() throws Exception;
    }

    private final long main;
    private long open;
    private long primeMicros;
    private long requestStart;

    private LaunchClock(long main) {
        this.main = main;
    }

    static LaunchClock start() {
        return new LaunchClock(System.currentTimeMillis());
    }

    /** The entry point is constructed (the function's init is over). */
    void opened() {
        open = System.currentTimeMillis();
    }

    /** Runs {@code priming} if {@code -Dbench.prime=true}, timing it. */
    void prime(Priming priming) throws Exception {
        long start = System.nanoTime();
        if (Boolean.getBoolean("bench.prime")) {
            priming.run();
        }
        primeMicros = (System.nanoTime() - start) / 1000;
    }

    /** Starts the first request: reads its one line from stdin. */
    String readRequest() throws IOException {
        requestStart = System.nanoTime();
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    /** Ends the first request: writes the response line to stdout, then the timing line if asked for. */
    void respond(String response) {
        System.out.println(response);
        System.out.flush();
        long requestMicros = (System.nanoTime() - requestStart) / 1000;
        long responded = System.currentTimeMillis();
        if (Boolean.getBoolean("bench.timing")) {
            System.err.println("timing main=" + main + " open=" + open + " response=" + responded + " prime_us="
                    + primeMicros + " request_us=" + requestMicros);
            System.err.flush();
        }
    }
}
