package io.skystate.conformance;

/** JSON documents that catch lossy storage: big numbers, exact decimals, unicode, nesting, nulls. */
final class JsonSamples {
    static final String BIG_INTEGER = "123456789012345678901234567890";
    static final String EXACT_DECIMAL = "0.1000000000000000055511151231257827";
    static final String UNICODE = "h\u00e9llo w\u00f6rld \u4e2d\u6587 \ud83d\ude00 \u05e9\u05dc\u05d5\u05dd \"quoted\" \\ /";

    /** Nested maps and lists with every JSON type. */
    static final String DOCUMENT = """
            {"string":"%s","escaped":"tab\\tnewline\\ncontrol\\u0001",
             "int":42,"negative":-17,"zero":0,"long":9007199254740993,"big":%s,"decimal":%s,
             "exponent":6.02214076e23,"small":-1.5e-10,
             "true":true,"false":false,"nothing":null,
             "empty":{},"emptyList":[],
             "nested":{"list":[1,"two",3.5,null,true,{"deep":[[["x"]]]}],"map":{"a":{"b":{"c":"d"}}}},
             "keys with spaces and \\u00fcnicode \ud83d\ude00":"v","$dollar.dot":1}
            """.formatted(UNICODE.replace("\\", "\\\\").replace("\"", "\\\""), BIG_INTEGER, EXACT_DECIMAL);

    /** Documents that are not objects, each valid JSON at the top level. */
    static final String[] TOP_LEVEL = {
        "[1,2,3]", "\"just a string\"", "42", BIG_INTEGER, EXACT_DECIMAL, "true", "false", "null", "[]", "{}"
    };

    private JsonSamples() {
    }

    static byte[] allByteValues() {
        byte[] bytes = new byte[512];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i < 256 ? i : 511 - i);
        }
        return bytes;
    }
}
