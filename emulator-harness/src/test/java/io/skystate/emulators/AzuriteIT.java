package io.skystate.emulators;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Azurite starts its three services, each answers (an unsigned request is refused by the service, not the OS), and stops. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class AzuriteIT {

    @Test
    void connectionStringNamesTheThreeEndpoints() {
        Azurite azurite = Azurite.get();
        assertThat(Azurite.get()).isSameAs(azurite);
        assertThat(azurite.connectionString())
                .startsWith("DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8")
                .contains("TableEndpoint=http://127.0.0.1:" + azurite.tablePort() + "/devstoreaccount1;")
                .contains("QueueEndpoint=http://127.0.0.1:" + azurite.queuePort() + "/devstoreaccount1;")
                .contains("BlobEndpoint=http://127.0.0.1:" + azurite.blobPort() + "/devstoreaccount1;");
    }

    @Test
    void privateInstanceServesAndStops() throws Exception {
        Azurite azurite = Azurite.start();
        // Unsigned requests: each service answers with its own authorization error.
        assertThat(Probes.get(URI.create(azurite.tableEndpoint() + "/Tables")).status()).isEqualTo(403);
        assertThat(Probes.get(URI.create(azurite.queueEndpoint() + "?comp=list")).status()).isEqualTo(403);
        assertThat(Probes.get(URI.create(azurite.blobEndpoint() + "?comp=list")).status()).isEqualTo(403);
        azurite.close();
        assertThat(azurite.process().isAlive()).isFalse();
        assertThat(Probes.listening(azurite.tablePort())).isFalse();
        assertThat(Probes.listening(azurite.queuePort())).isFalse();
        assertThat(Probes.listening(azurite.blobPort())).isFalse();
    }
}
