package io.skystate.gcp;

import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.spi.SkystateProvider;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Discovers the Google Cloud adapter as provider {@value GcpSkystate#PROVIDER}. Properties: {@code gcp.project}
 * (else {@code GOOGLE_CLOUD_PROJECT}), {@code gcp.firestore.database}, {@code gcp.emulator.firestore} and
 * {@code gcp.emulator.pubsub} ({@code host:port} of emulators), {@code gcp.prefix}, {@code gcp.create-resources},
 * {@code gcp.http.base-url}, {@code gcp.http.handler-endpoints}, {@code gcp.kms.key}, {@code gcp.workflows.location},
 * {@code gcp.workflows.endpoint} (an HTTP/JSON Workflows API such as Skystate's Workflows runner),
 * {@code gcp.workflows.service-account}, and the common {@code workflows.portability} and {@code workflows.workers}.
 * Available when a project is configured or in the environment. Stateless.
 */
public final class GcpProvider implements SkystateProvider {
    @Override
    public String id() {
        return GcpSkystate.PROVIDER;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Set<String> properties() {
        return Set.of("gcp.project", "gcp.firestore.database", "gcp.emulator.firestore", "gcp.emulator.pubsub",
                "gcp.prefix", "gcp.create-resources", "gcp.http.base-url", "gcp.http.handler-endpoints", "gcp.kms.key",
                "gcp.workflows.location", "gcp.workflows.endpoint", "gcp.workflows.service-account");
    }

    @Override
    public Optional<String> unavailableReason(SkystateConfig config) {
        return project(config).isPresent() ? Optional.empty()
                : Optional.of("no project (set gcp.project or GOOGLE_CLOUD_PROJECT)");
    }

    @Override
    public Skystate create(SkystateConfig config) {
        GcpSkystateBuilder builder = GcpSkystate.builder().clock(config.clock()).project(project(config).orElseThrow());
        config.property("gcp.firestore.database").ifPresent(builder::database);
        config.property("gcp.emulator.firestore").ifPresent(builder::firestoreEmulator);
        config.property("gcp.emulator.pubsub").ifPresent(builder::pubSubEmulator);
        config.property("gcp.prefix").ifPresent(builder::prefix);
        config.property("gcp.create-resources").ifPresent(c -> builder.createResources(Boolean.parseBoolean(c)));
        config.property("gcp.http.base-url").ifPresent(u -> builder.httpBaseUrl(URI.create(u)));
        config.property("gcp.kms.key").ifPresent(builder::kmsKey);
        config.property("gcp.http.handler-endpoints").ifPresent(h -> builder.handlerEndpoints(Boolean.parseBoolean(h)));
        config.property("gcp.workflows.location").ifPresent(builder::workflowsLocation);
        config.property("gcp.workflows.endpoint").ifPresent(builder::workflowsEndpoint);
        config.property("gcp.workflows.service-account").ifPresent(builder::workflowServiceAccount);
        config.property(WorkflowPortability.PROPERTY).map(WorkflowPortability::parse).ifPresent(builder::workflowPortability);
        config.property(WorkflowWorkers.PROPERTY).map(WorkflowWorkers::parse).ifPresent(builder::workflowWorkers);
        config.callbackKeys().ifPresent(builder::callbackKeys);
        config.sessionKeys().ifPresent(builder::sessionKeys);
        return builder.build();
    }

    private static Optional<String> project(SkystateConfig config) {
        return config.property("gcp.project").or(() -> Optional.ofNullable(System.getenv("GOOGLE_CLOUD_PROJECT")));
    }
}
