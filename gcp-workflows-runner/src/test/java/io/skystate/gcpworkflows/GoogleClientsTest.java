package io.skystate.gcpworkflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.InvalidArgumentException;
import com.google.api.gax.rpc.NotFoundException;
import com.google.cloud.workflows.executions.v1.CancelExecutionRequest;
import com.google.cloud.workflows.executions.v1.CreateExecutionRequest;
import com.google.cloud.workflows.executions.v1.Execution;
import com.google.cloud.workflows.executions.v1.ExecutionsClient;
import com.google.cloud.workflows.executions.v1.ExecutionsSettings;
import com.google.cloud.workflows.executions.v1.ListExecutionsRequest;
import com.google.cloud.workflows.v1.CreateWorkflowRequest;
import com.google.cloud.workflows.v1.UpdateWorkflowRequest;
import com.google.cloud.workflows.v1.Workflow;
import com.google.cloud.workflows.v1.WorkflowsClient;
import com.google.cloud.workflows.v1.WorkflowsSettings;
import com.google.protobuf.FieldMask;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Google Java clients ({@code google-cloud-workflows}, {@code google-cloud-workflow-executions}, HTTP/JSON
 * transport) against the runner's API: the REST shapes of https://cloud.google.com/workflows/docs/reference/rest
 * and https://cloud.google.com/workflows/docs/reference/executions/rest, as annotated in
 * {@code google/cloud/workflows/v1/workflows.proto} and {@code google/cloud/workflows/executions/v1/executions.proto}.
 */
class GoogleClientsTest {
    private static WorkflowsRunner runner;
    private static WorkflowsClient workflows;
    private static ExecutionsClient executions;
    private static final String PARENT = "projects/local-project/locations/us-central1";

    @BeforeAll
    static void connect() throws Exception {
        runner = WorkflowsRunner.start(0);
        String endpoint = "http://127.0.0.1:" + runner.port();
        workflows = WorkflowsClient.create(WorkflowsSettings.newHttpJsonBuilder().setEndpoint(endpoint)
                .setCredentialsProvider(NoCredentialsProvider.create()).build());
        executions = ExecutionsClient.create(ExecutionsSettings.newHttpJsonBuilder().setEndpoint(endpoint)
                .setCredentialsProvider(NoCredentialsProvider.create()).build());
    }

    @AfterAll
    static void disconnect() {
        executions.close();
        workflows.close();
        runner.close();
    }

    private static Workflow deploy(String id, String source) throws Exception {
        return workflows.createWorkflowAsync(CreateWorkflowRequest.newBuilder().setParent(PARENT).setWorkflowId(id)
                .setWorkflow(Workflow.newBuilder().setSourceContents(source).setDescription("test")).build()).get();
    }

    private static Execution awaitEnd(String name) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            Execution execution = executions.getExecution(name);
            if (execution.getState() != Execution.State.ACTIVE) {
                return execution;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("execution did not end: " + name);
    }

    /** Workflows create (a long-running operation), get, list and delete. */
    @Test
    void createGetListDeleteWorkflows() throws Exception {
        Workflow created = deploy("crud", "- r:\n    return: 1\n");
        assertThat(created.getName()).isEqualTo(PARENT + "/workflows/crud");
        assertThat(created.getRevisionId()).matches("000001-[0-9a-f]{3}");
        assertThat(created.getState()).isEqualTo(Workflow.State.ACTIVE);
        assertThat(workflows.getWorkflow(created.getName()).getSourceContents()).isEqualTo("- r:\n    return: 1\n");
        List<String> names = StreamSupport.stream(workflows.listWorkflows(PARENT).iterateAll().spliterator(), false)
                .map(Workflow::getName).collect(Collectors.toList());
        assertThat(names).contains(created.getName());
        workflows.deleteWorkflowAsync(created.getName()).get();
        assertThatThrownBy(() -> workflows.getWorkflow(created.getName())).isInstanceOf(NotFoundException.class);
    }

    /** A source with an unsupported construct is refused at deploy time with INVALID_ARGUMENT naming it. */
    @Test
    void unsupportedConstructIsRejectedAtDeploy() {
        assertThatThrownBy(() -> deploy("bad", """
                - create:
                    call: googleapis.firestore.v1.projects.databases.documents.createDocument
                    args:
                      collectionId: c
                """)).hasCauseInstanceOf(InvalidArgumentException.class)
                .rootCause().hasMessageContaining("unsupported construct 'call: googleapis.firestore.v1.projects.databases"
                        + ".documents.createDocument' at main.steps[0].create");
    }

