package io.skystate.cli.internal.command;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** {@code --version}: the version the build wrote into {@code io/skystate/cli/version.properties}. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/io/skystate/cli/version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        }
        return new String[] {"skystate " + properties.getProperty("version", "(development build)"),
            "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")};
    }
}
