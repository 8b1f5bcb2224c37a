package io.skystate.aws.internal.asl;

/**
 * Names of generated states: {@code __skystate_<step>_<suffix>}, shortened to {@code __skystate_<n>_<suffix>} when
 * longer than ASL's 80 characters. One instance per compilation (it numbers the shortened names).
 */
final class StateNames {
    private int generated;

    String name(String step, String suffix) {
        return shorten(AslCompiler.PREFIX + step + "_" + suffix);
    }

    String shorten(String name) {
        if (name.length() <= AslCompiler.MAX_STATE_NAME) {
            return name;
        }
        String suffix = name.substring(name.lastIndexOf('_') + 1);
        return AslCompiler.PREFIX + (++generated) + "_" + suffix;
    }
}
