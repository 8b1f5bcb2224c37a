package io.skystate.core.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
    private final String provider;

    public JacksonCodec(String provider) {
        this.provider = provider;
        this.mapper = JsonMapper.builder()
                .addModule(new LazyJavaTimeModule()) // JavaTimeModule, set up on its first java.time type
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

    /**
     * The RFC 8785 canonical form ({@link CanonicalJson}) for hashing payloads: independent of member order,
     * whitespace and number spelling ({@code 1.0} and {@code 1.00} hash alike).
     */
    public byte[] canonicalize(byte[] json) {
        try {
            return CanonicalJson.canonicalize(mapper.readTree(json));
        } catch (IOException e) {
            throw new InvalidRequestException(provider, "malformed JSON: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(provider, e.getMessage(), e);
        }
    }

    /** Parses JSON to a tree, for adapters that need to inspect documents. */
    public JsonNode tree(byte[] json) {
        try {
            return mapper.readTree(json);
        } catch (IOException e) {
            throw new InvalidRequestException(provider, "malformed JSON: " + e.getMessage(), e);
        }
    }

    /**
     * Builds and caches the deserializer of {@code decodeType} and the serializer of {@code encodeType} without
     * decoding or encoding anything, so a later {@link #decode} / {@link #encode} of these types skips Jackson's
     * reflective introspection: start-up priming (a SnapStart/CRaC checkpoint, a function's init phase).
     */
    public void prepare(Class<?> decodeType, Class<?> encodeType) {
        mapper.readerFor(decodeType); // fetches the root deserializer eagerly (EAGER_DESERIALIZER_FETCH), cached
        try {
            mapper.getSerializerProviderInstance().findTypedValueSerializer(encodeType, true, null);
        } catch (JsonMappingException e) {
            throw new InvalidRequestException(provider, "cannot encode " + encodeType.getName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The underlying mapper, for adapters that build on it (never exposed through the API). */
    public ObjectMapper mapper() {
        return mapper;
    }
}
