package io.skystate.api.callback;

/** Where a callback is in its life. Every state but {@link #PENDING} is final. */
public enum CallbackStatus {
    PENDING, COMPLETED, FAILED, TIMED_OUT;

    public boolean resolved() {
        return this != PENDING;
    }
}
