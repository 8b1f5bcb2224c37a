package io.skystate.gcpworkflows.internal.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads a YAML or JSON workflow source into {@link YamlNode}s that remember their positions. Plain scalars are
 * typed as Jackson's YAML parser types them ({@code true/True/TRUE}, {@code null}, integers, floats).
 * Stateless and thread-safe.
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {
    }

    /** Thrown when the source is not well-formed YAML; carries the position. */
    public static final class SyntaxException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        SyntaxException(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    public static YamlNode read(String source) throws SyntaxException {
        try (JsonParser parser = FACTORY.createParser(source)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new SyntaxException("the workflow source is empty", 1, 1);
            }
            YamlNode node = readValue(parser, token);
            if (parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new SyntaxException("more than one YAML document", at.getLineNr(), at.getColumnNr());
            }
            return node;
        } catch (IOException e) {
            int line = 1;
            int column = 1;
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                    && processing.getLocation() != null) {
                line = processing.getLocation().getLineNr();
                column = processing.getLocation().getColumnNr();
            }
            String message = e instanceof com.fasterxml.jackson.core.JsonProcessingException processing
                    ? processing.getOriginalMessage() : e.getMessage();
            throw new SyntaxException("malformed YAML: " + message, line, column);
        }
    }

    private static YamlNode readValue(JsonParser parser, JsonToken token) throws IOException, SyntaxException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (token) {
            case START_OBJECT: {
                LinkedHashMap<String, YamlNode> entries = new LinkedHashMap<>();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    YamlNode value = readValue(parser, parser.nextToken());
                    if (entries.containsKey(key)) {
                        throw new SyntaxException("duplicate key '" + key + "'", keyAt.getLineNr(),
                                keyAt.getColumnNr());
                    }
                    entries.put(key, value);
                }
                expect(next, JsonToken.END_OBJECT, parser);
                return new YamlNode.Mapping(entries, line, column);
            }
            case START_ARRAY: {
                List<YamlNode> items = new ArrayList<>();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY && next != null) {
                    items.add(readValue(parser, next));
                }
                expect(next, JsonToken.END_ARRAY, parser);
                return new YamlNode.Sequence(items, line, column);
            }
            case VALUE_STRING:
                return new YamlNode.Scalar(parser.getText(), line, column);
            case VALUE_NUMBER_INT:
                return new YamlNode.Scalar(parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                        ? (Object) parser.getDoubleValue() : (Object) parser.getLongValue(), line, column);
            case VALUE_NUMBER_FLOAT:
                return new YamlNode.Scalar(parser.getDoubleValue(), line, column);
            case VALUE_TRUE:
                return new YamlNode.Scalar(Boolean.TRUE, line, column);
            case VALUE_FALSE:
                return new YamlNode.Scalar(Boolean.FALSE, line, column);
            case VALUE_NULL:
                return new YamlNode.Scalar(null, line, column);
            default:
                throw new SyntaxException("unexpected YAML token " + token, line, column);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, JsonParser parser) throws SyntaxException {
        if (actual != expected) {
            JsonLocation at = parser.currentTokenLocation();
            throw new SyntaxException("unexpected end of YAML structure", at.getLineNr(), at.getColumnNr());
        }
    }
}
