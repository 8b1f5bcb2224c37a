package io.skystate.aws;

import io.skystate.api.Skystate;
import io.skystate.api.SkystateConfig;
import io.skystate.api.WorkflowPortability;
import io.skystate.api.WorkflowWorkers;
import io.skystate.api.spi.SkystateProvider;
import java.net.URI;
import java.util.Optional;
import java.util.Set;

/**
 * Discovers the AWS adapter as provider {@value AwsSkystate#PROVIDER}. Properties: {@code aws.region} (else the
 * SDK's region chain: {@code AWS_REGION} ...), {@code aws.endpoint} (an emulator), {@code aws.prefix},
 * {@code aws.http.base-url}, {@code aws.create-resources}, {@code workflows.portability}. Available when a region
 * is configured or in the environment. With another adapter on the class path, the config must name it.
 */
public final class AwsProvider implements SkystateProvider {
    @Override
    public String id() {
        return AwsSkystate.PROVIDER;
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Set<String> properties() {
        return Set.of("aws.region", "aws.endpoint", "aws.prefix", "aws.http.base-url", "aws.http.handler-endpoints",
                "aws.kms.key-id", "aws.create-resources");
    }

    @Override
    public Optional<String> unavailableReason(SkystateConfig config) {
        boolean region = config.property("aws.region").isPresent() || System.getenv("AWS_REGION") != null
                || System.getProperty("aws.region") != null;
        return region ? Optional.empty() : Optional.of("no region (set aws.region or AWS_REGION)");
    }

    @Override
    public Skystate create(SkystateConfig config) {
        AwsSkystateBuilder builder = AwsSkystate.builder().clock(config.clock());
        config.property("aws.region").ifPresent(builder::region);
        config.property("aws.endpoint").ifPresent(e -> builder.endpoint(URI.create(e)));
        config.property("aws.prefix").ifPresent(builder::prefix);
        config.property("aws.http.base-url").ifPresent(u -> builder.httpBaseUrl(URI.create(u)));
        config.property("aws.kms.key-id").ifPresent(builder::kmsKeyId);
        config.property("aws.http.handler-endpoints").ifPresent(h -> builder.handlerEndpoints(Boolean.parseBoolean(h)));
        config.property("aws.create-resources").ifPresent(c -> builder.createResources(Boolean.parseBoolean(c)));
        config.property(WorkflowPortability.PROPERTY).map(WorkflowPortability::parse).ifPresent(builder::workflowPortability);
        config.property(WorkflowWorkers.PROPERTY).map(WorkflowWorkers::parse).ifPresent(builder::workflowWorkers);
        config.callbackKeys().ifPresent(builder::callbackKeys);
        config.sessionKeys().ifPresent(builder::sessionKeys);
        return builder.build();
    }
}
