package io.skystate.gcpworkflows.internal.yaml;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A node of a workflow source document (YAML or JSON) with its 1-based source position, so that problems and
 * stack traces can name a line. Immutable.
 */
public sealed interface YamlNode permits YamlNode.Scalar, YamlNode.Sequence, YamlNode.Mapping {
    int line();

    int column();

    /** A scalar: null, Boolean, Long, Double or String. */
    record Scalar(Object value, int line, int column) implements YamlNode {
    }

    record Sequence(List<YamlNode> items, int line, int column) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** A mapping with its keys in document order. */
    record Mapping(LinkedHashMap<String, YamlNode> entries, int line, int column) implements YamlNode {
        public YamlNode get(String key) {
            return entries.get(key);
        }
    }
}
