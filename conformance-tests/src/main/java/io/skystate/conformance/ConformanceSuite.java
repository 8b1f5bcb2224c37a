package io.skystate.conformance;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.Skystate;
import java.security.SecureRandom;
import java.util.Objects;
import org.junit.jupiter.api.Assumptions;

/**
 * Base of every suite. A suite is a set of {@link ConformanceRule rules} that share one {@link Skystate} opened from
 * the bound {@link ConformanceTarget}; {@link Conformance} binds, opens, runs the rules in name order and closes it.
 * Rules are {@code public final}, so a binding cannot hide a failing rule by overriding it: it declares a
 * {@link Gap} instead. Suites are run by one thread at a time.
 */
public abstract class ConformanceSuite {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private ConformanceTarget target;
    private Skystate skystate;

    /** Binds the suite to {@code target}; called once, before {@link #open()}. */
    final void bind(ConformanceTarget bound) {
        if (target != null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is already bound to " + target.adapterId());
        }
        this.target = Objects.requireNonNull(bound, "target");
    }

    final void open() {
        skystate = Objects.requireNonNull(target().open(), "ConformanceTarget.open() returned null");
    }

    final void close() {
        if (skystate != null) {
            skystate.close();
            skystate = null;
        }
    }

    /** Runs before each rule; a suite overrides it to check a precondition shared by all its rules. */
    protected void beforeEachRule() {
    }

    /** The adapter under test. */
    protected final ConformanceTarget target() {
        if (target == null) {
            throw new IllegalStateException(getClass().getSimpleName() + " is not bound: run it through Conformance");
        }
        return target;
    }

    /** How long to wait on the target. */
    protected final Timing timing() {
        return target().timing();
    }

    /** The instance shared by the rules of this suite. */
    protected final Skystate skystate() {
        if (skystate == null) {
            throw new IllegalStateException("the suite's Skystate is not open");
        }
        return skystate;
    }

    protected final Capabilities capabilities() {
        return skystate().capabilities();
    }

    /** Skips the rule, reported as a capability gap, unless the target offers {@code capability}. */
    protected final void requireCapability(Capability capability) {
        Assumptions.assumeTrue(capabilities().has(capability), capabilityGapReason(capability));
    }

    static String capabilityGapReason(Capability capability) {
        return "capability " + capability + " not offered";
    }

    /** A portable store or queue name (also fine as a group or handler name) unique to this run. */
    protected static String unique(String prefix) {
        StringBuilder name = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 10; i++) {
            name.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return name.toString();
    }
}
