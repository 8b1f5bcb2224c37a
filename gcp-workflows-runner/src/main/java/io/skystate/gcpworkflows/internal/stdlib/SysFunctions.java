package io.skystate.gcpworkflows.internal.stdlib;

import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.optional;
import static io.skystate.gcpworkflows.internal.stdlib.Function.Param.required;

import io.skystate.gcpworkflows.internal.value.WorkflowError;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sys} module (https://cloud.google.com/workflows/docs/reference/stdlib/sys/now etc.): {@code now},
 * {@code get_env}, and the blocking {@code log}, {@code sleep}, {@code sleep_until}. Stateless.
 */
final class SysFunctions {
    private static final Set<String> SEVERITIES = Set.of("DEFAULT", "DEBUG", "INFO", "NOTICE", "WARNING", "ERROR",
            "CRITICAL", "ALERT", "EMERGENCY");

    private SysFunctions() {
    }

    static void register(Registry registry) {
        registry.add("sys.now", List.of(), (a, c) -> seconds(c.now()));
        registry.add("sys.get_env", List.of(required("name"), optional("default", null)), (a, c) -> {
            String value = c.environment().get(Args.string(a[0], "sys.get_env", "name"));
            return value != null ? value : a[1];
        });
        registry.addBlocking("sys.log", List.of(optional("data", null), optional("severity", "DEFAULT"),
                optional("text", null), optional("json", null), optional("timeout", null)), SysFunctions::log);
        registry.addBlocking("sys.sleep", List.of(required("seconds")), (a, c) -> {
            double seconds = Args.number(a[0], "sys.sleep", "seconds");
            if (seconds < 0) {
                throw WorkflowError.valueError("sys.sleep: seconds must not be negative");
            }
            c.sleep(Duration.ofNanos((long) (seconds * 1e9)));
            return null;
        });
        registry.addBlocking("sys.sleep_until", List.of(required("time")), (a, c) -> {
            Instant until = TimeFunctions.parseInstant(Args.string(a[0], "sys.sleep_until", "time"));
            Duration wait = Duration.between(c.now(), until);
            if (!wait.isNegative()) {
                c.sleep(wait);
            }
            return null;
        });
    }

    static double seconds(Instant instant) {
        return instant.getEpochSecond() + instant.getNano() / 1e9;
    }

    private static Object log(Object[] a, CallContext context) {
        String severity = Args.string(a[1], "sys.log", "severity");
        if (!SEVERITIES.contains(severity)) {
            throw WorkflowError.valueError("sys.log: unknown severity '" + severity + "'");
        }
        int given = (a[0] != null ? 1 : 0) + (a[2] != null ? 1 : 0) + (a[3] != null ? 1 : 0);
        if (given > 1) {
            throw WorkflowError.valueError("sys.log: give only one of data, text and json");
        }
        Object payload = a[0];
        if (a[2] != null) {
            payload = Args.string(a[2], "sys.log", "text");
        } else if (a[3] != null) {
            Map<String, Object> json = new LinkedHashMap<>(Args.map(a[3], "sys.log", "json"));
            payload = json;
        }
        context.log(severity, payload);
        return null;
    }
}
