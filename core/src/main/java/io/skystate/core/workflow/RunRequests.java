package io.skystate.core.workflow;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.workflow.WorkflowRun;
import io.skystate.api.workflow.Workflows;
import io.skystate.core.json.JacksonCodec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/** What every workflow engine does the same way around a run: id rules, start fingerprints, awaiting the end. */
public final class RunRequests {
    private RunRequests() {
    }

    /** Instance ids are 1-80 chars of {@code [A-Za-z0-9_-]}: valid Step Functions execution and Durable instance ids. */
    public static void checkInstanceId(String provider, String instanceId) {
        if (instanceId == null || !instanceId.matches("[A-Za-z0-9_-]{1,80}")) {
            throw new InvalidRequestException(provider,
                    "instance ids are 1-80 chars of [A-Za-z0-9_-]: '" + instanceId + "'");
        }
    }

    /**
     * A fingerprint of a start request (workflow, version and canonical input), so a repeated start with the same
     * id can be told apart from a conflicting one.
     */
    public static String fingerprint(JacksonCodec codec, String workflow, int version, byte[] inputJson) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(codec.canonicalize(inputJson));
            return workflow + "@" + version + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** Polls {@code workflows.run(instanceId)} every {@code poll} until it finishes or {@code maxWait} passes. */
    public static WorkflowRun await(Workflows workflows, String instanceId, Duration maxWait, Duration poll)
            throws InterruptedException {
        long deadline = System.nanoTime() + maxWait.toNanos();
        while (true) {
            WorkflowRun run = workflows.run(instanceId);
            if (run.status().finished() || System.nanoTime() >= deadline) {
                return run;
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
