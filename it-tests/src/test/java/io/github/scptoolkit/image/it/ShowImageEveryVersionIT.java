package io.github.scptoolkit.image.it;

import static io.github.scptoolkit.image.it.ReferenceServer.SEED_IMAGE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Proves, on every version of the spec, that the generated client and the reference server agree
 * with the spec and the vendor's reference: the 200 body is the seed image in exactly the
 * version's 200 schema (and equals the vendor's example body where the spec ships one), the client
 * decodes it field by field, fields of later versions are absent (null in the model), and a
 * request without the header is served as the CURRENT version.
 */
// Retired versions stay served, as by an older deployment.
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "scp.versions.serve-retired=true")
class ShowImageEveryVersionIT {

    @LocalServerPort
    int port;

    static List<ScpServiceVersion> versions() {
        return SpecVersions.callable();
    }

    static List<ScpServiceVersion> versionsWithAnExample() {
        return SpecVersions.withExample();
    }

    private ScpImageClient client(ScpServiceVersion version) {
        return ScpImageClient.builder().endpoint("http://127.0.0.1:" + port).credentials(ReferenceServer.DEMO)
                .serviceVersion(version).build();
    }

    @ParameterizedTest(name = "{0}: the client decodes the seed image field by field")
    @MethodSource("versions")
    void clientBodyEqualsTheSeedImageInItsShape(ScpServiceVersion version) throws Exception {
        Image image = client(version).showImage(SEED_IMAGE_ID);

        JsonNode expectedJson = SpecVersions.expectedSeed(version);
        Image expected = ScpJson.newMapper().treeToValue(expectedJson, Image.class);
        // Field by field, through the generated model (the client's decoding of the expected body).
        assertThat(image.getId()).isEqualTo(expected.getId()).isEqualTo(SEED_IMAGE_ID);
        assertThat(image.getSize()).isEqualTo(2_429_747_200L);
        assertThat(image.getVirtualSize()).isEqualTo(17_179_869_184L);
        assertThat(image.getCreatedAt()).isEqualTo(java.time.OffsetDateTime.parse("2025-07-22T09:00:00Z"));
        assertThat(image.getUpdatedAt()).isEqualTo(java.time.OffsetDateTime.parse("2025-07-26T12:00:00Z"));
        assertThat(image.getVolumes()).isEqualTo(expectedJson.get("volumes").asText());
        assertThat(image).isEqualTo(expected); // generated equals(): every field, absent and null told apart
    }

    @ParameterizedTest(name = "{0}: the vendor's example decodes to what the client reads")
    @MethodSource("versionsWithAnExample")
    void clientBodyEqualsTheVendorsExample(ScpServiceVersion version) throws Exception {
        Image image = client(version).showImage(SEED_IMAGE_ID);

        Image example = ScpJson.newMapper().treeToValue(SpecVersions.example(version).orElseThrow(), Image.class);
        assertThat(image).isEqualTo(example);
    }

    @Test
    void theVersionsThatAddAFieldGiveItAndTheOlderOnesDoNot() {
        SpecVersions.FieldAddedIn added = SpecVersions.fieldAddedLater().orElseThrow();
        String field = added.field().name();

        var newer = ReferenceServer.json(ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID),
                ReferenceServer.versionHeader(added.newer())).body());
        var older = ReferenceServer.json(ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID),
                ReferenceServer.versionHeader(added.older())).body());

        assertThat(newer.has(field)).as("%s in %s", field, added.newer()).isTrue();
        assertThat(older.has(field)).as("%s in %s", field, added.older()).isFalse();
    }

    @ParameterizedTest(name = "{0}: the raw 200 body is the seed image in the version's shape exactly")
    @MethodSource("versions")
    void rawBodyIsTheSeedImageInItsShape(ScpServiceVersion version) {
        var response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID),
                ReferenceServer.versionHeader(version));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = ReferenceServer.json(response.body());
        assertThat(body).isEqualTo(SpecVersions.expectedSeed(version));
        assertThat(body.properties()).extracting(Map.Entry::getKey)
                .allMatch(name -> SpecVersions.hasField(version, name), "fields of " + SpecVersions.schema(version).name());
    }

    @ParameterizedTest(name = "{0}: the raw 200 body equals the vendor's example exactly")
    @MethodSource("versionsWithAnExample")
    void rawBodyEqualsTheVendorsExample(ScpServiceVersion version) {
        var response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID),
                ReferenceServer.versionHeader(version));

        assertThat(ReferenceServer.json(response.body())).isEqualTo(SpecVersions.example(version).orElseThrow());
    }

    @Test
    void requestWithoutVersionHeaderIsServedAsTheCurrentVersion() {
        var response = ReferenceServer.signedGet(port, ReferenceServer.imagePath(SEED_IMAGE_ID), Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Scp-Api-Version")).contains(SpecVersions.current().headerValue());
        assertThat(ReferenceServer.json(response.body())).isEqualTo(SpecVersions.expectedSeed(SpecVersions.current()));
    }

    @Test
    void theClientBuiltWithoutAVersionBindsTheCurrentOne() {
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:" + port)
                .credentials(ReferenceServer.DEMO).build();

        var response = client.showImageWithResponse(SEED_IMAGE_ID);

        assertThat(client.serviceVersion()).isSameAs(SpecVersions.current());
        assertThat(response.metadata().servedVersion()).contains(SpecVersions.current());
    }
}
