package io.github.scptoolkit.image.server.plain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.SpringServletContainerInitializer;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * docs/server.md's plain Spring MVC application (no Spring Boot anywhere: Spring's own
 * {@code WebApplicationInitializer} on a bare embedded Tomcat) on a random loopback port: signed
 * requests are served in the CURRENT version, unsigned ones refused with a problem.
 */
class PlainSpringMvcOnTomcatTest {

    private static Tomcat tomcat;
    private static int port;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path base = Files.createTempDirectory("plain-spring-mvc");
        tomcat = new Tomcat();
        tomcat.setBaseDir(base.toString());
        tomcat.setHostname("127.0.0.1");
        tomcat.getConnector().setPort(0);
        tomcat.getConnector().setProperty("address", "127.0.0.1");
        Context context = tomcat.addContext("", base.toString());
        context.addServletContainerInitializer(new SpringServletContainerInitializer(), Set.of(MyServerInitializer.class));
        tomcat.start();
        port = tomcat.getConnector().getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        tomcat.stop();
        tomcat.destroy();
    }

    private static String url() {
        return "http://127.0.0.1:" + port + ScpApi.SHOW_IMAGE.path().replace("{image_id}", MyImagesController.KNOWN_ID);
    }

    @Test
    void aSignedRequestIsServedInTheCurrentVersion() throws Exception {
        String timestamp = String.valueOf(System.currentTimeMillis());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("my-secret-key".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal(("GET" + url() + timestamp + "my-access-key" + "Openapi").getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url()))
                .header("Scp-Accesskey", "my-access-key").header("Scp-Timestamp", timestamp)
                .header("Scp-ClientType", "Openapi").header("Scp-Signature", signature).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue(ScpApi.VERSION_HEADER)).hasValue(ScpServiceVersion.getLatest().headerValue());
    }

    @Test
    void anUnsignedRequestIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url())).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("MISSING_AUTH_HEADERS");
    }
}
