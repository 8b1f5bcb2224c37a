package io.skystate.examples.approval;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerModule;
import io.skystate.api.workflow.WorkflowDefinition;
import io.skystate.core.workflow.doc.WorkflowDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Sets the app up wherever a cloud entry point starts (listed in
 * {@code META-INF/services/io.skystate.api.handler.HandlerModule}): registers the handlers, then the workflow from
 * its file, {@code src/main/skystate/workflows/document-approval.yaml} (on the class path as {@value #WORKFLOW}).
 * {@code skystate:package} reads the same file and compiles it for each cloud; registering it here lets the app start
 * runs itself, and lets engines that interpret definitions at run time (Azure's Durable engine) run it.
 */
public final class DocumentApprovalModule implements HandlerModule {
    /** The workflow file's class path resource. */
    public static final String WORKFLOW = "/skystate/workflows/document-approval.yaml";

    @Override
    public void configure(Skystate skystate) {
        new ApprovalHandlers(skystate).registerAll(skystate);
        skystate.workflows().register(definition());
    }

    /** The workflow, read from {@value #WORKFLOW}. */
    public static WorkflowDefinition definition() {
        try (InputStream in = DocumentApprovalModule.class.getResourceAsStream(WORKFLOW)) {
            if (in == null) {
                throw new IllegalStateException(WORKFLOW + " is not on the class path");
            }
            return WorkflowDocuments.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + WORKFLOW, e);
        }
    }
}
