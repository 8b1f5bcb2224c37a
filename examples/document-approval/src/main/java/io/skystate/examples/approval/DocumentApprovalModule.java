package io.skystate.examples.approval;

import io.skystate.api.Skystate;
import io.skystate.api.handler.HandlerModule;

/**
 * Registers the document-approval handlers wherever a cloud entry point starts (listed in
 * {@code META-INF/services/io.skystate.api.handler.HandlerModule}). The workflow itself is the file
 * {@code src/main/skystate/workflows/document-approval.yaml}, which {@code skystate:package} compiles for each cloud.
 */
public final class DocumentApprovalModule implements HandlerModule {
    @Override
    public void configure(Skystate skystate) {
        new ApprovalHandlers(skystate).registerAll(skystate);
    }
}
