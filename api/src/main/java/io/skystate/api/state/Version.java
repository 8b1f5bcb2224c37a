package io.skystate.api.state;

import io.skystate.api.Arguments;

/**
 * An opaque version of a record, changed by every successful write. Compare versions only for equality and only
 * within one provider; their content is the adapter's business (a counter, an ETag, an update time).
 */
public record Version(String value) {
    public Version {
        Arguments.notNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}
