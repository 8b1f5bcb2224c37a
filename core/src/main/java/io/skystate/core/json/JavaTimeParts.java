package io.skystate.core.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.Deserializers;
import com.fasterxml.jackson.databind.deser.KeyDeserializers;
import com.fasterxml.jackson.databind.deser.ValueInstantiators;
import com.fasterxml.jackson.databind.ser.Serializers;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What {@code JavaTimeModule.setupModule} registers, recorded on first use by running it against a recording
 * {@link Module.SetupContext}: its serializers, key serializers, deserializers, key deserializers and value
 * instantiators, each list in the order the mapper consults them (the last registered first: {@code addSerializers}
 * and the others put new ones in front).
 * Its bean (de)serializer modifiers are left out: they change {@code Month}'s handling only with
 * {@code JavaTimeFeature.ONE_BASED_MONTHS}, which {@link JacksonCodec} does not enable. Any other kind of registration
 * fails loudly, so a Jackson upgrade that adds one cannot be dropped silently. Thread-safe.
 */
final class JavaTimeParts {
    private volatile Recorded recorded;

    private record Recorded(List<Serializers> serializers, List<Serializers> keySerializers,
            List<Deserializers> deserializers, List<KeyDeserializers> keyDeserializers,
            List<ValueInstantiators> valueInstantiators) {
    }

    boolean isRecorded() {
        return recorded != null;
    }

    List<Serializers> serializers() {
        return recorded().serializers();
    }

    List<Serializers> keySerializers() {
        return recorded().keySerializers();
    }

    List<Deserializers> deserializers() {
        return recorded().deserializers();
    }

    List<KeyDeserializers> keyDeserializers() {
        return recorded().keyDeserializers();
    }

    List<ValueInstantiators> valueInstantiators() {
        return recorded().valueInstantiators();
    }

    private Recorded recorded() {
        Recorded r = recorded;
        if (r == null) {
            synchronized (this) {
                r = recorded;
                if (r == null) {
                    r = record();
                    recorded = r;
                }
            }
        }
        return r;
    }

    private static Recorded record() {
        List<Serializers> serializers = new ArrayList<>();
        List<Serializers> keySerializers = new ArrayList<>();
        List<Deserializers> deserializers = new ArrayList<>();
        List<KeyDeserializers> keyDeserializers = new ArrayList<>();
        List<ValueInstantiators> valueInstantiators = new ArrayList<>();
        Module.SetupContext context = (Module.SetupContext) Proxy.newProxyInstance(
                JavaTimeParts.class.getClassLoader(), new Class<?>[] {Module.SetupContext.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "addSerializers" -> serializers.add(0, (Serializers) args[0]);
                        case "addKeySerializers" -> keySerializers.add(0, (Serializers) args[0]);
                        case "addDeserializers" -> deserializers.add(0, (Deserializers) args[0]);
                        case "addKeyDeserializers" -> keyDeserializers.add(0, (KeyDeserializers) args[0]);
                        case "addValueInstantiators" -> valueInstantiators.add(0, (ValueInstantiators) args[0]);
                        case "addBeanSerializerModifier", "addBeanDeserializerModifier" -> {
                            // only active with ONE_BASED_MONTHS (see the class comment)
                        }
                        case "getMapperVersion" -> {
                            return Version.unknownVersion();
                        }
                        case "getTypeFactory" -> {
                            return TypeFactory.defaultInstance();
                        }
                        default -> throw new UnsupportedOperationException(
                                "JavaTimeModule registered something the lazy set-up does not forward: " + method);
                    }
                    return null;
                });
        new JavaTimeModule().setupModule(context);
        return new Recorded(Collections.unmodifiableList(serializers), Collections.unmodifiableList(keySerializers),
                Collections.unmodifiableList(deserializers), Collections.unmodifiableList(keyDeserializers),
                Collections.unmodifiableList(valueInstantiators));
    }
}
