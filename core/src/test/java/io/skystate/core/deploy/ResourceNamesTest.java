package io.skystate.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourceNamesTest {
    @Test
    void prefixIsASlugEndingInAHyphen() {
        assertThat(ResourceNames.prefix("Order_Saga", 20)).isEqualTo("order-saga-");
        assertThat(ResourceNames.prefix("42 things", 20)).isEqualTo("a-42-things-");
        assertThat(ResourceNames.prefix("---", 20)).isEqualTo("a-");
    }

    @Test
    void longNamesAreShortenedWithAStableHashWithinTheLimit() {
        String name = "a-very-long-application-name-that-goes-on-and-on";
        String shortened = ResourceNames.shorten(name, 20);
        assertThat(shortened).hasSize(20).startsWith("a-very-long").isEqualTo(ResourceNames.shorten(name, 20));
        assertThat(ResourceNames.shorten("short", 20)).isEqualTo("short");
        assertThat(ResourceNames.prefix(name, 16)).hasSizeLessThanOrEqualTo(16).endsWith("-");
    }

    @Test
    void namesDifferingOnlyPastTheCutStayDistinct() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            names.add(ResourceNames.shorten("application-with-a-common-long-start-" + i, 24));
        }
        assertThat(names).hasSize(1000).allSatisfy(n -> assertThat(n).hasSizeLessThanOrEqualTo(24));
    }

    @Test
    void limitsAndCollisionsAreReportedWithCloudKindAndNames() {
        assertThatThrownBy(() -> ResourceNames.requireWithin("aws", "state machine", "x".repeat(81), 80))
                .hasMessageContaining("aws: state machine name").hasMessageContaining("81 characters")
                .hasMessageContaining("limit of 80");
        assertThatThrownBy(() -> ResourceNames.requireUnique("gcp", "handler", Map.of("fooBar", "foobar", "foobar", "foobar")))
                .hasMessageContaining("gcp: handlers 'fooBar' and 'foobar' would both be named 'foobar'");
        ResourceNames.requireUnique("gcp", "handler", Map.of("a", "a", "b", "b"));
    }
}
