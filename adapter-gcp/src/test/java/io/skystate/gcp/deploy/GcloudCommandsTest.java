package io.skystate.gcp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What can be checked here without gcloud or a project: the script parses ({@code bash -n}), runs to the end with a
 * recording {@code gcloud} on the PATH (which answers the two {@code describe} queries), and issues exactly the
 * commands, names and settings the adapter relies on at run time. Whether Google accepts each command is for a real
 * deploy (README: Running on Google Cloud).
 */
class GcloudCommandsTest {
    private static GcloudCommands orderSaga() {
        return GcloudCommands.builder().prefix("demo-").queues(List.of("order-events"))
                .handlerOnTopic("order-events", "shipOrder").source("examples/order-saga").build();
    }

    @Test
    void scriptParsesAndRunsToTheEndIssuingTheExpectedCommands(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("deploy.sh");
        orderSaga().write(script);
        assertThat(run(dir, "bash", "-n", script.toString())).isEmpty();

        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("gcloud.log");
        Files.writeString(bin.resolve("gcloud"), "#!/usr/bin/env bash\necho \"$*\" >> " + log + "\n"
                + "case \"$*\" in *'projects describe'*) echo 123456;; *'functions describe'*) echo https://demo-http-x.a.run.app;; esac\n");
        bin.resolve("gcloud").toFile().setExecutable(true);
        run(dir, "env", "PATH=" + bin + ":/usr/bin:/bin", "PROJECT=demo-project", "REGION=europe-west1", "bash",
                script.toString());
        List<String> calls = Files.readAllLines(log);

        assertThat(calls).contains(
                "firestore fields ttls update x --collection-group=demo-records --enable-ttl --async --project=demo-project",
                "firestore indexes fields update v --collection-group=demo-records --disable-indexes --async --project=demo-project",
                "pubsub topics create demo-order-events-dead-letter --project=demo-project",
                "pubsub subscriptions create demo-order-events --topic=demo-order-events --ack-deadline=10"
                        + " --dead-letter-topic=demo-order-events-dead-letter --max-delivery-attempts=100"
                        + " --expiration-period=never --message-retention-duration=7d --project=demo-project",
                "pubsub topics add-iam-policy-binding demo-order-events-dead-letter"
                        + " --member=serviceAccount:service-123456@gcp-sa-pubsub.iam.gserviceaccount.com"
                        + " --role=roles/pubsub.publisher --project=demo-project");
        assertThat(calls).anyMatch(c -> c.startsWith("functions deploy demo-http --gen2 --runtime=java17")
                && c.contains("--entry-point=io.skystate.gcp.functions.SkystateHttpFunction")
                && c.contains("SKYSTATE_HANDLER_ENDPOINTS=false"));
        assertThat(calls).anyMatch(c -> c.contains("--update-env-vars=SKYSTATE_HTTP_BASE_URL=https://demo-http-x.a.run.app"));
        assertThat(calls).anyMatch(c -> c.startsWith("functions deploy demo-shiporder ")
                && c.contains("--entry-point=io.skystate.gcp.functions.SkystateEventFunction")
                && c.contains("--trigger-topic=demo-order-events") && c.contains("SKYSTATE_HANDLER=shipOrder"));
        assertThat(calls).allMatch(c -> c.startsWith("firestore ") || c.startsWith("pubsub ")
                || c.startsWith("functions ") || c.startsWith("projects describe"));
        orderSaga().write(Path.of("target", "gcloud", "order-saga-deploy.sh"));
    }

    @Test
    void withWorkflowsTheScriptDeploysThemSwitchesTheEngineOnAndLetsOnlyTheWorkflowsInvokeTheFunction(@TempDir Path dir)
            throws Exception {
        Path script = dir.resolve("deploy.sh");
        GcloudCommands.builder().prefix("demo-").source("function").workflow("demo-order-v1", "workflows/order-v1.yaml")
                .build().write(script);
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path log = dir.resolve("gcloud.log");
        Files.writeString(bin.resolve("gcloud"), "#!/usr/bin/env bash\necho \"$*\" >> " + log + "\n"
                + "case \"$*\" in *'projects describe'*) echo 123456;; *'functions describe'*) echo https://demo-http-x.a.run.app;; esac\n");
        bin.resolve("gcloud").toFile().setExecutable(true);
        run(dir, "env", "PATH=" + bin + ":/usr/bin:/bin", "PROJECT=demo-project", "REGION=europe-west1",
                "WORKFLOWS_SA=wf@demo-project.iam.gserviceaccount.com", "bash", script.toString());
        List<String> calls = Files.readAllLines(log);
        String compute = "123456-compute@developer.gserviceaccount.com";

        assertThat(calls).contains(
                "projects add-iam-policy-binding demo-project --member=serviceAccount:" + compute
                        + " --role=roles/workflows.editor --condition=None",
                "iam service-accounts add-iam-policy-binding wf@demo-project.iam.gserviceaccount.com --member=serviceAccount:"
                        + compute + " --role=roles/iam.serviceAccountUser --project=demo-project",
                "functions add-invoker-policy-binding demo-http --region=europe-west1"
                        + " --member=serviceAccount:wf@demo-project.iam.gserviceaccount.com --project=demo-project",
                "workflows deploy demo-order-v1 --source=workflows/order-v1.yaml --location=europe-west1"
                        + " --service-account=wf@demo-project.iam.gserviceaccount.com --project=demo-project",
                "scheduler jobs create http demo-workflows-sweep --location=europe-west1 --schedule=* * * * *"
                        + " --http-method=POST --uri=https://demo-http-x.a.run.app/skystate/workflow-tasks/sweep"
                        + " --oidc-service-account-email=wf@demo-project.iam.gserviceaccount.com"
                        + " --oidc-token-audience=https://demo-http-x.a.run.app --project=demo-project");
        assertThat(calls.stream().filter(c -> c.startsWith("functions deploy demo-http "))).hasSize(2)
                .allMatch(c -> c.contains("--no-allow-unauthenticated --service-account=" + compute))
                .noneMatch(c -> c.contains(" --allow-unauthenticated"))
                .anyMatch(c -> c.contains("SKYSTATE_WORKFLOWS_LOCATION=europe-west1,"
                        + "SKYSTATE_WORKFLOWS_SERVICE_ACCOUNT=wf@demo-project.iam.gserviceaccount.com"));
        // the workflows are deployed after the function whose URL the sweep job needs
        assertThat(calls.indexOf(calls.stream().filter(c -> c.startsWith("workflows deploy")).findFirst().orElseThrow()))
                .isGreaterThan(calls.indexOf(calls.stream().filter(c -> c.startsWith("functions describe")).findFirst()
                        .orElseThrow()));
    }

    private static String run(Path dir, String... command) throws Exception {
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
