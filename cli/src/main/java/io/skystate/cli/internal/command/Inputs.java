package io.skystate.cli.internal.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.CliException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reads what commands take as arguments: JSON inline or from a file ({@code -} is standard input), times and durations. */
final class Inputs {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Inputs() {
    }

    /** The UTF-8 JSON of {@code inline}, else of {@code file}, else {@code fallback}; checked to be well-formed. */
    static byte[] json(String inline, Path file, String fallback, String what) {
        String text = inline != null ? inline : file != null ? read(file) : fallback;
        try {
            MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new CliException(ExitCode.INVALID, what + " is not valid JSON: " + e.getOriginalMessage());
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String read(Path file) {
        try {
            return file.toString().equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static byte[] readBytes(Path file) {
        try {
            return file.toString().equals("-") ? System.in.readAllBytes() : Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CliException(ExitCode.FAILURE, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** A duration as ISO-8601 ({@code PT5M}) or shorthand ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                case 'd' -> Duration.ofDays(n);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw new CliException(ExitCode.USAGE, "not a duration: '" + text + "' (use 500ms, 30s, 5m, 2h, 1d or PT5M)");
        }
    }

    /** An instant as ISO-8601, or a duration meaning that long ago ({@code 1h} = an hour before {@code now}). */
    static Instant instant(String text, Instant now) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            return now.minus(duration(text));
        }
    }
}
