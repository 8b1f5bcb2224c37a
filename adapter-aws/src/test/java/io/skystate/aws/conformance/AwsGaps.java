package io.skystate.aws.conformance;

import io.skystate.conformance.Gaps;

/**
 * Every conformance rule the AWS adapter cannot show on moto, in one place, with the reason and an upstream
 * reference. Each one is a moto limitation, not an adapter one: the adapter relies on DynamoDB evaluating a
 * {@code ConditionExpression} atomically with its write, which AWS guarantees and moto does not.
 */
final class AwsGaps {
    private static final String MOTO_NOT_ATOMIC = "moto serves requests on concurrent threads (Werkzeug threaded=True)"
            + " and its DynamoDB model checks a ConditionExpression and writes without a lock, so two racing"
            + " conditional writes can both succeed; DynamoDB itself evaluates conditions atomically";
    private static final String MOTO_SOURCE = "moto 5.2.5: moto/server.py (threaded=True), moto/dynamodb/models/table.py put_item";

    private static final String RETRY_TOKEN = "moto re-sends a retried .waitForTaskToken task with the same task"
            + " token, which its first failure already invalidated, so the retry can never be answered (SendTaskSuccess"
            + " returns InvalidToken) and the run fails; Step Functions issues a new token per attempt";
    private static final String RETRY_SOURCE = "moto 5.2.5 stepfunctions parser: token of a retried"
            + " sqs:sendMessage.waitForTaskToken state (reproduced in emulators/README.md)";
    private static final String NO_CAUSE = "moto's SendTaskFailure handler drops the cause parameter, so errors"
            + " reach the workflow without their cause; Step Functions keeps it";
    private static final String NO_CAUSE_SOURCE = "moto 5.2.5: moto/stepfunctions/responses.py send_task_failure";

    static final Gaps MOTO = Gaps.builder()
            .emulator("wferr01", RETRY_TOKEN, RETRY_SOURCE)
            .emulator("wferr02", RETRY_TOKEN, RETRY_SOURCE)
            .emulator("wfdef04", RETRY_TOKEN + " (the history rule retries a step)", RETRY_SOURCE)
            .emulator("wfhist03", RETRY_TOKEN + " (the history rule retries a step)", RETRY_SOURCE)
            .emulator("wferr03", NO_CAUSE, NO_CAUSE_SOURCE)
            .emulator("wferr04", NO_CAUSE, NO_CAUSE_SOURCE)
            .emulator("wferr05", NO_CAUSE, NO_CAUSE_SOURCE)
            .emulator("wferr09", NO_CAUSE + " (the saga rule checks the failing step's cause)", NO_CAUSE_SOURCE)
            .emulator("wfcb02", NO_CAUSE, NO_CAUSE_SOURCE)
            .emulator("wfcb03", NO_CAUSE, NO_CAUSE_SOURCE)
            .emulator("wfcb04", "after a task times out moto answers SendTaskSuccess with InvalidToken, where Step"
                    + " Functions answers TaskTimedOut (which the adapter reports as TokenExpiredException)",
                    "moto 5.2.5: moto/stepfunctions/parser/backend (task token registry drops timed-out tokens)")
            .emulator("wfcb06", "moto's StopExecution updates only its non-executing model: an executing state"
                    + " machine keeps running (and the error and cause are ignored)",
                    "moto 5.2.5: moto/stepfunctions/responses.py stop_execution; parser/models.py does not override it")
            .emulator("wfport06", "moto's States.ALL matches every error, States.Runtime included, so a catch-all"
                    + " catches a path that selects nothing; Step Functions never lets States.ALL catch runtime"
                    + " errors, so the run fails as the rule expects",
                    "moto 5.2.5: moto/stepfunctions/parser/asl/component/common/error_name/error_equals_decl.py (_eval_body)")
            .emulator("cond10", MOTO_NOT_ATOMIC, MOTO_SOURCE)
            .emulator("idempotency02", MOTO_NOT_ATOMIC + " (two racing duplicates can both claim the key, so one run's"
                    + " result write then meets the other's version)", MOTO_SOURCE)
            .emulator("state08", MOTO_NOT_ATOMIC, MOTO_SOURCE)
            .emulator("tx07", MOTO_NOT_ATOMIC + " (TransactWriteItems included)", MOTO_SOURCE)
            .emulator("wf05", "moto's Wait state computes the delay to a timestamp as int(seconds), truncating, so it"
                    + " resumes up to a second before the timestamp; Step Functions never resumes early",
                    "moto 5.2.5: moto/stepfunctions/parser/asl/component/state/wait/wait_function/timestamp.py (_get_wait_seconds)")
            .build();

    private AwsGaps() {
    }
}
