package io.skystate.bench.scaling;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** Appends one flat JSON object per line (keys and values given in pairs) to a file, flushed at once. */
final class Jsonl implements AutoCloseable {
    private final PrintWriter out;

    Jsonl(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING));
    }

    /** Writes {@code {"k1":v1,...}} plus the load average now; strings are quoted, numbers written as they are. */
    void write(Object... pairs) {
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < pairs.length; i += 2) {
            b.append('"').append(pairs[i]).append("\":").append(value(pairs[i + 1])).append(',');
        }
        b.append("\"load\":").append(value(loadAverage())).append('}');
        out.println(b);
        out.flush();
        System.out.println(b);
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return String.format(Locale.ROOT, "%.4f", d);
        }
        if (v instanceof Number) {
            return v.toString();
        }
        return "\"" + String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "n/a";
        }
    }

    @Override
    public void close() {
        out.close();
    }
}
