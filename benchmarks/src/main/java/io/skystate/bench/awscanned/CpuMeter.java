package io.skystate.bench.awscanned;

import io.skystate.bench.overhead.StateSide;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time of the benchmark thread per operation, per measured JMH iteration: the client-side cost without the time
 * the thread waits (for the endpoint, for the JDK's connection probe, or for a core on a loaded machine). Counts the
 * operations through {@link #count(StateSide)} / {@link #count(BulkReads)} wrappers (the same wrapper on both sides)
 * and appends one JSON line per trial to the file of {@code bench.cpuOut}, if set.
 */
final class CpuMeter {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<Double> perIteration = new ArrayList<>();
    private long ops;
    private long start;

    void startIteration() {
        ops = 0;
        start = THREADS.getCurrentThreadCpuTime();
    }

    void endIteration(boolean measured) {
        long cpu = THREADS.getCurrentThreadCpuTime() - start;
        if (measured && ops > 0) {
            perIteration.add(cpu / (double) ops);
        }
    }

    /** Appends {@code {"http":..,"impl":..,"op":..,"cpuNsPerOp":[..]}} to {@code bench.cpuOut}'s file. */
    void write(String http, String impl, String op) throws IOException {
        String out = System.getProperty("bench.cpuOut");
        if (out == null || perIteration.isEmpty()) {
            return;
        }
        String line = "{\"http\":\"" + http + "\",\"impl\":\"" + impl + "\",\"op\":\"" + op + "\",\"cpuNsPerOp\":"
                + perIteration + "}\n";
        Files.writeString(Path.of(out), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    StateSide count(StateSide side) {
        return new StateSide() {
            @Override
            public Object get(int i) {
                ops++;
                return side.get(i);
            }

            @Override
            public Object put(int i) {
                ops++;
                return side.put(i);
            }

            @Override
            public Object conditionalPut(int i, Object expected) {
                ops++;
                return side.conditionalPut(i, expected);
            }

            @Override
            public Object transaction10() {
                ops++;
                return side.transaction10();
            }

            @Override
            public void close() throws Exception {
                side.close();
            }
        };
    }

    BulkReads count(BulkReads reads) {
        return new BulkReads() {
            @Override
            public Object listPage() {
                ops++;
                return reads.listPage();
            }

            @Override
            public Object getAll100() {
                ops++;
                return reads.getAll100();
            }
        };
    }
}
