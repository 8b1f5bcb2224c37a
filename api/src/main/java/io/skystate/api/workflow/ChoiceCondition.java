package io.skystate.api.workflow;

import io.skystate.api.Arguments;
import io.skystate.api.InvalidRequestException;
import java.math.BigDecimal;
import java.util.List;

/**
 * A test on the workflow data, for {@link Step.Choice}. Comparisons are typed by their value (paths are checked by the validator with the rest of the definition): a {@code String}
 * compares strings (by code point), a {@code BigDecimal} numbers, a {@code Boolean} booleans (equality only). A
 * comparison whose path is absent or holds another type is false. Maps one-to-one onto ASL choice rules
 * ({@code StringEquals}, {@code NumericLessThan}, {@code IsPresent}, {@code And}...).
 */
public sealed interface ChoiceCondition {
    /** Comparison operators. */
    enum Operator { EQ, LT, LE, GT, GE }

    /** {@code <path> <operator> <value>}. */
    record Compare(String path, Operator operator, Object value) implements ChoiceCondition {
        public Compare {
            Arguments.notNull(path, "path");
            Arguments.notNull(operator, "operator");
            if (!(value instanceof String || value instanceof BigDecimal || value instanceof Boolean)) {
                throw new InvalidRequestException("skystate", "compare against a String, BigDecimal or Boolean, not " + value);
            }
            if (value instanceof Boolean && operator != Operator.EQ) {
                throw new InvalidRequestException("skystate", "booleans compare with EQ only");
            }
        }
    }

    /** True when something (even JSON null) is at {@code path}, or when nothing is if {@code present} is false. */
    record IsPresent(String path, boolean present) implements ChoiceCondition {
        public IsPresent {
            Arguments.notNull(path, "path");
        }
    }

    record And(List<ChoiceCondition> all) implements ChoiceCondition {
        public And {
            all = List.copyOf(all);
            if (all.isEmpty()) {
                throw new InvalidRequestException("skystate", "And needs at least one condition");
            }
        }
    }

    record Or(List<ChoiceCondition> any) implements ChoiceCondition {
        public Or {
            any = List.copyOf(any);
            if (any.isEmpty()) {
                throw new InvalidRequestException("skystate", "Or needs at least one condition");
            }
        }
    }

    record Not(ChoiceCondition condition) implements ChoiceCondition {
        public Not {
            Arguments.notNull(condition, "condition");
        }
    }

    static ChoiceCondition stringEquals(String path, String value) {
        return new Compare(path, Operator.EQ, value);
    }

    static ChoiceCondition numeric(String path, Operator operator, double value) {
        return new Compare(path, operator, BigDecimal.valueOf(value));
    }

    static ChoiceCondition numeric(String path, Operator operator, long value) {
        return new Compare(path, operator, BigDecimal.valueOf(value));
    }

    static ChoiceCondition booleanEquals(String path, boolean value) {
        return new Compare(path, Operator.EQ, value);
    }

    static ChoiceCondition isPresent(String path) {
        return new IsPresent(path, true);
    }

    static ChoiceCondition and(ChoiceCondition... all) {
        return new And(List.of(all));
    }

    static ChoiceCondition or(ChoiceCondition... any) {
        return new Or(List.of(any));
    }

    static ChoiceCondition not(ChoiceCondition condition) {
        return new Not(condition);
    }
}
