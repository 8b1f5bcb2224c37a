package io.skystate.cli.internal.output;

/** How results are printed: aligned columns for people, JSON for scripts ({@code --output}). */
public enum Format {
    TABLE, JSON
}
