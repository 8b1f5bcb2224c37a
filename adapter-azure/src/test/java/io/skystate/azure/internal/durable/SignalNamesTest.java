package io.skystate.azure.internal.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How the Durable engine names signalled events. */
class SignalNamesTest {
    @Test
    void namesDifferingOnlyInCaseStayDistinctUnderDurablesCaseInsensitiveMatching() {
        List<String> names = List.of("go", "Go", "GO", "gO", "g-o", "a.b-c_9");
        List<String> folded = names.stream().map(n -> Names.signalEvent(n).toLowerCase(Locale.ROOT)).toList();
        assertThat(folded).doesNotHaveDuplicates();
        assertThat(Names.signalEvent("a.b-c_9")).isEqualTo(Names.SIGNAL_EVENT + "a.b-c_9");
        assertThat(Names.signalEvent("Go")).isEqualTo(Names.SIGNAL_EVENT + "~go");
    }
}
