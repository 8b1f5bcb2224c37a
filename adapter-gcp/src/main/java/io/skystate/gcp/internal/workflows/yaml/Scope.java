package io.skystate.gcp.internal.workflows.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * The variables of one compiled scope: the top level ({@code main}) or one parallel branch. Every scope has its own
 * names (a suffix per branch), so a branch only ever assigns variables it created itself, which Workflows keeps
 * local to the branch; the branch's result reaches the parent through shared variables.
 *
 * <p>Per scope: the workflow data, the history events not yet sent ({@code log}), a step counter and visit prefix
 * (visit ids are {@code prefix + counter}: unique in the run), whether the last step entered takes time, and
 * temporaries reused by one step after another. Immutable.
 *
 * @param suffix appended to every variable name ({@code ""} at the top level)
 * @param pathPrefix prefix of history paths of this scope's steps ({@code fan/0/} in branch 0 of {@code fan})
 * @param endStep the step to jump to when the scope ends successfully
 * @param stopFlags shared stop flags of the enclosing parallel steps (empty at the top level)
 * @param stoppedStep the step to jump to when a stop flag is set (null at the top level)
 */
record Scope(String suffix, String pathPrefix, String endStep, List<String> stopFlags, String stoppedStep) {
    Scope {
        stopFlags = List.copyOf(stopFlags);
    }

    static Scope top(String endStep) {
        return new Scope("", "", endStep, List.of(), null);
    }

    /** A branch scope inside this one. */
    Scope branch(String branchSuffix, String branchPathPrefix, String branchEnd, String stopFlag, String stopped) {
        List<String> flags = new ArrayList<>(stopFlags);
        flags.add(stopFlag);
        return new Scope(branchSuffix, branchPathPrefix, branchEnd, flags, stopped);
    }

    boolean isTop() {
        return stopFlags.isEmpty();
    }

    String data() {
        return "data" + suffix;
    }

    String log() {
        return "log" + suffix;
    }

    String counter() {
        return "n" + suffix;
    }

    String prefix() {
        return "pre" + suffix;
    }

    /** True while the last step entered takes time (task, callback, wait, parallel): a stop cancels it. */
    String lastOpen() {
        return "lo" + suffix;
    }

    String visit() {
        return "vid" + suffix;
    }

    String started() {
        return "st" + suffix;
    }

    String attempt() {
        return "att" + suffix;
    }

    String input() {
        return "inp" + suffix;
    }

    String answer() {
        return "res" + suffix;
    }

    String error() {
        return "err" + suffix;
    }

    String callbackEndpoint() {
        return "cbe" + suffix;
    }

    String event() {
        return "evt" + suffix;
    }

    /** A boolean temporary of choice conditions. */
    String flag(int index) {
        return "cf" + suffix + "_" + index;
    }

    /** The expression that is true when an enclosing parallel step has stopped its branches. */
    String stopCondition() {
        return String.join(" or ", stopFlags);
    }

    /** The history path of a step of this scope. */
    String path(String stepName) {
        return pathPrefix + stepName;
    }
}
