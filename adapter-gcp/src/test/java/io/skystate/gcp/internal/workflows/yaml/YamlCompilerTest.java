package io.skystate.gcp.internal.workflows.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.skystate.api.workflow.CatchRule;
import io.skystate.api.workflow.RetryRule;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.api.workflow.WorkflowErrors;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import io.skystate.gcpworkflows.WorkflowsRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The generated Workflows YAML: valid for the runner's deploy check, deterministic, and mapped as documented. */
class YamlCompilerTest {
    private static final YAMLMapper YAML = new YAMLMapper();

    private static JsonNode tree(String yaml) throws Exception {
        return YAML.readTree(yaml);
    }

    /** Every step with the name {@code name} anywhere in the tree (steps are one-entry maps). */
    private static List<JsonNode> steps(JsonNode node, Predicate<String> name) {
        List<JsonNode> found = new ArrayList<>();
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                if (name.test(field.getKey()) && node.size() == 1) {
                    found.add(field.getValue());
                }
                found.addAll(steps(field.getValue(), name));
            });
        } else if (node.isArray()) {
            node.forEach(item -> found.addAll(steps(item, name)));
        }
        return found;
    }

    @Test
    void everyConstructPassesTheRunnersDeployCheck() {
        String yaml = YamlCompiler.compile(Definitions.everything());
        assertThat(WorkflowsRunner.check(yaml)).isEmpty();
    }

    @Test
    void theSameDefinitionGivesTheSameText() {
        WorkflowDefinition definition = Definitions.everything();
        WorkflowDefinition reparsed = WorkflowDocuments.parseJson(WorkflowDocuments.toJson(definition));
        assertThat(YamlCompiler.compile(reparsed)).isEqualTo(YamlCompiler.compile(definition));
    }

    @Test
    void theTextNamesNoEnvironment() throws Exception {
        String yaml = YamlCompiler.compile(Definitions.everything());
        assertThat(yaml).doesNotContain("http://").doesNotContain("https://").doesNotContain("projects/");
        JsonNode init = steps(tree(yaml), "sky_init"::equals).get(0);
        assertThat(init.toString()).contains("${args.c.run}").contains("${args.c.fn}");
    }

    @Test
    void tasksPostToTheEndpointWithOidcAndRetryTransportFailures() throws Exception {
        JsonNode post = steps(tree(YamlCompiler.compile(Definitions.everything())), "post"::equals).get(0);
        assertThat(post.at("/try/call").asText()).isEqualTo("http.post");
        assertThat(post.at("/try/args/auth/type").asText()).isEqualTo("OIDC");
        assertThat(post.at("/try/args/auth/audience").asText()).isEqualTo("${fn}");
        assertThat(post.at("/retry/predicate").asText()).isEqualTo("${sky_transport}");
    }

    @Test
    void retryRulesNestFirstRuleInnermostWithThePortableBackoff() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("retries", 1).startAt("work")
                .task("work", "h", t -> t
                        .retry(RetryRule.on(List.of("A"), 3, Duration.ofSeconds(2), 3.0).withMaxInterval(Duration.ofSeconds(5)))
                        .retry(RetryRule.any(4, Duration.ofSeconds(1))))
                .build();
        JsonNode root = tree(YamlCompiler.compile(definition));
        JsonNode outer = steps(root, "s1__go"::equals).get(0);
        assertThat(outer.at("/retry/max_retries").asInt()).isEqualTo(3);
        assertThat(outer.at("/retry/backoff/initial_delay").asInt()).isEqualTo(1);
        assertThat(outer.at("/retry/backoff/multiplier").asInt()).isEqualTo(2);
        assertThat(outer.has("except")).as("the outer retry level carries the except").isTrue();
        JsonNode inner = steps(root, "s1__r1"::equals).get(0);
        assertThat(inner.at("/retry/max_retries").asInt()).isEqualTo(2);
        assertThat(inner.at("/retry/backoff/initial_delay").asInt()).isEqualTo(2);
        assertThat(inner.at("/retry/backoff/max_delay").asInt()).isEqualTo(5);
        assertThat(inner.at("/retry/backoff/multiplier").asInt()).isEqualTo(3);
        String predicates = root.get("sky_retry_1").toString() + root.get("sky_retry_2").toString();
        assertThat(predicates).contains("e.error in [\\\"A\\\"]")
                .contains("not (e.error in [\\\"Skystate.DataError\\\", \\\"Skystate.TransitionLimitExceeded\\\"])"
                        + " and not (e.error in [\\\"A\\\"])");
    }

    @Test
    void fullJitterIsALoopThatSleepsARandomPartOfTheDelay() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("jitter", 1).startAt("work")
                .task("work", "h", t -> t.retry(RetryRule.any(3, Duration.ofSeconds(2)).withJitter(1.0))).build();
        String yaml = YamlCompiler.compile(definition);
        assertThat(WorkflowsRunner.check(yaml)).isEmpty();
        JsonNode root = tree(yaml);
        assertThat(steps(root, "s1__r1_w"::equals).get(0).get("call").asText()).isEqualTo("sky_random");
        assertThat(steps(root, "s1__r1_z"::equals).get(0).at("/args/seconds").asText())
                .isEqualTo("${s1__r1_d * (1 - s1__r1_u)}");
        assertThat(steps(root, "s1__r1_g"::equals).get(0).get("next").asText()).isEqualTo("s1__r1");
    }

    @Test
    void catchesAreAnExceptThatNeverMatchesFatalErrors() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("catches", 1).startAt("work")
                .task("work", "h", t -> t.catching(new CatchRule(List.of("Boom"), "$.boom", "done"))
                        .catching(CatchRule.any("$.other", "done")))
                .succeed("done").build();
        JsonNode except = steps(tree(YamlCompiler.compile(definition)), "s1__go"::equals).get(0).get("except");
        assertThat(except.get("as").asText()).isEqualTo("err");
        String conditions = except.toString();
        assertThat(conditions).contains("err.error in [\\\"Boom\\\"]")
                .contains("not (err.error in fatal)");
    }

    @Test
    void parallelBranchesReportToSharedSlotsAndASingleBranchGetsAnIdleSibling() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("fan", 1).startAt("fan")
                .parallel("fan", p -> p.branch(b -> b.startAt("only").task("only", "h", t -> { }))).build();
        String yaml = YamlCompiler.compile(definition);
        assertThat(WorkflowsRunner.check(yaml)).isEmpty();
        JsonNode parallel = steps(tree(yaml), "s1__branches"::equals).get(0).get("parallel");
        assertThat(parallel.get("shared").toString()).isEqualTo("[\"s1__stop\",\"s1__first\",\"s1__out\"]");
        assertThat(parallel.get("branches")).hasSize(2);
        assertThat(parallel.get("branches").get(1).has("b_idle")).isTrue();
    }

    @Test
    void pathsAreCheckedMemberByMemberBeforeTheyAreRead() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("paths", 1).startAt("work")
                .task("work", "h", t -> t.inputPath("$.items[2].sku")).build();
        JsonNode presence = steps(tree(YamlCompiler.compile(definition)), "s1__in"::equals).get(0);
        List<String> conditions = new ArrayList<>();
        presence.get("switch").forEach(c -> conditions.add(c.get("condition").asText()));
        assertThat(conditions).containsExactly(
                "${get_type(data) != \"map\"}", "${not (\"items\" in data)}",
                "${get_type(data[\"items\"]) != \"list\"}", "${len(data[\"items\"]) <= 2}",
                "${get_type(data[\"items\"][2]) != \"map\"}", "${not (\"sku\" in data[\"items\"][2])}");
        presence.get("switch").forEach(c -> assertThat(c.get("next").asText()).isEqualTo("s1__nil"));
    }

    @Test
    void textThatLooksLikeAnExpressionStaysText() throws Exception {
        WorkflowDefinition definition = WorkflowDefinition.builder("text", 1).startAt("no")
                .fail("no", "Bad", "cost ${price}").build();
        String yaml = YamlCompiler.compile(definition);
        assertThat(WorkflowsRunner.check(yaml)).isEmpty();
        assertThat(steps(tree(yaml), "s1__raise"::equals).get(0).at("/raise/cause").asText())
                .isEqualTo("${\"cost \\u0024{price}\"}");
    }

    /** A fatal name never reaches a catch: {@code fatal} holds exactly the fatal errors. */
    @Test
    void fatalNamesAreListedOnce() throws Exception {
        JsonNode init = steps(tree(YamlCompiler.compile(Definitions.everything())), "sky_init"::equals).get(0);
        assertThat(init.toString()).contains("{\"fatal\":\"${[\\\"" + WorkflowErrors.DATA_ERROR + "\\\", \\\""
                + WorkflowErrors.TRANSITION_LIMIT + "\\\"]}\"}");
    }

    /** About 2.5 KB per task with an input path, a retry rule and a catch rule: 40 fit in Workflows' 128 KB. */
    @Test
    void fortyStepsFitTheSourceLimit() {
        WorkflowDefinition.Builder builder = WorkflowDefinition.builder("long", 1).startAt("t0");
        for (int i = 0; i < 40; i++) {
            int step = i;
            builder.task("t" + i, "h", t -> t.inputPath("$.in").resultPath("$.out" + step)
                    .retry(RetryRule.on(List.of("Busy"), 3, Duration.ofSeconds(1), 2.0))
                    .catching(CatchRule.any("$.failed", "end")).next(step == 39 ? "end" : "t" + (step + 1)));
        }
        String yaml = YamlCompiler.compile(builder.succeed("end").build());
        assertThat(WorkflowsRunner.check(yaml)).isEmpty();
        assertThat(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("bytes of a 40-step source")
                .isLessThan(YamlCompiler.MAX_SOURCE_BYTES);
    }

    @Test
    void awaitEventStepsClaimThenWaitOnACallbackEndpoint() throws Exception {
        WorkflowDefinition signalled = WorkflowDefinition.builder("signalled", 1).startAt("hold")
                .awaitEvent("hold", "approved", Duration.ofMinutes(2), e -> e.resultPath("$.approval").next("fan"))
                .parallel("fan", p -> p.branch(b -> b.startAt("inner")
                        .awaitEvent("inner", "shipped", Duration.ofSeconds(5), e -> { }))
                        .branch(b -> b.startAt("other").succeed("other")))
                .build();
        String yaml = YamlCompiler.compile(signalled);
        assertThat(WorkflowsRunner.check(yaml)).isEmpty();
        assertThat(yaml).contains(Helpers.AWAIT_EVENT).contains("events.await_callback");
        JsonNode helper = tree(yaml).get(Helpers.AWAIT_EVENT);
        assertThat(helper.toString()).contains("\"op\":\"event\"").contains("\"body.final\":true");
        assertThat(yaml).contains("\"wait\":120").contains("\"wait\":5");
    }
}
