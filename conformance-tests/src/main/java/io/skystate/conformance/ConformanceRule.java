package io.skystate.conformance;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a rule of a {@link ConformanceSuite}: a {@code public final void} method without parameters named
 * {@code <prefix><NN>_<what>}, whose Javadoc states the guarantee. {@link Conformance} runs rules in name order.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ConformanceRule {
}
