package io.skystate.examples.approval;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerDefinition;
import io.skystate.api.queue.Message;
import io.skystate.api.queue.MessageQueue;
import io.skystate.api.state.Key;
import io.skystate.api.state.PutOptions;
import io.skystate.api.state.StateStore;
import java.util.Map;
import java.util.Optional;

/**
 * The document-approval handlers. Documents live in store {@value #DOCUMENTS}; an approval request is a record in
 * store {@value #APPROVALS} holding the callback URL the approver answers, and a message on queue
 * {@value #REQUESTS} for whatever notifies people (mail, chat). Every write is keyed by the document id, so running a
 * handler twice (handlers run at least once) changes nothing more.
 */
public final class ApprovalHandlers {
    public static final String DOCUMENTS = "documents";
    public static final String APPROVALS = "approvals";
    public static final String REQUESTS = "approval-requests";

    private final StateStore documents;
    private final StateStore approvals;
    private final MessageQueue requests;

    public ApprovalHandlers(Skystate skystate) {
        this.documents = skystate.stateStore(DOCUMENTS);
        this.approvals = skystate.stateStore(APPROVALS);
        this.requests = skystate.queue(REQUESTS);
    }

    /** A document to approve. */
    public record Document(String id, String title, String author, String approver) {
    }

    /** What a wait-for-callback handler receives: the callback's token and URL, and the step's input. */
    public record ApprovalRequest(String token, String url, Document input) {
    }

    /**
     * The record the approver's tools read: whom to ask, and how to answer: a POST to {@code callbackUrl}, or the
     * cloud's own call with {@code token} (such as {@code aws stepfunctions send-task-success --task-token}).
     */
    public record PendingApproval(String documentId, String title, String approver, String callbackUrl, String token) {
    }

    public void registerAll(Skystate skystate) {
        var handlers = skystate.handlers();
        handlers.register(HandlerDefinition.ofFunction("submitDocument", Document.class, Map.class,
                d -> status(d.id(), "SUBMITTED")));
        handlers.register(HandlerDefinition.ofFunction("requestApproval", ApprovalRequest.class, Map.class, this::ask));
        handlers.register(HandlerDefinition.ofFunction("publishDocument", Document.class, Map.class,
                d -> status(d.id(), "PUBLISHED")));
        handlers.register(HandlerDefinition.ofFunction("returnToAuthor", Document.class, Map.class,
                d -> status(d.id(), "RETURNED")));
    }

    private Map<String, Object> ask(ApprovalRequest request) {
        Document d = request.input();
        approvals.putJson(Key.of("pending", d.id()), new PendingApproval(d.id(), d.title(), d.approver(), request.url(),
                        request.token()),
                PutOptions.always());
        requests.send(Message.of(d.id(), Map.of("approver", d.approver())));
        return Map.of("asked", d.approver());
    }

    private Map<String, Object> status(String documentId, String status) {
        documents.putJson(Key.of("documents", documentId), Map.of("id", documentId, "status", status),
                PutOptions.always());
        return Map.of("id", documentId, "status", status);
    }

    /** The document's status, if it was submitted. */
    public Optional<String> status(String documentId) {
        return documents.getJson(Key.of("documents", documentId), Map.class).map(m -> String.valueOf(m.get("status")));
    }

    /** The pending approval of a document, with its callback URL. */
    public Optional<PendingApproval> pending(String documentId) {
        return approvals.getJson(Key.of("pending", documentId), PendingApproval.class);
    }
}
