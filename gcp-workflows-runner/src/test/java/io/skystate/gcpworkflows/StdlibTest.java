package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Standard library functions: https://cloud.google.com/workflows/docs/reference/stdlib/overview */
class StdlibTest extends RunnerTestSupport {

    /** Expression helpers: https://cloud.google.com/workflows/docs/reference/stdlib/expression-helpers */
    @Test
    void expressionHelpers() {
        assertThat(eval("[default(null, 1), default(2, 1), keys({\"a\": 1, \"b\": 2}), len(\"héllo\"), len([1]),"
                + " len({\"a\": 1}), int(\"42\"), int(2.7), int(-2.7), double(\"2.5\"), double(3), string(1.5),"
                + " string(7), string(true), if(1 < 2, \"yes\", \"no\")]").toString())
                .isEqualTo("[1,2,[\"a\",\"b\"],5,1,1,42,2,-2,2.5,3.0,\"1.5\",\"7\",\"true\",\"yes\"]");
        assertThat(eval("[get_type(1), get_type(1.0), get_type(\"s\"), get_type(true), get_type(null),"
                + " get_type([]), get_type({}), get_type(text.encode(\"x\"))]").toString())
                .isEqualTo("[\"integer\",\"double\",\"string\",\"boolean\",\"null\",\"list\",\"map\",\"bytes\"]");
        assertThat(tag(evalError("int(\"x\")"))).isEqualTo("ValueError");
        assertThat(tag(evalError("keys([1])"))).isEqualTo("TypeError");
    }

    /** map.get, map.delete, map.merge, map.merge_nested: https://cloud.google.com/workflows/docs/reference/stdlib/map/get */
    @Test
    void mapFunctions() {
        assertThat(eval("[map.get({\"a\": {\"b\": 1}}, [\"a\", \"b\"]), map.get({\"a\": 1}, \"x\"),"
                + " map.delete({\"a\": 1, \"b\": 2}, \"a\"), map.merge({\"a\": {\"x\": 1}}, {\"a\": {\"y\": 2}}),"
                + " map.merge_nested({\"a\": {\"x\": 1}}, {\"a\": {\"y\": 2}})]").toString())
                .isEqualTo("[1,null,{\"b\":2},{\"a\":{\"y\":2}},{\"a\":{\"x\":1,\"y\":2}}]");
    }

    /** list.concat and list.prepend: https://cloud.google.com/workflows/docs/reference/stdlib/list/concat */
    @Test
    void listFunctions() {
        assertThat(eval("[list.concat([1], 2), list.prepend([1], 0), list.concat([], [1])]").toString())
                .isEqualTo("[[1,2],[0,1],[[1]]]");
    }

    /** json.*: https://cloud.google.com/workflows/docs/reference/stdlib/json/decode */
    @Test
    void jsonFunctions() {
        assertThat(eval("[json.decode(\"{\\\"a\\\": [1, 2.5]}\"), json.encode_to_string({\"a\": null}),"
                + " json.decode(json.encode([true]))]").toString())
                .isEqualTo("[{\"a\":[1,2.5]},\"{\\\"a\\\":null}\",[true]]");
        assertThat(tag(evalError("json.decode(\"{\")"))).isEqualTo("ValueError");
    }

    /** text.*: https://cloud.google.com/workflows/docs/reference/stdlib/text/find_all */
    @Test
    void textFunctions() {
        assertThat(eval("[text.find_all(\"abab\", \"b\"), text.split(\"a,b,,c\", \",\"), text.substring(\"hello\", 1, 3),"
                + " text.to_lower(\"AbC\"), text.to_upper(\"abc\"), text.replace_all(\"a.a\", \".\", \"-\"),"
                + " text.decode(text.encode(\"é\")), text.match_regex(\"abc123\", \"[0-9]+\"),"
                + " text.replace_all_regex(\"a1b22\", \"[0-9]+\", \"#\"), text.url_encode(\"a b&c\")]").toString())
                .isEqualTo("[[{\"index\":1,\"match\":\"b\"},{\"index\":3,\"match\":\"b\"}],[\"a\",\"b\",\"\",\"c\"],"
                        + "\"el\",\"abc\",\"ABC\",\"a-a\",\"é\",true,\"a#b#\",\"a%20b%26c\"]");
    }

