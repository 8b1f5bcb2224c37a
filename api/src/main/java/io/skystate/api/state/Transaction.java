package io.skystate.api.state;

import io.skystate.api.InvalidRequestException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An all-or-nothing batch of up to {@value #MAX_OPERATIONS} operations on distinct keys. Portable transactions
 * stay within one group; an adapter whose {@link io.skystate.api.Capabilities} include
 * {@link io.skystate.api.Capability#CROSS_GROUP_TRANSACTIONS} accepts several groups. Build with {@link #builder()}.
 */
public final class Transaction {
    /** The portable maximum number of operations (DynamoDB and Cosmos DB both stop at 100). */
    public static final int MAX_OPERATIONS = 100;

    private final List<TransactionOperation> operations;

    private Transaction(List<TransactionOperation> operations) {
        if (operations.isEmpty()) {
            throw new InvalidRequestException("skystate", "a transaction needs at least one operation");
        }
        if (operations.size() > MAX_OPERATIONS) {
            throw new InvalidRequestException("skystate",
                    "a transaction has " + operations.size() + " operations; the maximum is " + MAX_OPERATIONS);
        }
        Set<Key> seen = new HashSet<>();
        for (TransactionOperation op : operations) {
            if (!seen.add(op.key())) {
                throw new InvalidRequestException("skystate", "a transaction addresses " + op.key() + " twice");
            }
        }
        this.operations = List.copyOf(operations);
    }

    public static Builder builder() {
        return new Builder();
    }

    public List<TransactionOperation> operations() {
        return operations;
    }

    /** True when every operation addresses the same group. */
    public boolean singleGroup() {
        String group = operations.get(0).key().group();
        return operations.stream().allMatch(op -> op.key().group().equals(group));
    }

    /** Collects operations in order; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private final List<TransactionOperation> operations = new ArrayList<>();

        public Builder put(Key key, StateValue value, PutOptions options) {
            operations.add(new TransactionOperation.Put(key, value, options));
            return this;
        }

        public Builder put(Key key, StateValue value) {
            return put(key, value, PutOptions.always());
        }

        public Builder delete(Key key, Condition condition) {
            operations.add(new TransactionOperation.Delete(key, condition));
            return this;
        }

        public Builder check(Key key, Condition condition) {
            operations.add(new TransactionOperation.Check(key, condition));
            return this;
        }

        public Transaction build() {
            return new Transaction(operations);
        }
    }
}
