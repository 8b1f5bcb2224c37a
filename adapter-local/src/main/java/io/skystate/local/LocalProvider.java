package io.skystate.local;

import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.spi.SkystateProvider;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * Discovers the local adapter as provider {@value LocalSkystate#PROVIDER}. Properties: {@code local.path}
 * (database file; in memory when absent), {@code local.http.port} (0 any free port, -1 no HTTP) and
 * {@code local.sync} ({@code normal} or {@code full}), and {@code workflows.portability}.
 */
public final class LocalProvider implements SkystateProvider {
    @Override
    public String id() {
        return LocalSkystate.PROVIDER;
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Set<String> properties() {
        return Set.of("local.path", "local.http.port", "local.sync");
    }

    @Override
    public Optional<String> unavailableReason(SkystateConfig config) {
        return Optional.empty();
    }

    @Override
    public Skystate create(SkystateConfig config) {
        LocalSkystateBuilder builder = LocalSkystate.builder().clock(config.clock());
        config.property("local.path").ifPresent(p -> builder.file(Path.of(p)));
        config.property("local.http.port").ifPresent(p -> builder.httpPort(Integer.parseInt(p)));
        config.property("local.sync").ifPresent(s -> builder.fullSync("full".equalsIgnoreCase(s)));
        config.property(WorkflowPortability.PROPERTY).map(WorkflowPortability::parse).ifPresent(builder::workflowPortability);
        config.property(WorkflowWorkers.PROPERTY).map(WorkflowWorkers::parse).ifPresent(builder::workflowWorkers);
        config.callbackKeys().ifPresent(builder::callbackKeys);
        config.sessionKeys().ifPresent(builder::sessionKeys);
        return builder.build();
    }
}
