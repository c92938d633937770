package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;

import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/** A bad catalog file stops start-up with an error naming the entry and the field; nothing is left listening. */
class BadCatalogIT {

    @TempDir
    Path dir;

    private Throwable start(Path catalog, int port) {
        SpringApplication app = new SpringApplication(ReferenceServerApplication.class);
        app.setWebApplicationType(WebApplicationType.SERVLET);
        return catchThrowable(() -> app.run("--scp.catalog=file:" + catalog, "--server.port=" + port).close());
    }

    private static String messages(Throwable t) {
        StringBuilder all = new StringBuilder();
        for (Throwable c = t; c != null; c = c.getCause()) {
            all.append(c.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void entryWithWrongTypeStopsStartUpNamingEntryIdAndField() throws Exception {
        ArrayNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/catalog.json")) {
            catalog = (ArrayNode) ReferenceServer.JSON.readTree(in);
        }
        ((ObjectNode) catalog.get(3).get("image")).put("virtual_size", "100 GB");
        Path file = Files.writeString(dir.resolve("images.json"), catalog.toString());
        int port = freePort();

        Throwable failure = start(file, port);

        assertThat(failure).isNotNull();
        assertThat(messages(failure)).contains("Invalid image catalog")
                .contains("catalog[3] (id '9e2d5c18-4b7a-4f3e-8d6c-1a0b2c3d4e5f'): field 'image.virtual_size'");
        try (ServerSocket stillFree = new ServerSocket(port)) {
            assertThat(stillFree.getLocalPort()).isEqualTo(port); // no half-started server holds the port
        }
    }

    @Test
    void fileThatIsNotJsonStopsStartUp() throws Exception {
        Path file = Files.writeString(dir.resolve("broken.json"), "[ { \"image\": ");

        Throwable failure = start(file, freePort());

        assertThat(messages(failure)).contains("Invalid image catalog").contains("cannot read it as JSON");
    }

    @Test
    void missingFileStopsStartUp() {
        Throwable failure = start(dir.resolve("absent.json"), 0);

        assertThat(messages(failure)).contains("Invalid image catalog").contains("absent.json").contains("cannot read it: ");
    }
}
