package io.skystate.bench.coldstart;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Diagnostic only, for the cold-start breakdown of {@link LambdaMain}: writes {@code sdk <operation> <start ms>
 * <end ms>} to stderr for every AWS SDK call. Not active in the measured launches: the SDK loads it only when a
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors} resource naming it is on the class path,
 * which the report's timing launches add in a directory of their own.
 */
public final class SdkCallTimer implements ExecutionInterceptor {
    private static final ThreadLocal<Long> START = new ThreadLocal<>();

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        START.set(System.currentTimeMillis());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        report(attributes, "ok");
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        report(attributes, "failed");
    }

    private static void report(ExecutionAttributes attributes, String outcome) {
        Long start = START.get();
        System.err.println("sdk " + attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " " + start + " "
                + System.currentTimeMillis() + " " + outcome);
    }
}
