package io.skystate.aws.internal.sfn;


import io.skystate.api.SkystateException;
import io.skystate.api.TokenExpiredException;
import io.skystate.api.callback.CallbackAlreadyResolvedException;
import io.skystate.aws.internal.DynamoErrors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sfn.model.InvalidTokenException;
import software.amazon.awssdk.services.sfn.model.TaskDoesNotExistException;
import software.amazon.awssdk.services.sfn.model.TaskTimedOutException;

/** Step Functions errors in Skystate's types. */
final class SfnErrors {
    private SfnErrors() {
    }

    static SkystateException translate(String what, SdkException e) {
        return DynamoErrors.translate(what, e);
    }

    /** Runs a {@code SendTask*} call, translating token errors the way {@link io.skystate.api.callback.Callbacks} does. */
    static void callback(Runnable call) {
        try {
            call.run();
        } catch (InvalidTokenException e) {
            throw new io.skystate.api.InvalidTokenException("aws", "invalid task token: " + e.getMessage());
        } catch (TaskDoesNotExistException e) {
            throw new CallbackAlreadyResolvedException("aws", "the task of this token has already ended", e);
        } catch (TaskTimedOutException e) {
            throw new TokenExpiredException("aws", "the task of this token timed out or was stopped", e);
        } catch (SdkException e) {
            throw translate("task token call", e);
        }
    }
}
