package io.skystate.core.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.ser.Serializers;

/**
 * Jackson's {@code JavaTimeModule}, set up on the first look-up of a {@code java.time} type instead of when the
 * mapper is built: registering the module eagerly loads and initialises its ~100 (de)serializer classes and the JDK's
 * date-time formatters, about a tenth of a Lambda cold start, for payloads that often hold no time at all. Every
 * look-up the module can answer (serializers, key serializers, deserializers, key deserializers, value
 * instantiators, all keyed on a {@code java.time} class) goes to the parts {@link JavaTimeParts} recorded from the
 * real module, in the order the real module would take; other types never touch it. Thread-safe.
 */
final class LazyJavaTimeModule extends Module {
    private final JavaTimeParts parts = new JavaTimeParts();

    @Override
    public String getModuleName() {
        return "skystate-lazy-jsr310";
    }

    @Override
    public Version version() {
        return Version.unknownVersion();
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addSerializers(new TimeSerializers(parts, false));
        context.addKeySerializers(new TimeSerializers(parts, true));
        context.addDeserializers(new TimeDeserializers(parts));
        context.addKeyDeserializers(new TimeKeyDeserializers(parts));
        context.addValueInstantiators(new TimeValueInstantiators(parts));
    }

    /** Whether a {@code java.time} type has been looked up (the real module's parts recorded); for tests. */
    boolean isSetUp() {
        return parts.isRecorded();
    }

    static boolean isJavaTime(Class<?> type) {
        return type.getName().startsWith("java.time.");
    }

    /** Serializers (or key serializers) of {@code java.time} types. */
    private static final class TimeSerializers extends Serializers.Base {
        private final JavaTimeParts parts;
        private final boolean keys;

        TimeSerializers(JavaTimeParts parts, boolean keys) {
            this.parts = parts;
            this.keys = keys;
        }

        @Override
        public JsonSerializer<?> findSerializer(SerializationConfig config, JavaType type, BeanDescription beanDesc) {
            if (!isJavaTime(type.getRawClass())) {
                return null;
            }
            for (Serializers s : keys ? parts.keySerializers() : parts.serializers()) {
                JsonSerializer<?> found = s.findSerializer(config, type, beanDesc);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    /** Deserializers of {@code java.time} types (beans and enums, the kinds the module registers). */
    private static final class TimeDeserializers extends Deserializers.Base {
        private final JavaTimeParts parts;

        TimeDeserializers(JavaTimeParts parts) {
            this.parts = parts;
        }

        @Override
        public JsonDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription beanDesc) throws JsonMappingException {
            if (!isJavaTime(type.getRawClass())) {
                return null;
            }
            for (Deserializers d : parts.deserializers()) {
                JsonDeserializer<?> found = d.findBeanDeserializer(type, config, beanDesc);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        @Override
        public JsonDeserializer<?> findEnumDeserializer(Class<?> type, DeserializationConfig config,
                BeanDescription beanDesc) throws JsonMappingException {
            if (!isJavaTime(type)) {
                return null;
            }
            for (Deserializers d : parts.deserializers()) {
                JsonDeserializer<?> found = d.findEnumDeserializer(type, config, beanDesc);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }

        @Override
        public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
            return isJavaTime(valueType)
                    && parts.deserializers().stream().anyMatch(d -> d.hasDeserializerFor(config, valueType));
        }
    }

    /** Key deserializers of {@code java.time} types. */
    private static final class TimeKeyDeserializers implements KeyDeserializers {
        private final JavaTimeParts parts;

        TimeKeyDeserializers(JavaTimeParts parts) {
            this.parts = parts;
        }

        @Override
        public KeyDeserializer findKeyDeserializer(JavaType type, DeserializationConfig config,
                BeanDescription beanDesc) throws JsonMappingException {
            if (!isJavaTime(type.getRawClass())) {
                return null;
            }
            for (KeyDeserializers d : parts.keyDeserializers()) {
                KeyDeserializer found = d.findKeyDeserializer(type, config, beanDesc);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    /** Value instantiators of {@code java.time} types, chained as the mapper chains them. */
    private static final class TimeValueInstantiators extends ValueInstantiators.Base {
        private final JavaTimeParts parts;

        TimeValueInstantiators(JavaTimeParts parts) {
            this.parts = parts;
        }

        @Override
        public ValueInstantiator findValueInstantiator(DeserializationConfig config, BeanDescription beanDesc,
                ValueInstantiator defaultInstantiator) {
            if (!isJavaTime(beanDesc.getBeanClass())) {
                return defaultInstantiator;
            }
            ValueInstantiator current = defaultInstantiator;
            for (ValueInstantiators v : parts.valueInstantiators()) {
                current = v.findValueInstantiator(config, beanDesc, current);
            }
            return current;
        }
    }
}
