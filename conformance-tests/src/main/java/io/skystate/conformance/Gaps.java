package io.skystate.conformance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The gaps a {@link ConformanceTarget} declares, at most one per rule. Immutable; build with {@link #builder()}. */
public final class Gaps {
    private static final Gaps NONE = new Gaps(Map.of());

    private final Map<String, Gap> byRule;

    private Gaps(Map<String, Gap> byRule) {
        this.byRule = Collections.unmodifiableMap(new LinkedHashMap<>(byRule));
    }

    /** No gaps: the target claims every rule. */
    public static Gaps none() {
        return NONE;
    }

    public static Gaps of(Gap... gaps) {
        Builder builder = builder();
        for (Gap gap : gaps) {
            builder.add(gap);
        }
        return builder.build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The gap declared for {@code ruleId} (such as {@code "state07"}), if any. */
    public Optional<Gap> find(String ruleId) {
        return Optional.ofNullable(byRule.get(ruleId));
    }

    /** Every declared gap, in declaration order. */
    public List<Gap> all() {
        return List.copyOf(byRule.values());
    }

    public boolean isEmpty() {
        return byRule.isEmpty();
    }

    @Override
    public String toString() {
        return "Gaps" + byRule.keySet();
    }

    /** Collects gaps; declaring two gaps for one rule is an error. Not thread-safe. */
    public static final class Builder {
        private final List<Gap> gaps = new ArrayList<>();

        private Builder() {
        }

        public Builder add(Gap gap) {
            gaps.add(gap);
            return this;
        }

        public Builder capability(String ruleId, String reason, String reference) {
            return add(Gap.capability(ruleId, reason, reference));
        }

        public Builder emulator(String ruleId, String reason, String reference) {
            return add(Gap.emulator(ruleId, reason, reference));
        }

        public Gaps build() {
            Map<String, Gap> byRule = new LinkedHashMap<>();
            for (Gap gap : gaps) {
                if (byRule.putIfAbsent(gap.ruleId(), gap) != null) {
                    throw new IllegalArgumentException("two gaps declared for rule " + gap.ruleId());
                }
            }
            return byRule.isEmpty() ? NONE : new Gaps(byRule);
        }
    }
}