    /** base64.*: https://cloud.google.com/workflows/docs/reference/stdlib/base64/encode */
    @Test
    void base64Functions() {
        assertThat(eval("[base64.encode(text.encode(\"hi\")), text.decode(base64.decode(\"aGk=\")),"
                + " base64.encode(text.encode(\"h\"), false)]").toString()).isEqualTo("[\"aGk=\",\"hi\",\"aA\"]");
    }

    /** math.*: https://cloud.google.com/workflows/docs/reference/stdlib/math/abs */
    @Test
    void mathFunctions() {
        assertThat(eval("[math.abs(-2), math.abs(-2.5), math.floor(2.7), math.floor(-2.5), math.max(1, 2.5),"
                + " math.min(1, 2)]").toString()).isEqualTo("[2,2.5,2,-3,2.5,1]");
    }

    /** time.format and time.parse (https://cloud.google.com/workflows/docs/reference/stdlib/time/format), uuid.generate, sys.now. */
    @Test
    void timeUuidAndNow() {
        assertThat(eval("[time.format(0), time.format(1.5), time.parse(\"1970-01-01T00:00:10Z\"),"
                + " time.format(0, \"Europe/Paris\")]").toString())
                .isEqualTo("[\"1970-01-01T00:00:00Z\",\"1970-01-01T00:00:01.5Z\",10.0,\"1970-01-01T01:00:00+01:00\"]");
        assertThat(eval("uuid.generate()").asText()).matches("[0-9a-f-]{36}");
        assertThat(eval("sys.now()").asDouble()).isGreaterThan(1.7e9);
    }

    /** sys.get_env names the execution: https://cloud.google.com/workflows/docs/reference/stdlib/sys/get_env */
    @Test
    void sysGetEnv() {
        ExecutionOutcome outcome = runner.execute("""
                - r:
                    return: ${[sys.get_env("GOOGLE_CLOUD_PROJECT_ID"), sys.get_env("GOOGLE_CLOUD_LOCATION"),
                        sys.get_env("GOOGLE_CLOUD_WORKFLOW_ID"), sys.get_env("GOOGLE_CLOUD_WORKFLOW_EXECUTION_ID"),
                        sys.get_env("NOT_SET", "fallback")]}
                """, null);
        String[] parts = outcome.name().split("/");
        assertThat(outcome.result()).isEqualTo("[\"local-project\",\"us-central1\",\"" + parts[5] + "\",\""
                + parts[7] + "\",\"fallback\"]");
    }

    /** sys.log records entries with a severity: https://cloud.google.com/workflows/docs/reference/stdlib/sys/log */
    @Test
    void sysLog() {
        List<LogEntry> seen = new ArrayList<>();
        try (WorkflowsRunner own = WorkflowsRunner.start(RunnerOptions.builder().logSink(seen::add).build())) {
            ExecutionOutcome outcome = own.execute("""
                    - a:
                        call: sys.log
                        args:
                          text: "hello"
                          severity: WARNING
                    - b:
                        call: sys.log
                        args:
                          json: {"k": 1}
                    """, null);
            assertThat(outcome.logs()).containsExactly(new LogEntry("WARNING", "hello"),
                    new LogEntry("DEFAULT", "{\"k\":1}"));
            assertThat(seen).isEqualTo(outcome.logs());
        }
        assertThat(tag(error("- a:\n    call: sys.log\n    args:\n      text: x\n      severity: LOUD\n")))
                .isEqualTo("ValueError");
    }

    /** sys.sleep waits: https://cloud.google.com/workflows/docs/reference/stdlib/sys/sleep */
    @Test
    void sysSleepAndSleepUntil() {
        assertThat(result("""
                - start:
                    assign:
                      - t0: ${sys.now()}
                - nap:
                    call: sys.sleep
                    args:
                      seconds: 0.05
                - until:
                    call: sys.sleep_until
                    args:
                      time: ${time.format(sys.now() + 0.02)}
                - r:
                    return: ${sys.now() - t0 >= 0.05}
                """).asBoolean()).isTrue();
    }
}
