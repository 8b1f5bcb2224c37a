package io.skystate.conformance;

/** The outcome of one rule in a conformance report. */
record RuleResult(String rule, String name, Status result, String reason, long durationMs) {
    /** How a rule ended. */
    enum Status { PASSED, FAILED, GAP, ABORTED }

    /** Splits a method name such as {@code state01_jsonTypesRoundTrip} into rule id and name. */
    static String[] split(String methodName) {
        int underscore = methodName.indexOf('_');
        return underscore < 0 ? new String[] {methodName, methodName}
                : new String[] {methodName.substring(0, underscore), methodName.substring(underscore + 1)};
    }
}
