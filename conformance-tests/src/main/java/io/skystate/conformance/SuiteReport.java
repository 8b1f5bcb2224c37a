package io.skystate.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The results of one suite against one adapter, written as JSON by hand (this module has no JSON library). */
final class SuiteReport {
    private final String adapter;
    private final String suite;
    private final List<RuleResult> rules = new ArrayList<>();
    private String error;

    SuiteReport(String adapter, String suite) {
        this.adapter = adapter;
        this.suite = suite;
    }

    synchronized void add(RuleResult result) {
        rules.add(result);
    }

    synchronized void error(String message) {
        this.error = message;
    }

    synchronized long count(RuleResult.Status status) {
        return rules.stream().filter(r -> r.result() == status).count();
    }

    /**
     * {@code conformance <adapter> <suite>: N passed, M failed, G declared gaps}, then the rules that passed despite
     * a declared gap and the aborted ones, if any.
     */
    synchronized String summary() {
        long aborted = count(RuleResult.Status.ABORTED);
        List<String> stale = rules.stream().filter(r -> r.result() == RuleResult.Status.PASSED_DESPITE_GAP)
                .map(RuleResult::rule).sorted().toList();
        return "conformance " + adapter + " " + suite + ": " + count(RuleResult.Status.PASSED) + " passed, "
                + count(RuleResult.Status.FAILED) + " failed, " + count(RuleResult.Status.GAP) + " declared gaps"
                + (stale.isEmpty() ? "" : ", " + stale.size() + " passed despite a declared gap " + stale)
                + (aborted > 0 ? ", " + aborted + " aborted" : "") + (error != null ? " (suite error: " + error + ")" : "");
    }

    synchronized String toJson() {
        StringBuilder json = new StringBuilder("{\"adapter\":").append(quote(adapter))
                .append(",\"suite\":").append(quote(suite));
        if (error != null) {
            json.append(",\"error\":").append(quote(error));
        }
        json.append(",\"rules\":[");
        List<RuleResult> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing(RuleResult::rule));
        for (int i = 0; i < sorted.size(); i++) {
            RuleResult r = sorted.get(i);
            json.append(i == 0 ? "\n  " : ",\n  ")
                    .append("{\"rule\":").append(quote(r.rule()))
                    .append(",\"name\":").append(quote(r.name()))
                    .append(",\"result\":").append(quote(r.result().name()))
                    .append(",\"reason\":").append(quote(r.reason()))
                    .append(",\"durationMs\":").append(r.durationMs()).append('}');
        }
        return json.append(sorted.isEmpty() ? "]}\n" : "\n]}\n").toString();
    }

    /** Writes {@code <dir>/<adapter>/<suite>.json} and returns its path. */
    Path write(Path dir) throws IOException {
        Path file = dir.resolve(safe(adapter)).resolve(safe(suite) + ".json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        return file;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** A JSON string literal, or {@code null}. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
