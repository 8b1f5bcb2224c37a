package io.skystate.aws.lambda;

import io.skystate.aws.AwsSkystate;
import io.skystate.core.json.JacksonCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart / CRaC priming of a Lambda execution environment: just before the snapshot is taken, it does the set-up
 * the first request would otherwise pay after every restore, through the same code paths, running no handler and
 * calling no AWS service — the event check of {@link SkystateLambdaHandler} on a plain and on an SQS-shaped event,
 * the JSON tree of the SQS event and the encoding of a task-batch answer, and Jackson's (de)serializers of every
 * registered handler's input and output types ({@link io.skystate.core.handler.HandlerRegistry#prepareCodec()}).
 * {@link LambdaRuntime} registers one with CRaC's global context when Lambda initializes the environment for a
 * SnapStart snapshot ({@link #registerForSnapStart}); other environments are never checkpointed, and there
 * registering would cost every cold start org.crac's set-up (~8 ms: it looks for a CRaC implementation on the
 * class path). Outside Lambda, a CRaC JVM's application calls {@link #register} itself.
 */
public final class LambdaPriming implements Resource {
    private static final byte[] PLAIN_EVENT = "{\"priming\":true,\"n\":1.5,\"items\":[1,\"a\",null]}"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] SQS_EVENT = ("{\"Records\":[{\"messageId\":\"priming\",\"eventSource\":\"aws:sqs\","
            + "\"body\":\"{}\"}]}").getBytes(StandardCharsets.UTF_8);

    /** Lambda's {@code AWS_LAMBDA_INITIALIZATION_TYPE} while it initializes an environment for a SnapStart snapshot. */
    public static final String SNAP_START = "snap-start";

    private final AwsSkystate skystate;

    public LambdaPriming(AwsSkystate skystate) {
        this.skystate = skystate;
    }

    /** A priming resource for {@code skystate}, registered with CRaC's global context (keep the reference). */
    public static LambdaPriming register(AwsSkystate skystate) {
        LambdaPriming priming = new LambdaPriming(skystate);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /**
     * A priming resource for {@code skystate}, registered if {@code env} says Lambda is initializing this environment
     * for a SnapStart snapshot ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}); otherwise nothing is registered
     * and the answer is empty.
     */
    public static Optional<LambdaPriming> registerForSnapStart(AwsSkystate skystate, Map<String, String> env) {
        return SNAP_START.equals(env.get("AWS_LAMBDA_INITIALIZATION_TYPE")) ? Optional.of(register(skystate))
                : Optional.empty();
    }

    /** Warms the first request's code paths; also callable directly (a function's init phase). */
    public void prime() {
        JacksonCodec codec = skystate.jacksonCodec();
        SkystateLambdaHandler.mayBeSqsEvent(codec, PLAIN_EVENT);
        if (SkystateLambdaHandler.mayBeSqsEvent(codec, SQS_EVENT)) {
            codec.encode(codec.tree(SQS_EVENT));
        }
        codec.encode(Map.of("batchItemFailures", List.of(Map.of("itemIdentifier", "priming"))));
        skystate.handlerRegistry().prepareCodec();
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to restore: priming holds no connections or threads
    }
}
