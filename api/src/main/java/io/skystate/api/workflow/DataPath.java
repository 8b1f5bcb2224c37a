package io.skystate.api.workflow;

import io.skystate.api.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The portable path syntax: {@code $} (the whole document), then any number of {@code .field} (a letter or
 * {@code _} followed by letters, digits and {@code _}) and {@code [index]} segments, e.g. {@code $.order.items[0].sku}.
 * It is the common subset of ASL reference paths, Cloud Workflows expressions and what a Durable orchestrator can
 * address in code. Paths are validated with the definition.
 */
public final class DataPath {
    private static final Pattern SYNTAX = Pattern.compile("\\$((\\.[A-Za-z_][A-Za-z0-9_]*)|(\\[[0-9]{1,6}\\]))*");

    private DataPath() {
    }

    public static boolean isValid(String path) {
        return path != null && SYNTAX.matcher(path).matches();
    }

    public static void validate(String path) {
        if (!isValid(path)) {
            throw new InvalidRequestException("skystate", "invalid data path '" + path + "': use $, $.field, $.list[0]");
        }
    }

    /** The path's segments: field names as strings, indexes as integers. {@code $} has none. */
    public static List<Object> segments(String path) {
        validate(path);
        List<Object> segments = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            if (path.charAt(i) == '.') {
                int end = i + 1;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                segments.add(path.substring(i + 1, end));
                i = end;
            } else {
                int end = path.indexOf(']', i);
                segments.add(Integer.parseInt(path.substring(i + 1, end)));
                i = end + 1;
            }
        }
        return segments;
    }
}
