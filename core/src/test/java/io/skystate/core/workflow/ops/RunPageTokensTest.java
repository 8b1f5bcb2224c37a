package io.skystate.core.workflow.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.KeyRing;
import io.skystate.api.workflow.RunQuery;
import io.skystate.api.workflow.RunStatus;
import io.skystate.core.crypto.Keys;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RunPageTokensTest {
    private final KeyRing ring = Keys.randomRing("k1");
    private final RunPageTokens tokens = new RunPageTokens(ring, "test");
    private final RunQuery query = RunQuery.all().workflow("orders").statuses(RunStatus.FAILED, RunStatus.TIMED_OUT)
            .startedBetween(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-02-01T00:00:00Z"));

    @Test
    void aTokenNamesItsPositionForTheSameCriteriaWhateverThePageSize() {
        assertThat(tokens.position(query)).isEmpty();
        String token = tokens.issue(query, "cursor:\u00e9/1");
        assertThat(tokens.position(query.after(token))).contains("cursor:\u00e9/1");
        assertThat(tokens.position(query.pageSize(3).after(token))).contains("cursor:\u00e9/1");
        assertThat(new RunPageTokens(ring.rotateTo("k2", Keys.newKey()), "test").position(query.after(token)))
                .as("a token signed with a key still in the ring").contains("cursor:\u00e9/1");
    }

    @Test
    void garbledForgedAndForeignTokensAreInvalidRequests() {
        String token = tokens.issue(query, "position");
        for (int i = 0; i < token.length(); i++) {
            String tampered = token.substring(0, i) + (token.charAt(i) == 'A' ? 'B' : 'A') + token.substring(i + 1);
            assertThatThrownBy(() -> tokens.position(query.after(tampered))).as("tampered at %s", i)
                    .isInstanceOf(InvalidRequestException.class);
        }
        assertThatThrownBy(() -> tokens.position(query.after("not-a-token"))).isInstanceOf(InvalidRequestException.class);
        String otherKey = new RunPageTokens(Keys.randomRing("k1"), "test").issue(query, "position");
        assertThatThrownBy(() -> tokens.position(query.after(otherKey))).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aTokenDoesNotCarryOverToOtherCriteria() {
        String token = tokens.issue(query, "position");
        assertThatThrownBy(() -> tokens.position(query.workflow("invoices").after(token)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("criteria");
        assertThatThrownBy(() -> tokens.position(query.statuses(RunStatus.FAILED).after(token)))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> tokens.position(RunQuery.all().after(token))).isInstanceOf(InvalidRequestException.class);
    }
}
