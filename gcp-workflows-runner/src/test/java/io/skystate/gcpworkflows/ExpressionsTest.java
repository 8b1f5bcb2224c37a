package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Expressions: literals, variables, map and list access, operators, precedence, and the errors they raise.
 * Follows https://cloud.google.com/workflows/docs/reference/syntax/expressions and
 * https://cloud.google.com/workflows/docs/reference/syntax/datatypes (operators and their order of operations).
 */
class ExpressionsTest extends RunnerTestSupport {

    /** Literal types: https://cloud.google.com/workflows/docs/reference/syntax/datatypes */
    @Test
    void literals() {
        assertThat(eval("[1, 2.5, \"a\", true, False, TRUE, null, {\"k\": 1}]").toString())
                .isEqualTo("[1,2.5,\"a\",true,false,true,null,{\"k\":1}]");
        assertThat(eval("'single' + \"double\"").asText()).isEqualTo("singledouble");
    }

    /** Arithmetic: https://cloud.google.com/workflows/docs/reference/syntax/datatypes (order of operations) */
    @Test
    void arithmeticKeepsIntegersExceptForDivision() {
        assertThat(eval("1 + 2 * 3").asLong()).isEqualTo(7);
        assertThat(eval("(1 + 2) * 3").asLong()).isEqualTo(9);
        assertThat(eval("7 / 2").asDouble()).isEqualTo(3.5);
        assertThat(eval("7 // 2").asLong()).isEqualTo(3);
        assertThat(eval("-7 // 2").asLong()).isEqualTo(-4);
        assertThat(eval("7 % 3").asLong()).isEqualTo(1);
        assertThat(eval("1 + 0.5").asDouble()).isEqualTo(1.5);
        assertThat(eval("-(2 - 5)").asLong()).isEqualTo(3);
    }

    /** String concatenation with + only between strings: https://cloud.google.com/workflows/docs/reference/syntax/expressions */
    @Test
    void plusConcatenatesStringsButNeverConvertsImplicitly() {
        assertThat(eval("\"a\" + \"b\"").asText()).isEqualTo("ab");
        JsonNode error = evalError("\"a\" + 1");
        assertThat(tag(error)).isEqualTo("TypeError");
        assertThat(error.path("message").asText()).contains("string").contains("integer");
    }

    /** Comparisons and logical operators need booleans: https://cloud.google.com/workflows/docs/reference/syntax/datatypes */
    @Test
    void comparisonsAndLogic() {
        assertThat(eval("1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 3 and 1 == 1.0 and 1 != 2").asBoolean()).isTrue();
        assertThat(eval("\"abc\" < \"abd\"").asBoolean()).isTrue();
        assertThat(eval("not true or false").asBoolean()).isFalse();
        assertThat(eval("true AND NOT false").asBoolean()).isTrue();
        assertThat(eval("[1, {\"a\": [2]}] == [1, {\"a\": [2]}]").asBoolean()).isTrue();
        assertThat(eval("null == null").asBoolean()).isTrue();
        assertThat(eval("null == 0").asBoolean()).isFalse();
        assertThat(tag(evalError("1 and true"))).isEqualTo("TypeError");
        assertThat(tag(evalError("1 < \"a\""))).isEqualTo("TypeError");
    }

    /** Strings order by code point (as UTF-8 bytes do), so a supplementary character sorts after U+FFEF. */
    @Test
    void stringsOrderByCodePoint() {
        assertThat(eval("\"\ud83d\ude00\" > \"\uffef\"").asBoolean()).isTrue();
        assertThat(eval("\"\uffe0\" < \"\uffef\"").asBoolean()).isTrue();
        assertThat(eval("\"ab\" < \"abc\"").asBoolean()).isTrue();
    }

    /** and/or short-circuit, so a guarded key access does not raise. */
    @Test
    void logicalOperatorsShortCircuit() {
        assertThat(result("""
                - init:
                    assign:
                      - m: {}
                - r:
                    return: ${"k" in m and m.k > 1}
                """).asBoolean()).isFalse();
    }

    /** in on lists and maps: https://cloud.google.com/workflows/docs/reference/syntax/syntax-cheat-sheet */
    @Test
    void inChecksListElementsAndMapKeys() {
        assertThat(eval("2 in [1, 2, 3]").asBoolean()).isTrue();
        assertThat(eval("\"k\" in {\"k\": null}").asBoolean()).isTrue();
        assertThat(eval("\"x\" in {\"k\": 1}").asBoolean()).isFalse();
        assertThat(tag(evalError("1 in \"123\""))).isEqualTo("TypeError");
    }

    /** Map and list access and their errors: https://cloud.google.com/workflows/docs/reference/syntax/error-types */
    @Test
    void accessAndAccessErrors() {
        String source = """
                main:
                  params: [args]
                  steps:
                    - r:
                        return: ${[args.a.b[1], args["a"]["b"][0], args.list[args.i]]}
                """;
        assertThat(result(source, "{\"a\": {\"b\": [10, 20]}, \"list\": [\"x\", \"y\"], \"i\": 1}").toString())
                .isEqualTo("[20,10,\"y\"]");
        assertThat(tag(evalError("{\"a\": 1}.b"))).isEqualTo("KeyError");
        assertThat(tag(evalError("[1, 2][2]"))).isEqualTo("IndexError");
        assertThat(tag(evalError("[1, 2][-1]"))).isEqualTo("IndexError");
        assertThat(tag(evalError("[1, 2][\"0\"]"))).isEqualTo("TypeError");
        assertThat(tag(evalError("null.a"))).isEqualTo("TypeError");
    }

    /** An undefined variable is a KeyError at run time. */
    @Test
    void undefinedVariableIsKeyError() {
        JsonNode error = evalError("nowhere + 1");
        assertThat(tag(error)).isEqualTo("KeyError");
        assertThat(error.path("message").asText()).contains("nowhere");
    }

    /** Division by zero: ZeroDivisionError (https://cloud.google.com/workflows/docs/reference/syntax/error-types) */
    @Test
    void divisionByZero() {
        assertThat(tag(evalError("1 / 0"))).isEqualTo("ZeroDivisionError");
        assertThat(tag(evalError("1 // 0"))).isEqualTo("ZeroDivisionError");
        assertThat(tag(evalError("1 % 0.0"))).isEqualTo("ZeroDivisionError");
    }

    /** Integers are 64-bit (https://cloud.google.com/workflows/docs/reference/syntax/datatypes); overflow raises. */
    @Test
    void integerOverflowIsValueError() {
        assertThat(tag(evalError("9223372036854775807 + 1"))).isEqualTo("ValueError");
    }

    /** The error map shape: {"message": ..., "tags": [...]} (https://cloud.google.com/workflows/docs/reference/syntax/error-types) */
    @Test
    void runtimeErrorsAreErrorMaps() {
        JsonNode error = evalError("1 / 0");
        assertThat(error.path("message").isTextual()).isTrue();
        assertThat(error.path("tags").isArray()).isTrue();
    }

    /** Multi-line expressions: https://cloud.google.com/workflows/docs/reference/syntax/expressions */
    @Test
    void expressionsMaySpanLines() {
        assertThat(result("""
                - r:
                    return: ${"SELECT * from customers" +
                        " WHERE id=7"}
                """).asText()).isEqualTo("SELECT * from customers WHERE id=7");
    }
}
