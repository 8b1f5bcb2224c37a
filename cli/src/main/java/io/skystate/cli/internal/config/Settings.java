package io.skystate.cli.internal.config;

import io.skystate.api.SkystateConfig;
import io.skystate.api.WorkflowWorkers;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.CliException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Turns the global options into a {@link SkystateConfig}. Each setting comes from the first place that has it:
 * {@code -p key=value}, then the {@code --config} file (or, without that option, the file {@code SKYSTATE_CONFIG}
 * names), then the defaults. The provider comes from {@code --provider}, then {@code SKYSTATE_PROVIDER}, then a
 * {@code provider} key in the file; without one, Skystate picks the only adapter on the class path. Defaults:
 * {@code workflows.workers=off} on every adapter (the command operates runs and leaves their steps to the
 * application, which has the handlers; {@code -p workflows.workers=on} runs them here, with the application's
 * handler modules on {@code SKYSTATE_CLASSPATH}), and, read only by the local adapter, {@code local.path=skystate.db}
 * (in the working directory) and {@code local.http.port=-1} (the command serves no callback URLs).
 */
public final class Settings {
    /** The key of a configuration file that names the provider rather than a property. */
    public static final String PROVIDER_KEY = "provider";
    static final Map<String, String> DEFAULTS = Map.of(WorkflowWorkers.PROPERTY, "off", "local.path", "skystate.db",
            "local.http.port", "-1");

    private Settings() {
    }

    /** The effective provider and properties. */
    public record Resolved(Optional<String> provider, Map<String, String> properties) {
        public SkystateConfig config() {
            SkystateConfig.Builder builder = SkystateConfig.builder();
            provider.ifPresent(builder::provider);
            properties.forEach(builder::property);
            return builder.build();
        }
    }

    public static Resolved resolve(String provider, Map<String, String> properties, Path configFile,
            Map<String, String> env) {
        Path file = configFile != null ? configFile
                : Optional.ofNullable(env.get("SKYSTATE_CONFIG")).filter(s -> !s.isBlank()).map(Path::of).orElse(null);
        Map<String, String> fromFile = file == null ? Map.of() : read(file);
        Map<String, String> merged = new LinkedHashMap<>(DEFAULTS);
        fromFile.forEach((k, v) -> {
            if (!k.equals(PROVIDER_KEY)) {
                merged.put(k, v);
            }
        });
        merged.putAll(properties);
        Optional<String> chosen = Optional.ofNullable(provider)
                .or(() -> Optional.ofNullable(env.get("SKYSTATE_PROVIDER")))
                .or(() -> Optional.ofNullable(fromFile.get(PROVIDER_KEY)))
                .filter(s -> !s.isBlank());
        return new Resolved(chosen, merged);
    }

    private static Map<String, String> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new CliException(ExitCode.CONFIGURATION, "cannot read configuration file " + file + ": " + e, e);
        }
        Map<String, String> map = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> map.put(k, properties.getProperty(k).trim()));
        return map;
    }
}
