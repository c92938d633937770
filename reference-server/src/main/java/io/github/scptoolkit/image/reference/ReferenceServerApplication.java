package io.github.scptoolkit.image.reference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The reference server and local emulator: the generated {@code ImagesApi} implemented over a
 * validated image catalog, with tenants and Glance-style visibility, the stub's version
 * negotiation and problem responses, and the spec and its rendered reference served (the beans are
 * {@link EmulatorConfiguration}; this adds Spring Boot's auto-configuration, the stub's included,
 * and the build's {@link TrainingRun}).
 *
 * <pre>
 * ./mvnw -pl reference-server -am spring-boot:run     # http://127.0.0.1:8080
 * java -jar reference-server/target/scp-image-reference-server-0.1.0-SNAPSHOT-exec.jar --scp.catalog=file:images.json
 * </pre>
 */
@SpringBootApplication
@Import({EmulatorConfiguration.class, TrainingRun.class})
public class ReferenceServerApplication {

    /** Starts the server; {@code --server.port=9090} changes the port, {@code --scp.catalog=file:x.json} the catalog. */
    public static void main(String[] args) {
        SpringApplication.run(ReferenceServerApplication.class, args);
    }
}