    /** Executions create/get: state, argument, result, revision; an update makes a new revision for new executions. */
    @Test
    void executionsRunTheRevisionCurrentAtCreation() throws Exception {
        Workflow workflow = deploy("revs", "main:\n  params: [args]\n  steps:\n    - r:\n        return: ${args.x}\n");
        Execution first = executions.createExecution(CreateExecutionRequest.newBuilder().setParent(workflow.getName())
                .setExecution(Execution.newBuilder().setArgument("{\"x\": 7}")
                        .setCallLogLevel(Execution.CallLogLevel.LOG_ALL_CALLS)).build());
        Workflow updated = workflows.updateWorkflowAsync(UpdateWorkflowRequest.newBuilder()
                .setWorkflow(workflow.toBuilder().setSourceContents("- r:\n    return: \"v2\"\n"))
                .setUpdateMask(FieldMask.newBuilder().addPaths("source_contents")).build()).get();
        assertThat(updated.getRevisionId()).startsWith("000002-");
        Execution second = executions.createExecution(workflow.getName(), Execution.getDefaultInstance());
        Execution firstDone = awaitEnd(first.getName());
        assertThat(firstDone.getState()).isEqualTo(Execution.State.SUCCEEDED);
        assertThat(firstDone.getResult()).isEqualTo("7");
        assertThat(firstDone.getArgument()).isEqualTo("{\"x\": 7}");
        assertThat(firstDone.getWorkflowRevisionId()).isEqualTo(workflow.getRevisionId());
        assertThat(firstDone.getCallLogLevel()).isEqualTo(Execution.CallLogLevel.LOG_ALL_CALLS);
        assertThat(firstDone.hasStartTime() && firstDone.hasEndTime()).isTrue();
        assertThat(awaitEnd(second.getName()).getResult()).isEqualTo("\"v2\"");
    }

    /** A failed execution carries error.payload, error.context and error.stackTrace. */
    @Test
    void failedExecutionError() throws Exception {
        Workflow workflow = deploy("fails", "- boom:\n    raise: {\"message\": \"bad\", \"code\": 3}\n");
        Execution done = awaitEnd(executions.createExecution(workflow.getName(), Execution.getDefaultInstance())
                .getName());
        assertThat(done.getState()).isEqualTo(Execution.State.FAILED);
        assertThat(done.getError().getPayload()).isEqualTo("{\"message\":\"bad\",\"code\":3}");
        assertThat(done.getError().getContext()).contains("in step \"boom\"");
        assertThat(done.getError().getStackTrace().getElements(0).getStep()).isEqualTo("boom");
        assertThat(done.getError().getStackTrace().getElements(0).getPosition().getLine()).isEqualTo(1);
    }

    /** cancel ends an execution that sleeps, at once; list filters on state and pages. */
    @Test
    void cancelAndList() throws Exception {
        Workflow workflow = deploy("sleepy", "- wait:\n    call: sys.sleep\n    args:\n      seconds: 60\n");
        Execution running = executions.createExecution(workflow.getName(), Execution.getDefaultInstance());
        Execution cancelled = executions.cancelExecution(CancelExecutionRequest.newBuilder()
                .setName(running.getName()).build());
        assertThat(cancelled.getState()).isEqualTo(Execution.State.CANCELLED);
        executions.createExecution(workflow.getName(), Execution.getDefaultInstance());
        List<Execution> active = StreamSupport.stream(executions.listExecutions(ListExecutionsRequest.newBuilder()
                .setParent(workflow.getName()).setFilter("state = ACTIVE").build()).iterateAll().spliterator(), false)
                .collect(Collectors.toList());
        assertThat(active).hasSize(1);
        List<Execution> all = StreamSupport.stream(executions.listExecutions(ListExecutionsRequest.newBuilder()
                .setParent(workflow.getName()).setPageSize(1).build()).iterateAll().spliterator(), false)
                .collect(Collectors.toList());
        assertThat(all).hasSize(2);
        assertThat(all.get(1).getName()).isEqualTo(running.getName());
        executions.cancelExecution(active.get(0).getName());
        assertThat(runner.awaitExecution(active.get(0).getName(), Duration.ofSeconds(5)).state())
                .isEqualTo(ExecutionState.CANCELLED);
    }
}
