package io.skystate.gcpworkflows.internal.stdlib;

import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * What standard library functions may use of the running execution. Implemented by the interpreter; one instance
 * may be used from the threads of parallel branches, so implementations are thread-safe.
 */
public interface CallContext {
    /** The built-in {@code sys.get_env} variables and user variables of the execution. */
    Map<String, String> environment();

    /** Records a log entry ({@code sys.log} and the runner's own notes) with a severity such as {@code INFO}. */
    void log(String severity, Object payload);

    /** Waits, waking early with a cancellation signal if the execution (or branch) is cancelled. */
    void sleep(Duration duration);

    Instant now();

    HttpClient httpClient();

    /** Throws the interpreter's cancellation signal if the execution (or branch) was cancelled; else returns. */
    void checkCancelled();

    /** Callback endpoints of this execution ({@code events.*}). */
    Callbacks callbacks();
}
