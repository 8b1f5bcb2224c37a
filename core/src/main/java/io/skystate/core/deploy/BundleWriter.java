package io.skystate.core.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a bundle's files under one directory, deterministically: text with {@code \n} line ends in UTF-8, archives
 * with their entries sorted by name, every entry stamped with the application's timestamp (as a zone-free DOS time,
 * so the bytes do not depend on the machine's time zone) and no extra fields, and copies byte for byte. It records
 * each file's size and SHA-256 for the {@link DeploymentManifest}, which {@link #finish()} writes as
 * {@value #MANIFEST}. Paths are relative, with {@code /}. Not thread-safe.
 */
public final class BundleWriter {
    /** The manifest's file name in every bundle. */
    public static final String MANIFEST = "manifest.json";
    /** The earliest time a zip entry holds without an extra field. */
    private static final Instant DOS_EPOCH = Instant.parse("1980-01-01T00:00:02Z");

    private final Path root;
    private final LocalDateTime entryTime;
    private final DeploymentManifest manifest;
    private final SortedMap<String, FileDigest> files = new TreeMap<>();

    /** A file's size in bytes and its SHA-256 in lower-case hex. */
    public record FileDigest(long bytes, String sha256) {
    }

    /** A writer into {@code root} (created if missing) for {@code application} on {@code cloud}. */
    public BundleWriter(Path root, Application application, String cloud) throws IOException {
        this.root = Files.createDirectories(root);
        Instant time = application.timestamp().isBefore(DOS_EPOCH) ? DOS_EPOCH : application.timestamp();
        this.entryTime = LocalDateTime.ofInstant(time, ZoneOffset.UTC);
        this.manifest = new DeploymentManifest(application.name(), cloud);
    }

    /** The bundle's directory. */
    public Path root() {
        return root;
    }

    /** The manifest the packager describes the bundle's resources and settings in. */
    public DeploymentManifest manifest() {
        return manifest;
    }

    /** Writes {@code content} as UTF-8 with {@code \n} line ends. */
    public Path text(String path, String content) throws IOException {
        return write(path, content.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code content} like {@link #text} and marks the file executable (a script). */
    public Path script(String path, String content) throws IOException {
        Path file = text(path, content);
        if (!file.toFile().setExecutable(true, false)) {
            throw new IOException("cannot make " + file + " executable");
        }
        return file;
    }

    /** Copies {@code source} byte for byte. */
    public Path copy(String path, Path source) throws IOException {
        return write(path, Files.readAllBytes(source));
    }

    /**
     * Writes a zip (or jar) archive: {@code manifestText}, if present, as {@code META-INF/MANIFEST.MF} first, then
     * every entry in name order, each with the content of its file.
     */
    public Path archive(String path, SortedMap<String, Path> entries, Optional<String> manifestText) throws IOException {
        Path file = target(notManifest(path));
        MessageDigest digest = sha256();
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
            writeArchive(out, entries, manifestText, entryTime);
        }
        files.put(path, new FileDigest(Files.size(file), HexFormat.of().formatHex(digest.digest())));
        return file;
    }

    /**
     * Writes a deterministic zip (or jar) archive to {@code file}, as {@link #archive} does, outside any bundle
     * (such as a jar of a directory of classes a bundle then copies).
     */
    public static void writeArchive(Path file, SortedMap<String, Path> entries, Optional<String> manifestText,
            Instant timestamp) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Instant time = timestamp.isBefore(DOS_EPOCH) ? DOS_EPOCH : timestamp;
        try (OutputStream out = Files.newOutputStream(file)) {
            writeArchive(out, entries, manifestText, LocalDateTime.ofInstant(time, ZoneOffset.UTC));
        }
    }

    private static void writeArchive(OutputStream out, SortedMap<String, Path> entries, Optional<String> manifestText,
            LocalDateTime time) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            if (manifestText.isPresent()) {
                zip.putNextEntry(entry("META-INF/MANIFEST.MF", time));
                zip.write(manifestText.get().replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (var e : entries.entrySet()) {
                if (manifestText.isPresent() && e.getKey().equals("META-INF/MANIFEST.MF")) {
                    continue;
                }
                zip.putNextEntry(entry(e.getKey(), time));
                try (InputStream in = Files.newInputStream(e.getValue())) {
                    in.transferTo(zip);
                }
                zip.closeEntry();
            }
        }
    }

    /** Every regular file below {@code directory}, by its relative path under {@code under} (empty for none). */
    public static SortedMap<String, Path> tree(Path directory, String under) throws IOException {
        SortedMap<String, Path> entries = new TreeMap<>();
        if (!Files.isDirectory(directory)) {
            return entries;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.filter(Files::isRegularFile).forEach(file -> {
                String relative = directory.relativize(file).toString().replace('\\', '/');
                entries.put(under.isEmpty() ? relative : under + "/" + relative, file);
            });
        }
        return entries;
    }

    /** The files written so far, by path. */
    public SortedMap<String, FileDigest> files() {
        return java.util.Collections.unmodifiableSortedMap(files);
    }

    /** Writes {@value #MANIFEST}, listing every file written before it. */
    public Path finish() throws IOException {
        String text = manifest.json(files);
        Path file = target(MANIFEST);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private static ZipEntry entry(String name, LocalDateTime time) {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(time);
        return entry;
    }

    private Path write(String path, byte[] content) throws IOException {
        Path file = target(notManifest(path));
        Files.write(file, content);
        MessageDigest digest = sha256();
        files.put(path, new FileDigest(content.length, HexFormat.of().formatHex(digest.digest(content))));
        return file;
    }

    private Path target(String path) throws IOException {
        if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || Path.of(path).normalize().startsWith("..")) {
            throw new IllegalArgumentException("not a relative bundle path: '" + path + "'");
        }
        Path file = root.resolve(path).normalize();
        if (!file.startsWith(root.normalize())) {
            throw new IllegalArgumentException("not a relative bundle path: '" + path + "'");
        }
        Files.createDirectories(file.getParent());
        return file;
    }

    private static String notManifest(String path) {
        if (path.equals(MANIFEST)) {
            throw new IllegalArgumentException(MANIFEST + " is written by finish()");
        }
        return path;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
