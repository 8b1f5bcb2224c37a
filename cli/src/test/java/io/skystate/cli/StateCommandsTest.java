package io.skystate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skystate state get|put|list|delete} on the local adapter. */
class StateCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Cli cli;

    @BeforeEach
    void database() {
        cli = new Cli(dir.resolve("skystate.db"));
    }

    @Test
    void putThenGetReturnsTheDocumentAndItsVersion() throws Exception {
        Cli.Result put = cli.run("state", "put", "app", "users", "u1", "--json", "{\"name\":\"Ann\"}", "-o", "json");
        assertThat(put.exitCode()).as(put.toString()).isZero();
        String version = JSON.readTree(put.out()).get("version").asText();
        Cli.Result get = cli.run("state", "get", "app", "users", "u1", "-o", "json");
        JsonNode entry = JSON.readTree(get.out());
        assertThat(entry.at("/value/name").asText()).isEqualTo("Ann");
        assertThat(entry.get("version").asText()).isEqualTo(version);
        assertThat(entry.get("type").asText()).isEqualTo("JSON");
    }

    @Test
    void getOfAnAbsentRecordIsNotFound() {
        Cli.Result r = cli.run("state", "get", "app", "users", "nobody");
        assertThat(r.exitCode()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(r.err()).contains("no record users/nobody in store 'app'");
    }

    @Test
    void conditionsThatDoNotHoldAreConflictsAndWriteNothing() throws Exception {
        cli.run("state", "put", "app", "users", "u2", "--json", "{\"n\":1}");
        assertThat(cli.run("state", "put", "app", "users", "u2", "--json", "{\"n\":2}", "--if-absent").exitCode())
                .isEqualTo(ExitCode.CONFLICT.code());
        assertThat(cli.run("state", "put", "app", "users", "u2", "--json", "{\"n\":3}", "--if-version", "stale")
                .exitCode()).isIn(ExitCode.CONFLICT.code(), ExitCode.INVALID.code());
        assertThat(JSON.readTree(cli.run("state", "get", "app", "users", "u2", "-o", "json").out()).at("/value/n").asInt())
                .isEqualTo(1);
    }

    @Test
    void listPagesThroughAGroupInKeyOrder() throws Exception {
        for (String id : new String[] {"c", "a", "b"}) {
            cli.run("state", "put", "app", "letters", id, "--json", "\"" + id + "\"");
        }
        Cli.Result first = cli.run("state", "list", "app", "letters", "--limit", "2", "-o", "json");
        JsonNode page = JSON.readTree(first.out());
        assertThat(page.at("/entries/0/id").asText()).isEqualTo("a");
        assertThat(page.at("/entries/1/id").asText()).isEqualTo("b");
        String cursor = page.get("nextCursor").asText();
        Cli.Result second = cli.run("state", "list", "app", "letters", "--limit", "2", "--cursor", cursor);
        assertThat(second.out()).contains("GROUP").contains("c").doesNotContain("\"a\"");
        Cli.Result table = cli.run("state", "list", "app", "letters", "--limit", "2");
        assertThat(table.err()).contains("more: --cursor ");
    }

    @Test
    void bytesAreStoredAsTheyAreAndShownInBase64() throws Exception {
        Path file = Files.write(dir.resolve("blob.bin"), new byte[] {1, 2, 3});
        assertThat(cli.run("state", "put", "app", "blobs", "b1", "--bytes-file", file.toString()).exitCode()).isZero();
        Cli.Result get = cli.run("state", "get", "app", "blobs", "b1");
        assertThat(get.out()).contains("BYTES").contains("AQID");
    }

    @Test
    void deleteRemovesTheRecordAndAMissingOneIsNotFound() {
        cli.run("state", "put", "app", "users", "u3", "--json", "{}");
        assertThat(cli.run("state", "delete", "app", "users", "u3").exitCode()).isZero();
        assertThat(cli.run("state", "get", "app", "users", "u3").exitCode()).isEqualTo(ExitCode.NOT_FOUND.code());
        assertThat(cli.run("state", "delete", "app", "users", "u3").exitCode()).isEqualTo(ExitCode.NOT_FOUND.code());
    }

    @Test
    void anInvalidStoreNameIsInvalidInput() {
        Cli.Result r = cli.run("state", "get", "Not_A_Store", "g", "i");
        assertThat(r.exitCode()).isEqualTo(ExitCode.INVALID.code());
        assertThat(r.err()).contains("store name must be");
    }

    @Test
    void exactlyOneValueSourceIsAUsageRule() {
        assertThat(cli.run("state", "put", "app", "users", "u4").exitCode()).isEqualTo(ExitCode.USAGE.code());
    }
}
