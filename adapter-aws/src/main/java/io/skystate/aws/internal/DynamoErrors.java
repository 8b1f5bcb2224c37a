package io.skystate.aws.internal;

import io.skystate.api.NotFoundException;
import io.skystate.api.SkystateException;
import io.skystate.api.ThrottledException;
import io.skystate.api.TransientException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Translates AWS SDK exceptions into Skystate's types at the adapter boundary, keeping the SDK error as cause. */
public final class DynamoErrors {
    static final String PROVIDER = "aws";

    private DynamoErrors() {
    }

    public static SkystateException translate(String what, SdkException e) {
        if (e instanceof ResourceNotFoundException) {
            return new NotFoundException(PROVIDER, what + ": " + e.getMessage(), e);
        }
        if (e instanceof AwsServiceException service && (service.isThrottlingException()
                || "ProvisionedThroughputExceededException".equals(service.awsErrorDetails().errorCode())
                || "RequestLimitExceeded".equals(service.awsErrorDetails().errorCode()))) {
            return new ThrottledException(PROVIDER, what + " was throttled: " + e.getMessage(), e);
        }
        if (e instanceof SdkClientException || (e instanceof AwsServiceException s && s.statusCode() >= 500)) {
            return new TransientException(PROVIDER, what + " failed transiently: " + e.getMessage(), e);
        }
        return new TransientException(PROVIDER, what + " failed: " + e.getMessage(), e);
    }
}
