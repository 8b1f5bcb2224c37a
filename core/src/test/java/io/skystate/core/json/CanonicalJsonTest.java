package io.skystate.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8785 (JSON Canonicalization Scheme), with the number examples of its section 3.2.2.3 and appendix B. */
class CanonicalJsonTest {
    private final JacksonCodec codec = new JacksonCodec("test");

    private String canonical(String json) {
        return new String(codec.canonicalize(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0 | 0", "-0 | 0", "1.0 | 1", "1.00 | 1", "4.50 | 4.5", "2e-3 | 0.002", "0.000001 | 0.000001",
        "1e-7 | 1e-7", "1e21 | 1e+21", "1e20 | 100000000000000000000", "1e30 | 1e+30",
        "333333333.33333329 | 333333333.3333333", "9007199254740992 | 9007199254740992",
        "5e-324 | 5e-324", "1.7976931348623157e308 | 1.7976931348623157e+308", "-1.5e-10 | -1.5e-10",
        "123456789012345680000 | 123456789012345680000", "0.1 | 0.1", "100 | 100"})
    void numbersAreWrittenAsEcmaScriptDoes(String input, String expected) {
        assertThat(canonical(input)).isEqualTo(expected);
    }

    /** UTF-16 order, not code point order: U+1F600 (D83D DE00) sorts before U+FB33, as in RFC 8785's example. */
    @Test
    void membersAreSortedByUtf16CodeUnitsAndWhitespaceGoes() {
        assertThat(canonical("{ \"b\": [1, {\"z\":null, \"a\":true}], \"\\ufb33\": 3, \"a\": \"x\", \"\\u20ac\": 1,"
                + " \"\\ud83d\\ude00\": 2 }"))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":true,\"z\":null}],\"\u20ac\":1,\"\ud83d\ude00\":2,\"\ufb33\":3}");
    }

    @Test
    void stringsKeepOnlyTheMandatoryEscapes() {
        assertThat(canonical("\"\\u0041\\u00e9\\n\\u001f\\/\\\"\"")).isEqualTo("\"A\u00e9\\n\\u001f/\\\"\"");
    }

    @Test
    void equalPayloadsSpelledDifferentlyCanonicalizeAlike() {
        assertThat(canonical("{\"amount\": 1.0, \"items\": [1e2]}")).isEqualTo(canonical("{\"items\":[100],\"amount\":1.00}"));
    }
}
