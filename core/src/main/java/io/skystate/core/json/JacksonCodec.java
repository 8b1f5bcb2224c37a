package io.skystate.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import io.skystate.api.Codec;
import io.skystate.api.InvalidRequestException;
import java.io.IOException;
import java.lang.reflect.Type;

/**
 * The default {@link Codec}: Jackson with exact numbers (floating-point JSON numbers decode as {@code BigDecimal}
 * when the target is untyped, integers grow to {@code BigInteger}), ISO-8601 times, and records. Thread-safe.
 */
public final class JacksonCodec implements Codec {
    private final ObjectMapper mapper;
    private volatile ObjectMapper canonical;
    private final String provider;

    public JacksonCodec(String provider) {
        this.provider = provider;
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    @Override
    public byte[] encode(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestException(provider, "cannot encode " + value.getClass().getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    @Override
    public <T> T decode(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (IOException e) {
            throw new InvalidRequestException(provider, "cannot decode JSON as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T decode(byte[] json, Type type) {
        try {
            return mapper.readValue(json, mapper.constructType(type));
        } catch (IOException e) {
            throw new InvalidRequestException(provider, "cannot decode JSON as " + type.getTypeName() + ": " + e.getMessage(), e);
        }
    }

    /** Throws {@link InvalidRequestException} unless {@code json} is exactly one well-formed JSON value. */
    public void validate(byte[] json) {
        try (var parser = mapper.createParser(json)) {
            if (parser.nextToken() == null) {
                throw new InvalidRequestException(provider, "empty JSON document");
            }
            parser.skipChildren();
            if (parser.nextToken() != null) {
                throw new InvalidRequestException(provider, "trailing content after the JSON value");
            }
        } catch (IOException e) {
            throw new InvalidRequestException(provider, "malformed JSON: " + e.getMessage(), e);
        }
    }

    /** A canonical form (sorted object keys, no whitespace) for hashing payloads, independent of field order. */
    public byte[] canonicalize(byte[] json) {
        try {
            Object tree = mapper.readValue(json, Object.class);
            return canonicalMapper().writeValueAsBytes(tree);
        } catch (IOException e) {
            throw new InvalidRequestException(provider, "malformed JSON: " + e.getMessage(), e);
        }
    }

    /** Built on first use: a cold start that never hashes payloads does not pay for a second mapper. */
    private ObjectMapper canonicalMapper() {
        ObjectMapper current = canonical;
        if (current == null) {
            current = mapper.copy()
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY);
            canonical = current;
        }
        return current;
    }

    /** Parses JSON to a tree, for adapters that need to inspect documents. */
    public JsonNode tree(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new InvalidRequestException(provider, "malformed JSON: " + e.getMessage(), e);
        }
    }

    /** The underlying mapper, for adapters that build on it (never exposed through the API). */
    public ObjectMapper mapper() {
        return mapper;
    }
}
