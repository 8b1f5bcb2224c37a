package io.skystate.core.workflow.ops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The invocation ids of workflow handler calls ({@link io.skystate.api.handler.InvocationContext#invocationId()}),
 * one format on every engine:
 * <pre>
 *   &lt;instanceId&gt;/&lt;stepPath&gt;@&lt;execution&gt;           a task or awaitCallback call
 *   &lt;instanceId&gt;/&lt;stepPath&gt;@compensation-&lt;n&gt;     the n-th compensation recorded in the run
 * </pre>
 * {@code execution} is a marker, 1 to 64 of {@code [A-Za-z0-9:._+-]}, that the engine takes once per execution of the
 * step and keeps for every attempt and redelivery of it: unique among the executions of that step path in the run
 * (a loop that reaches the step again and a redrive give new ones), and derivable again after a crash. Each engine
 * takes it from durable or replayed state:
 * <ul>
 * <li>local: {@code h<seq>}, the sequence number of the step's history entry (retries keep the entry);</li>
 * <li>Step Functions: {@code $$.State.EnteredTime} from the context object (the state is entered once per
 * execution, retries stay inside it; a loop or a redrive enters it again, later), passed in the task message;</li>
 * <li>Durable Task: the orchestration's {@code newUUID()} taken when the step is entered, which replay reproduces
 * (an entry index would not do: spilled history and continue-as-new shift it, and each branch instance and each
 * redriven generation of the run's orchestration numbers its log from 0);</li>
 * <li>Cloud Workflows: {@code n<count>}, a per-run step counter the compiled YAML increments on entering a step and
 * passes with the call (retries in a {@code try}/{@code retry} block do not pass the increment again).</li>
 * </ul>
 * {@code n} of a compensation is what the engine's compensation log numbers it: the local {@code wf_compensations}
 * sequence, the depth of the entry in the Step Functions log, the place in the Durable compensation log (from 1).
 * Instance ids are unique per deployment, so ids of different runs differ. A step path so long that the id would
 * pass {@value #MAX_LENGTH} chars (deeply nested adapter-extra parallels) is replaced by {@code #} and its SHA-256
 * in hex. Pure; thread-safe.
 */
public final class InvocationIds {
    /** The longest invocation id (the API's bound). */
    public static final int MAX_LENGTH = 512;
    /** What an execution marker may hold. */
    public static final Pattern EXECUTION = Pattern.compile("[A-Za-z0-9:._+-]{1,64}");

    private InvocationIds() {
    }

    /** The id of every attempt of one execution of a task or awaitCallback step. */
    public static String step(String instanceId, String stepPath, String execution) {
        if (execution == null || !EXECUTION.matcher(execution).matches()) {
            throw new IllegalArgumentException("an execution marker is 1-64 of [A-Za-z0-9:._+-]: '" + execution + "'");
        }
        return id(instanceId, stepPath, execution);
    }

    /** The id of every attempt of the {@code n}-th compensation the run recorded (for the step at {@code stepPath}). */
    public static String compensation(String instanceId, String stepPath, long n) {
        if (n < 1) {
            throw new IllegalArgumentException("compensations are numbered from 1: " + n);
        }
        return id(instanceId, stepPath, "compensation-" + n);
    }

    private static String id(String instanceId, String stepPath, String suffix) {
        if (instanceId == null || instanceId.isEmpty() || stepPath == null || stepPath.isEmpty()) {
            throw new IllegalArgumentException("an invocation id needs an instance id and a step path");
        }
        String id = instanceId + "/" + stepPath + "@" + suffix;
        return id.length() <= MAX_LENGTH ? id : instanceId + "/#" + sha256(stepPath) + "@" + suffix;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
