package io.skystate.conformance;

import io.skystate.api.Capabilities;
import io.skystate.api.Capability;
import io.skystate.api.Skystate;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every suite: opens one {@link Skystate} from {@link #target()} per test class, closes it afterwards, and
 * runs rules in name order under {@link ConformanceExtension}, which applies declared gaps and writes the report.
 * Rules are {@code public final}, so a binding cannot hide a failing rule by overriding it: it declares a
 * {@link Gap} instead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.MethodName.class)
@ExtendWith(ConformanceExtension.class)
@Timeout(value = 120, unit = TimeUnit.SECONDS)
public abstract class ConformanceSuite {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private Skystate skystate;

    /** The adapter under test. */
    protected abstract ConformanceTarget target();

    @BeforeAll
    protected final void openTarget() {
        skystate = Objects.requireNonNull(target().open(), "ConformanceTarget.open() returned null");
    }

    @AfterAll
    protected final void closeTarget() {
        if (skystate != null) {
            skystate.close();
            skystate = null;
        }
    }

    /** The instance shared by the rules of this class. */
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
