package io.skystate.conformance;

/** The outcome of one rule in a conformance report. */
record RuleResult(String rule, String name, Status result, String reason, long durationMs) {
    /** How a rule ended. */
    enum Status {
        /** The rule ran and held. */
        PASSED,
        /** The rule ran and held although the target declares a gap for it: the gap may be stale. */
        PASSED_DESPITE_GAP,
        /** The rule ran and failed. */
        FAILED,
        /** The rule failed (or needs a capability the target lacks) and the target declares why. */
        GAP,
        /** The rule could not run for a reason nobody declared. */
        ABORTED
    }

    /** Splits a method name such as {@code state01_jsonTypesRoundTrip} into rule id and name. */
    static String[] split(String methodName) {
        int underscore = methodName.indexOf('_');
        return underscore < 0 ? new String[] {methodName, methodName}
                : new String[] {methodName.substring(0, underscore), methodName.substring(underscore + 1)};
    }
}
