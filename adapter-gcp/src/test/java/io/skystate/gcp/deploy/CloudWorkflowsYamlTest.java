package io.skystate.gcp.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.examples.ordersaga.OrderWorkflow;
import io.skystate.gcpworkflows.WorkflowsRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The deploy artifact of the order saga: a Workflows YAML file the runner accepts, and its gcloud command. */
class CloudWorkflowsYamlTest {
    @Test
    void writesTheOrderSagaAsADeployableFile() throws Exception {
        WorkflowDefinition definition = OrderWorkflow.definition();
        Path file = CloudWorkflowsYaml.write(Path.of("target", "cloud-workflows"), CloudWorkflowsYaml.DEFAULT_PREFIX,
                definition);
        assertThat(file.getFileName().toString()).isEqualTo("skystate-order-saga-v1.yaml");
        String source = Files.readString(file);
        assertThat(source).isEqualTo(CloudWorkflowsYaml.generate(definition));
        assertThat(WorkflowsRunner.check(source)).isEmpty();
        assertThat(CloudWorkflowsYaml.deployCommand("skystate-order-saga-v1", file, "europe-west1", "wf@p.iam.gserviceaccount.com"))
                .isEqualTo("gcloud workflows deploy skystate-order-saga-v1 --source=" + file
                        + " --location=europe-west1 --service-account=wf@p.iam.gserviceaccount.com");
    }
}
