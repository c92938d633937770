package io.github.scptoolkit.image.reference;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The reference server and local emulator: the generated {@code ImagesApi} implemented over a
 * validated image catalog, with tenants and Glance-style visibility, the stub's version
 * negotiation and problem responses (its Spring Boot auto-configuration, no import needed), and
 * the spec and its rendered reference served.
 *
 * <pre>
 * ./mvnw -pl reference-server -am spring-boot:run     # http://127.0.0.1:8080
 * java -jar reference-server/target/scp-image-reference-server-0.1.0-SNAPSHOT-exec.jar --scp.catalog=file:images.json
 * </pre>
 */
@SpringBootApplication
@EnableConfigurationProperties(EmulatorProperties.class)
public class ReferenceServerApplication {

    /** Starts the server; {@code --server.port=9090} changes the port, {@code --scp.catalog=file:x.json} the catalog. */
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
