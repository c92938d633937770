package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Proves the client runs with only Feign, Jackson and annotations: the client is loaded in a class
 * loader that holds nothing but its own classes, the spec jar and those libraries (the same
 * allow-list as the enforcer rule in client/pom.xml; no feign-okhttp, feign-form, feign-slf4j or
 * their dependencies, which are on the test class path only because the generated ApiClient
 * needs them to compile) and calls a JDK HTTP server that answers an image and the versions document.
 */
class ClientRuntimeClasspathTest {

    /** Path fragments of the jars the client may need at run time. */
    private static final List<String> RUNTIME_ALLOW_LIST = List.of(
            "/io/github/openfeign/feign-core/",
            "/io/github/openfeign/feign-jackson/",
            "/com/fasterxml/jackson/core/",
            "/com/fasterxml/jackson/datatype/jackson-datatype-jsr310/",
            "/org/openapitools/jackson-databind-nullable/",
            "/jakarta/annotation/jakarta.annotation-api/",
            "scp-image-api-spec", "/api-spec/target/classes",
            "/client/target/classes");

    private HttpServer server;
    private final AtomicReference<String> versionHeader = new AtomicReference<>();

    @BeforeEach
    void startServer() throws Exception {
        byte[] seed = ClientFaultsTest.IMAGE.getBytes(StandardCharsets.UTF_8);
        byte[] versions = ("{\"versions\": [{\"id\": \"" + ScpServiceVersion.getLatest().id()
                + "\", \"status\": \"CURRENT\", \"not_before\": null, \"links\": []}]}").getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, versions.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(versions);
            }
        });
        server.createContext("/v1/images/", exchange -> {
            versionHeader.set(exchange.getRequestHeaders().getFirst("Scp-Api-Version"));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, seed.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(seed);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void clientWorksWithOnlyFeignJacksonAndAnnotations() throws Exception {
        try (URLClassLoader runtime = new URLClassLoader(runtimeClassPath(), ClassLoader.getPlatformClassLoader())) {
            // The loader really lacks what the generated ApiClient would need.
            assertThatThrownBy(() -> runtime.loadClass("feign.okhttp.OkHttpClient")).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> runtime.loadClass("okhttp3.OkHttpClient")).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> runtime.loadClass("feign.form.FormEncoder")).isInstanceOf(ClassNotFoundException.class);
            assertThatThrownBy(() -> runtime.loadClass("feign.slf4j.Slf4jLogger")).isInstanceOf(ClassNotFoundException.class);

            Class<?> clientClass = runtime.loadClass(ScpImageClient.class.getName());
            assertThat(clientClass).isNotSameAs(ScpImageClient.class);
            Object builder = clientClass.getMethod("builder").invoke(null);
            builder.getClass().getMethod("endpoint", String.class)
                    .invoke(builder, "http://127.0.0.1:" + server.getAddress().getPort());
            Class<?> credentialsClass = runtime.loadClass(ScpCredentials.class.getName());
            Object credentials = credentialsClass.getMethod("of", String.class, String.class).invoke(null, "test", "test");
            builder.getClass().getMethod("credentials", credentialsClass).invoke(builder, credentials);
            Object client = builder.getClass().getMethod("build").invoke(builder);

            Object image = clientClass.getMethod("showImage", String.class)
                    .invoke(client, "70a599e0-31e7-49b7-b260-868f441e862b");

            assertThat(image.getClass().getMethod("getScpGpuDriver").invoke(image)).isEqualTo("535.183.06");
            assertThat(image.getClass().getMethod("getSize").invoke(image)).isEqualTo(2_429_747_200L);
            assertThat(versionHeader.get()).isEqualTo(ScpServiceVersion.getLatest().headerValue());

            Object document = clientClass.getMethod("versions").invoke(client);
            assertThat(document.getClass().getClassLoader()).isSameAs(runtime);
            assertThat(String.valueOf(document.getClass().getMethod("getVersions").invoke(document)))
                    .contains(ScpServiceVersion.getLatest().id());
        }
    }

    /** The test class path reduced to the allow-list. */
    private static URL[] runtimeClassPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String path = new File(entry).getAbsolutePath().replace(File.separatorChar, '/');
            if (RUNTIME_ALLOW_LIST.stream().anyMatch(path::contains)) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        assertThat(urls).as("client classes on the test class path").isNotEmpty();
        return urls.toArray(URL[]::new);
    }
}
