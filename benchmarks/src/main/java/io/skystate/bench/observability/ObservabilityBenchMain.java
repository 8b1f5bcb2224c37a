package io.skystate.bench.observability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link ObservabilityBench}, one fork per variant and benchmark, one thread, short alternating iterations
 * (plain, observed, plain, ...), and writes the JMH JSON and {@code observability.md} into the output directory.
 * For each benchmark and variant the report gives the median time per operation of the plain and of the observed
 * iterations, and the <b>paired ratio</b>: each observed iteration divided by the mean of the plain iterations just
 * before and after it, summarized as median and interquartile range. Pairing neighbouring iterations cancels the
 * load of a shared machine, which moves both sides alike; the {@code off} row (plain against plain) shows what
 * noise remains. About 6 minutes on 2 cores. Args: output directory. Properties: {@code bench.warmups} (even),
 * {@code bench.iterations} (even), {@code bench.millis} per iteration.
 */
public final class ObservabilityBenchMain {
    private static final List<String> VARIANTS = List.of("off", "metrics", "traces", "both");
    private static final List<String> BENCHMARKS = List.of("get", "put", "workflow", "decoratorOnly");

    private ObservabilityBenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target");
        int warmups = even(Integer.getInteger("bench.warmups", 10));
        int iterations = even(Integer.getInteger("bench.iterations", 60));
        long millis = Long.getLong("bench.millis", 200);
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ObservabilityBench.class.getName() + ".*")
                .forks(1).threads(1)
                .warmupIterations(warmups).warmupTime(TimeValue.milliseconds(millis))
                .measurementIterations(iterations).measurementTime(TimeValue.milliseconds(millis))
                .param("variant", VARIANTS.toArray(String[]::new))
                .jvmArgsAppend("-Xms512m", "-Xmx512m")
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh-observability.json").toString())
                .build()).run();
        StringBuilder md = new StringBuilder();
        md.append("| benchmark | variant | plain µs/op (median) | observed µs/op (median) | added µs/op (medians) |"
                + " paired ratio, median [p25–p75] | pairs |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        for (String benchmark : BENCHMARKS) {
            for (String variant : VARIANTS) {
                RunResult result = results.stream()
                        .filter(r -> r.getParams().getBenchmark().endsWith("." + benchmark))
                        .filter(r -> r.getParams().getParam("variant").equals(variant))
                        .findFirst().orElseThrow();
                md.append(row(benchmark, variant, scores(result)));
            }
        }
        Files.writeString(out.resolve("observability.md"), md.toString());
        System.out.println(md);
    }

    /** The measurement iterations' scores in order; the first is plain (the warm-up count is even). */
    private static double[] scores(RunResult result) {
        List<Double> scores = new ArrayList<>();
        result.getBenchmarkResults().forEach(b -> {
            for (IterationResult iteration : b.getIterationResults()) {
                scores.add(iteration.getPrimaryResult().getScore());
            }
        });
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String row(String benchmark, String variant, double[] scores) {
        List<Double> plain = new ArrayList<>();
        List<Double> observed = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            if (i % 2 == 0) {
                plain.add(scores[i]);
                continue;
            }
            observed.add(scores[i]);
            double before = scores[i - 1];
            double around = i + 1 < scores.length ? (before + scores[i + 1]) / 2 : before;
            ratios.add(scores[i] / around);
        }
        double plainMedian = quantile(plain, 0.5);
        double observedMedian = quantile(observed, 0.5);
        return String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %+.3f | %.2f [%.2f–%.2f] | %d |%n", benchmark,
                variant, plainMedian, observedMedian, observedMedian - plainMedian, quantile(ratios, 0.5),
                quantile(ratios, 0.25), quantile(ratios, 0.75), ratios.size());
    }

    private static double quantile(List<Double> values, double q) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = (int) Math.ceil(position);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }

    private static int even(int count) {
        return count % 2 == 0 ? count : count + 1;
    }
}
