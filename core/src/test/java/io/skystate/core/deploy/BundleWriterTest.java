package io.skystate.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TimeZone;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {
    @TempDir
    Path dir;

    private Application app() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/com/example"));
        Files.writeString(classes.resolve("B.class"), "b");
        Files.writeString(classes.resolve("A.class"), "a");
        Path lib = Files.writeString(dir.resolve("lib.jar"), "jar");
        return new Application("demo", Optional.empty(), Set.of("h"), List.of(), Set.of("orders"), Set.of(),
                new Application.Code(dir.resolve("classes"), new TreeMap<>(java.util.Map.of("lib.jar", lib))),
                Instant.parse("2024-01-01T00:00:00Z"));
    }

    private byte[] bundle(Application app, String out, TimeZone zone) throws Exception {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(zone);
        try {
            BundleWriter writer = new BundleWriter(dir.resolve(out), app, "test");
            var entries = BundleWriter.tree(app.code().classes(), "");
            entries.put("lib/lib.jar", app.code().libraries().get("lib.jar"));
            writer.archive("code.zip", entries, Optional.of("Manifest-Version: 1.0\n"));
            writer.text("README.md", "line\r\nline\n");
            writer.manifest().prefix("demo-").resource("table", "demo-orders", "store orders");
            writer.finish();
            return Files.readAllBytes(dir.resolve(out).resolve("code.zip"));
        } finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void archivesAreByteIdenticalAcrossRunsAndTimeZones() throws Exception {
        Application app = app();
        byte[] first = bundle(app, "one", TimeZone.getTimeZone("UTC"));
        byte[] second = bundle(app, "two", TimeZone.getTimeZone("Asia/Kathmandu"));
        assertThat(second).isEqualTo(first);
        assertThat(Files.readString(dir.resolve("one/manifest.json"))).isEqualTo(Files.readString(dir.resolve("two/manifest.json")));
        try (ZipFile zip = new ZipFile(dir.resolve("one/code.zip").toFile())) {
            assertThat(zip.stream().map(java.util.zip.ZipEntry::getName))
                    .containsExactly("META-INF/MANIFEST.MF", "com/example/A.class", "com/example/B.class", "lib/lib.jar");
        }
    }

    @Test
    void manifestListsFilesWithDigestsAndTheResources() throws Exception {
        bundle(app(), "one", TimeZone.getDefault());
        String manifest = Files.readString(dir.resolve("one/manifest.json"));
        assertThat(manifest).contains("\"format\" : \"skystate-bundle/1\"", "\"application\" : \"demo\"",
                "\"path\" : \"README.md\"", "\"bytes\" : 10", "\"name\" : \"demo-orders\"", "\"path\" : \"code.zip\"");
        assertThat(Files.readString(dir.resolve("one/README.md"))).isEqualTo("line\nline\n");
    }

    @Test
    void pathsStayInsideTheBundle() throws Exception {
        BundleWriter writer = new BundleWriter(dir.resolve("b"), app(), "test");
        assertThatThrownBy(() -> writer.text("../x", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.text("/x", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.text(BundleWriter.MANIFEST, "")).isInstanceOf(IllegalArgumentException.class);
    }
}
