package io.skystate.core.workflow.doc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MermaidDiagramTest {
    @Test
    void rendersTheExample() {
        String mermaid = MermaidDiagram.of(WorkflowDocuments.parse(WorkflowDocumentsTest.EXAMPLE));
        List<String> lines = mermaid.lines().map(String::strip).toList();
        assertThat(mermaid).startsWith("stateDiagram-v2\n");
        assertThat(lines).contains(
                "[*] --> reserve",
                "reserve --> confirm",
                "reserve --> bad : catch PaymentDeclined",
                "note right of reserve : timeout PT30S, retry 3x",
                "note left of reserve : compensate with releaseInventory",
                "note right of confirm : waits for callback (timeout PT5M, heartbeat PT1M)",
                "state route <<choice>>",
                "route --> fanout : $.total > 100",
                "route --> fanout : $.vip == true and not $.blocked present",
                "route --> pause : $.country == DE or $.rate <= 0.1",
                "route --> done : otherwise",
                "state fanout {",
                "[*] --> a",
                "a --> [*]",
                "}",
                "fanout --> done",
                "pause --> done : wait PT5S",
                "done --> [*]",
                "bad --> [*] : fail OrderRejected");
        assertThat(lines.indexOf("state fanout {")).isLessThan(lines.indexOf("[*] --> a"));
        assertThat(lines.indexOf("[*] --> a")).isLessThan(lines.indexOf("}"));
    }

    @Test
    void separatesBranchesAndSanitizesNames() {
        String mermaid = MermaidDiagram.of(WorkflowDocumentsTest.everything());
        List<String> lines = mermaid.lines().map(String::strip).toList();
        assertThat(lines).contains(
                "--",
                "state \"odd name: 1\" as odd_name__1",
                "odd_name__1 --> [*]",
                "state inner {",
                "[*] --> deep",
                "waitUntil --> waitPath : wait until 2026-01-01T00.00.00Z",
                "waitPath --> [*] : wait until $.when",
                "note right of fanout : retry 2x",
                "reserve --> bad : catch Skystate.ALL");
        assertThat(lines.stream().filter(l -> l.equals("--"))).hasSize(2);
        assertThat(lines).doesNotContain("state emptyParallel {").contains("emptyParallel --> [*]");
        assertThat(lines.stream().filter(l -> l.endsWith("{")).count())
                .isEqualTo(lines.stream().filter(l -> l.equals("}")).count());
        // labels never carry quotes or a second colon
        assertThat(lines.stream().filter(l -> l.contains(" : ")))
                .allMatch(l -> !l.contains("\"") && l.indexOf(':') == l.lastIndexOf(':'));
    }

    @Test
    void givesUniqueIdsToStepsNamedAlikeInBranches() {
        String mermaid = MermaidDiagram.of(WorkflowDocuments.parse("""
                name: dup
                version: 1
                startAt: p
                steps:
                  p:
                    type: parallel
                    branches:
                      - {startAt: work, steps: {work: {type: task, handler: h}}}
                      - {startAt: work, steps: {work: {type: task, handler: h}}}
                  end: {type: succeed}
                  defaultRoute: {type: fail, error: "direction LR", cause: c}
                """));
        assertThat(mermaid).contains("[*] --> work\n", "[*] --> work_2\n", "state \"work\" as work_2\n",
                "state \"end\" as end_\n", "end_ --> [*]\n", "state \"defaultRoute\" as s_defaultRoute\n",
                "s_defaultRoute --> [*] : fail direction_LR\n");
    }
}
