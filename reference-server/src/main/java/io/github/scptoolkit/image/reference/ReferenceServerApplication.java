package io.github.scptoolkit.image.reference;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import io.github.scptoolkit.image.server.ScpImageApiConfiguration;

/**
 * The reference server: the generated {@code ImagesApi} implemented over an in-memory catalog,
 * with the stub's version negotiation and problem responses imported.
 *
 * <pre>
 * ./mvnw -pl reference-server -am spring-boot:run     # http://127.0.0.1:8080
 * </pre>
 */
@SpringBootApplication
@Import(ScpImageApiConfiguration.class)
public class ReferenceServerApplication {

    /** Starts the server; {@code --server.port=9090} changes the port. */
    public static void main(String[] args) {
        SpringApplication.run(ReferenceServerApplication.class, args);
    }

    /**
     * Image ids are one path segment in which the clients encode {@code /} as {@code %2F}; Tomcat
     * refuses {@code %2F} by default, so pass it through undecoded (Spring then decodes the id).
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashInImageIds() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }
}
