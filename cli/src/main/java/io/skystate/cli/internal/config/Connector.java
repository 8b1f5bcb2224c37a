package io.skystate.cli.internal.config;

import io.skystate.api.InvalidRequestException;
import io.skystate.api.ProviderNotFoundException;
import io.skystate.api.Skystate;
import io.skystate.cli.ExitCode;
import io.skystate.cli.internal.output.CliException;
import io.skystate.api.handler.HandlerModule;
import java.util.ServiceLoader;

/**
 * Opens the configured provider and lets every {@link HandlerModule} on the class path register its handlers and
 * workflows, as a cloud entry point would. That matters on engines that run steps in the process that uses them (the
 * local adapter): a command that touches workflows takes part in running them, and can only run steps whose handlers
 * it has (put the application's jar on {@code SKYSTATE_CLASSPATH}).
 */
public final class Connector {
    private Connector() {
    }

    public static Skystate open(Settings.Resolved settings, boolean loadModules) {
        Skystate skystate;
        try {
            skystate = Skystate.open(settings.config());
        } catch (InvalidRequestException | ProviderNotFoundException e) {
            throw new CliException(ExitCode.CONFIGURATION, e.getMessage()
                    + (settings.provider().isEmpty() ? " (choose one with --provider or SKYSTATE_PROVIDER)" : ""), e);
        }
        if (loadModules) {
            try {
                for (HandlerModule module : ServiceLoader.load(HandlerModule.class)) {
                    module.configure(skystate);
                }
            } catch (RuntimeException e) {
                skystate.close();
                throw e;
            }
        }
        return skystate;
    }
}
