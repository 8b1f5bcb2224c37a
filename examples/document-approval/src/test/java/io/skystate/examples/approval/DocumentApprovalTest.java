package io.skystate.examples.approval;

import static org.assertj.core.api.Assertions.assertThat;

import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.queue.ReceivedMessage;
import io.skystate.api.workflow.RunStatus;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import io.skystate.examples.approval.ApprovalHandlers.Document;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow as the packaged app runs it, on the embedded adapter: the module registers the handlers and the workflow
 * file (the same file skystate:package reads), and a person answers each document's callback URL over HTTP.
 */
class DocumentApprovalTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void approvedDocumentsArePublishedAndRejectedOnesReturned(@TempDir Path dir) throws Exception {
        WorkflowDefinition file = WorkflowDocuments.parse(
                Files.readString(Path.of("src/main/skystate/workflows/document-approval.yaml")));
        assertThat(DocumentApprovalModule.definition()).isEqualTo(file);
        try (Skystate skystate = Skystate.open(SkystateConfig.builder()
                .property("local.path", dir.resolve("skystate.db").toString()).build())) {
            new DocumentApprovalModule().configure(skystate);
            ApprovalHandlers handlers = new ApprovalHandlers(skystate);
            skystate.workflows().start("document-approval", "doc-1", new Document("doc-1", "Plan", "bo", "ann"));
            skystate.workflows().start("document-approval", "doc-2", new Document("doc-2", "Memo", "bo", "ann"));

            String first = awaitPending(handlers, "doc-1");
            String second = awaitPending(handlers, "doc-2");
            assertThat(answer(first, "{\"outcome\":\"success\",\"result\":{\"approved\":true,\"by\":\"ann\"}}")).isEqualTo(204);
            assertThat(answer(second, "{\"outcome\":\"success\",\"result\":{\"approved\":false,\"by\":\"ann\"}}")).isEqualTo(204);

            assertThat(skystate.workflows().await("doc-1", Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(skystate.workflows().await("doc-2", Duration.ofSeconds(30)).status()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(handlers.status("doc-1")).contains("PUBLISHED");
            assertThat(handlers.status("doc-2")).contains("RETURNED");
            List<ReceivedMessage> asked = skystate.queue(ApprovalHandlers.REQUESTS)
                    .receive(10, Duration.ofSeconds(30), Duration.ofSeconds(1));
            assertThat(asked).extracting(ReceivedMessage::bodyText).contains("doc-1", "doc-2");
        }
    }

    private static String awaitPending(ApprovalHandlers handlers, String documentId) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            var pending = handlers.pending(documentId);
            if (pending.isPresent()) {
                return pending.get().callbackUrl();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no approval was requested for " + documentId);
    }

    private static int answer(String url, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
