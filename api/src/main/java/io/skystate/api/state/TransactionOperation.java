package io.skystate.api.state;

import io.skystate.api.Arguments;
import io.skystate.api.InvalidRequestException;

/** One operation of a {@link Transaction}: a put, a delete, or a condition check that writes nothing. */
public sealed interface TransactionOperation {
    /** The record this operation addresses. */
    Key key();

    /** Writes {@code value} if {@code options.condition()} holds. */
    record Put(Key key, StateValue value, PutOptions options) implements TransactionOperation {
        public Put {
            Arguments.notNull(key, "key");
            Arguments.notNull(value, "value");
            Arguments.notNull(options, "options");
        }
    }

    /** Deletes the record if {@code condition} holds; deleting an absent record with no condition succeeds. */
    record Delete(Key key, Condition condition) implements TransactionOperation {
        public Delete {
            Arguments.notNull(key, "key");
            Arguments.notNull(condition, "condition");
        }
    }

    /** Fails the transaction unless {@code condition} holds; writes nothing. */
    record Check(Key key, Condition condition) implements TransactionOperation {
        public Check {
            Arguments.notNull(key, "key");
            Arguments.notNull(condition, "condition");
            if (condition.kind() == Condition.Kind.NONE) {
                throw new InvalidRequestException("skystate", "a check needs a condition");
            }
        }
    }
}
