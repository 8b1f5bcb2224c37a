package io.skystate.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidTokenException;
import io.skystate.api.callback.CallbackHandle;
import io.skystate.api.callback.CallbackRequest;
import io.skystate.api.callback.CallbackStatus;
import io.skystate.api.state.Key;
import io.skystate.aws.conformance.AwsTarget;
import io.skystate.aws.internal.KmsKeyWrapping;
import io.skystate.core.crypto.StoredKeyRings;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Generated key rings are stored wrapped by KMS (on moto): the record holds no secret, a second instance with the
 * same prefix unwraps the same ring (so its tokens verify there), and the wrapped key does not unwrap for another
 * purpose.
 */
class KeyRingStorageIT {
    @Test
    void generatedRingsAreStoredOnlyWrappedByKms() {
        try (AwsSkystate first = AwsTarget.build(AwsSkystate.builder())) {
            CallbackHandle handle = first.callbacks().create(CallbackRequest.withTimeout(Duration.ofMinutes(5)));
            var stored = first.stateStore("skystate-keys").getJson(new Key("keys", "callbacks"),
                    StoredKeyRings.StoredRing.class).orElseThrow();
            assertThat(stored.wrappedBy()).startsWith("arn:aws:kms:");
            assertThat(first.stateStore("skystate-keys").get(new Key("keys", "callbacks")).orElseThrow().value().bytes())
                    .asString().doesNotContain("secret");
            try (AwsSkystate second = AwsTarget.reopenPrefix(first.prefix())) {
                second.callbacks().complete(handle.token(), "{\"ok\":true}".getBytes());
            }
            assertThat(first.callbacks().outcome(handle.id()).status()).isEqualTo(CallbackStatus.COMPLETED);

            KmsClient kms = first.unwrap(KmsClient.class).orElseThrow();
            KmsKeyWrapping wrapping = new KmsKeyWrapping(kms, stored.wrappedBy(), first.prefix(), false);
            byte[] wrapped = Base64.getDecoder().decode(stored.wrapped());
            assertThat(wrapping.unwrap(wrapped, Map.of("skystate-key-ring", "callbacks"))).hasSize(32);
            assertThatThrownBy(() -> wrapping.unwrap(wrapped, Map.of("skystate-key-ring", "sessions")))
                    .isInstanceOf(InvalidTokenException.class);
        }
    }
}
