package io.skystate.conformance;

import java.util.Locale;
import java.util.Objects;

/**
 * A rule an adapter knowingly does not meet. {@link Kind#CAPABILITY} gaps are permanent limits of the provider;
 * {@link Kind#EMULATOR} gaps apply only to the local emulator a binding runs against and must disappear against the
 * real cloud. Every gap names the rule, why, and a reference (issue, provider documentation) someone can check.
 */
public record Gap(String ruleId, Kind kind, String reason, String reference) {
    /** Why a rule does not apply. */
    public enum Kind { CAPABILITY, EMULATOR }

    public Gap {
        Objects.requireNonNull(ruleId, "ruleId");
        if (!ruleId.matches("[a-z][A-Za-z]*\\d+")) {
            throw new IllegalArgumentException("a rule id is a lower-case prefix and a number, like 'state07': " + ruleId);
        }
        Objects.requireNonNull(kind, "kind");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("gap " + ruleId + " needs a reason");
        }
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("gap " + ruleId + " needs a reference (URL or ticket)");
        }
    }

    public static Gap capability(String ruleId, String reason, String reference) {
        return new Gap(ruleId, Kind.CAPABILITY, reason, reference);
    }

    public static Gap emulator(String ruleId, String reason, String reference) {
        return new Gap(ruleId, Kind.EMULATOR, reason, reference);
    }

    /** The text a skipped rule is reported with: {@code declared <kind> gap: <reason> (<reference>)}. */
    public String describe() {
        return "declared " + kind.name().toLowerCase(Locale.ROOT) + " gap: " + reason + " (" + reference + ")";
    }
}
