package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.optional;
import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.Bytes;
import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code text} module (https://cloud.google.com/workflows/docs/reference/stdlib/text/find_all etc.). Indexes
 * count Unicode code points. Regular expressions use Java syntax, which covers the RE2 syntax Workflows documents
 * for common patterns. Stateless.
 */
final class TextFunctions {
    private TextFunctions() {
    }

    static void register(Registry registry) {
        registry.add("text.find_all", List.of(required("source"), required("substr")), (a, c) ->
                findAll(str(a[0], "text.find_all", "source"), Pattern.quote(str(a[1], "text.find_all", "substr"))));
        registry.add("text.find_all_regex", List.of(required("source"), required("regex")), (a, c) ->
                findAll(str(a[0], "text.find_all_regex", "source"), str(a[1], "text.find_all_regex", "regex")));
        registry.add("text.match_regex", List.of(required("source"), required("regex")), (a, c) ->
                compile(str(a[1], "text.match_regex", "regex")).matcher(str(a[0], "text.match_regex", "source"))
                        .find());
        registry.add("text.replace_all", List.of(required("source"), required("substr"), required("repl")),
                (a, c) -> str(a[0], "text.replace_all", "source").replace(str(a[1], "text.replace_all", "substr"),
                        str(a[2], "text.replace_all", "repl")));
        registry.add("text.replace_all_regex", List.of(required("source"), required("regex"), required("repl")),
                (a, c) -> compile(str(a[1], "text.replace_all_regex", "regex"))
                        .matcher(str(a[0], "text.replace_all_regex", "source"))
                        .replaceAll(str(a[2], "text.replace_all_regex", "repl").replace("\\", "\\\\")
                                .replace("$", "\\$")));
        registry.add("text.split", List.of(required("source"), required("separator")), (a, c) ->
                split(str(a[0], "text.split", "source"), str(a[1], "text.split", "separator")));
        registry.add("text.substring", List.of(required("source"), required("start"), required("end")),
                (a, c) -> substring(str(a[0], "text.substring", "source"),
                        Args.integer(a[1], "text.substring", "start"), Args.integer(a[2], "text.substring", "end")));
        registry.add("text.to_lower", List.of(required("source")),
                (a, c) -> str(a[0], "text.to_lower", "source").toLowerCase(Locale.ROOT));
        registry.add("text.to_upper", List.of(required("source")),
                (a, c) -> str(a[0], "text.to_upper", "source").toUpperCase(Locale.ROOT));
        registry.add("text.encode", List.of(required("text"), optional("charset", "UTF-8")), (a, c) ->
                new Bytes(str(a[0], "text.encode", "text").getBytes(charset(a[1], "text.encode"))));
        registry.add("text.decode", List.of(required("data"), optional("charset", "UTF-8")), (a, c) ->
                new String(Args.bytes(a[0], "text.decode", "data").toArray(), charset(a[1], "text.decode")));
        registry.add("text.url_encode", List.of(required("source")), (a, c) ->
                URLEncoder.encode(str(a[0], "text.url_encode", "source"), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
        registry.add("text.url_encode_plus", List.of(required("source")), (a, c) ->
                URLEncoder.encode(str(a[0], "text.url_encode_plus", "source"), StandardCharsets.UTF_8));
        registry.add("text.url_decode", List.of(required("source")), (a, c) -> {
            try {
                return URLDecoder.decode(str(a[0], "text.url_decode", "source"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw WorkflowError.valueError("text.url_decode: " + e.getMessage());
            }
        });
    }

    private static String str(Object value, String function, String param) {
        return Args.string(value, function, param);
    }

    private static Pattern compile(String regex) {
        try {
            return Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw WorkflowError.valueError("invalid regular expression: " + e.getDescription());
        }
    }

    private static List<Object> findAll(String source, String regex) {
        List<Object> matches = new ArrayList<>();
        Matcher matcher = compile(regex).matcher(source);
        while (matcher.find()) {
            Map<String, Object> match = new LinkedHashMap<>();
            match.put("index", (long) source.codePointCount(0, matcher.start()));
            match.put("match", matcher.group());
            matches.add(match);
            if (matcher.end() == matcher.start() && matcher.end() >= source.length()) {
                break;
            }
        }
        return matches;
    }

    private static List<Object> split(String source, String separator) {
        if (separator.isEmpty()) {
            throw WorkflowError.valueError("text.split: the separator must not be empty");
        }
        List<Object> parts = new ArrayList<>();
        int from = 0;
        int at;
        while ((at = source.indexOf(separator, from)) >= 0) {
            parts.add(source.substring(from, at));
            from = at + separator.length();
        }
        parts.add(source.substring(from));
        return parts;
    }

    /** Code point positions {@code [start, end)}, clamped to the string; an empty string when start >= end. */
    private static String substring(String source, long start, long end) {
        int length = source.codePointCount(0, source.length());
        int from = (int) Math.max(0, Math.min(start, length));
        int to = (int) Math.max(0, Math.min(end, length));
        if (from >= to) {
            return "";
        }
        return source.substring(source.offsetByCodePoints(0, from), source.offsetByCodePoints(0, to));
    }

    private static Charset charset(Object name, String function) {
        String charset = str(name, function, "charset");
        try {
            return Charset.forName(charset);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw WorkflowError.valueError(function + ": unsupported charset '" + charset + "'");
        }
    }
}
