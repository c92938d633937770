package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import feign.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.github.scptoolkit.image.client.generated.model.Endpoint;
import io.github.scptoolkit.image.spec.ScpApi;

/**
 * Endpoint discovery as SCP's tools do it, on a recording Feign client: {@code GET <auth-url>/endpoints}
 * signed like every request, once per client, the vendor's choice of entry (service type, then the
 * requested region, the default region, the first by URL), explicit endpoints winning, and errors
 * that name the auth URL, the regions and the service types found.
 */
class EndpointDiscoveryTest {

    private static final ScpCredentials KEYS = ScpCredentials.of("AK1", "secret-1");
    private static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final String CATALOG = """
            {"endpoints": [
              {"region": "kr-west1", "service_type": "virtualserver", "service_name": "virtualserver", "url": "http://west.test:8080/"},
              {"region": "kr-east1", "service_type": "virtualserver", "service_name": "virtualserver", "url": "http://east-b.test"},
              {"region": "kr-east1", "service_type": "virtualserver", "service_name": "virtualserver", "url": "http://east-a.test"},
              {"region": "kr-west1", "service_type": "iam", "service_name": "iam", "url": "http://iam.test"}
            ]}""";

    private static Endpoint entry(String region, String type, String url) {
        return new Endpoint().region(region).serviceType(type).serviceName(type).url(url);
    }

    private static EndpointDiscovery discovery(String region, String defaultRegion) {
        return new EndpointDiscovery("http://iam.test/v1", region, defaultRegion, url -> {
            throw new AssertionError("not called");
        });
    }

    @ParameterizedTest(name = "region {0}, default region {1}: {2}")
    @CsvSource(nullValues = "-", value = {
        "kr-east1, kr-west1, http://east-a.test",   // the requested region, first by URL
        "-,        kr-east1, http://east-a.test",   // the default region
        "kr-south1, kr-west1, http://west.test",     // no entry in the requested region: the default one
        "kr-south1, -,        http://east-a.test",   // neither: the first by URL of all
        "-,        -,        http://east-a.test"})
    void choosesTheServiceTypeThenTheRegionThenTheDefaultRegionThenTheFirstByUrl(String region, String defaultRegion,
            String expected) {
        List<Endpoint> catalog = List.of(entry("kr-west1", ScpApi.SERVICE, "http://west.test"),
                entry("kr-east1", ScpApi.SERVICE, "http://east-b.test"), entry("kr-east1", ScpApi.SERVICE, "http://east-a.test"),
                entry("kr-south1", "iam", "http://a-iam.test"));

        assertThat(discovery(region, defaultRegion).choose(catalog).url()).isEqualTo(expected);
    }

    @Test
    void aCatalogWithoutTheServiceNamesTheAuthUrlTheRegionsAndTheTypesFound() {
        ScpEndpointDiscoveryException e = catchThrowableOfType(ScpEndpointDiscoveryException.class,
                () -> discovery("kr-east1", "kr-west1").choose(List.of(entry("kr-west1", "iam", "http://iam.test"),
                        entry("kr-west1", "object-storage", "http://os.test"), entry("kr-west1", "iam", "http://iam2.test"))));

        assertThat(e).hasMessage("the endpoint catalog at http://iam.test/v1 (region kr-east1, default region kr-west1)"
                + " has no endpoint of service type '" + ScpApi.SERVICE + "'; service types found: iam, object-storage");
        assertThat(e.serviceTypes()).containsExactly("iam", "object-storage");
        assertThat(e.authUrl()).isEqualTo("http://iam.test/v1");
        assertThat(e.region()).contains("kr-east1");
    }

    @Test
    void theCatalogIsAskedOnceSignedAndTheImageCallGoesToTheEndpointFound() {
        RecordingClient http = new RecordingClient().then(200, CATALOG);
        ScpImageClient client = ScpImageClient.builder().authUrl("http://iam.test:8080/v1/").region("kr-west1")
                .configuration(ScpConfig.empty()).credentials(KEYS).client(http).build();

        assertThat(http.requests).as("nothing is sent when the client is built").isEmpty();
        client.showImage(ID);
        client.showImage(ID);

        assertThat(http.requests).hasSize(3);
        Request catalog = http.requests.get(0);
        assertThat(catalog.url()).isEqualTo("http://iam.test:8080/v1/endpoints");
        long timestamp = Long.parseLong(RecordingClient.header(catalog, ScpSigner.TIMESTAMP_HEADER));
        assertThat(RecordingClient.header(catalog, ScpSigner.SIGNATURE_HEADER))
                .isEqualTo(new ScpSigner(KEYS).signature("GET", catalog.url(), timestamp));
        assertThat(catalog.headers().keySet()).noneMatch(ScpApi.VERSION_HEADER::equalsIgnoreCase);
        assertThat(http.requests.subList(1, 3)).allSatisfy(r -> assertThat(r.url())
                .isEqualTo("http://west.test:8080" + ScpApi.SHOW_IMAGE.path().replace("{image_id}", ID)));
        assertThat(client.endpoint()).isEqualTo("http://west.test:8080");
        assertThat(client.region()).contains("kr-west1");
    }

    @Test
    void aFailedDiscoveryNamesTheAuthUrlKeepsTheCauseAndIsTriedAgainOnTheNextCall() {
        RecordingClient http = new RecordingClient()
                .then(401, "{\"status\":401,\"code\":\"INVALID_SIGNATURE\",\"detail\":\"Bad signature.\"}")
                .then(200, CATALOG);
        ScpImageClient client = ScpImageClient.builder().authUrl("http://iam.test/v1")
                .configuration(ScpConfig.empty().with(ScpConfig.Setting.DEFAULT_REGION, "kr-east1", "test"))
                .credentials(KEYS).maxAttempts(1).client(http).build();

        ScpEndpointDiscoveryException e = catchThrowableOfType(ScpEndpointDiscoveryException.class, () -> client.showImage(ID));

        assertThat(e.getMessage()).startsWith("cannot read the endpoint catalog at http://iam.test/v1 (no region, default region"
                + " kr-east1): [401] INVALID_SIGNATURE: Bad signature.");
        assertThat(e).hasCauseInstanceOf(ScpUnauthorizedException.class);
        assertThat(e.getMessage()).doesNotContain("secret-1");
        client.showImage(ID);
        assertThat(client.endpoint()).isEqualTo("http://east-a.test");
    }

    @Test
    void anExplicitEndpointWinsAndNothingIsDiscovered() {
        RecordingClient http = new RecordingClient();

        ScpImageClient client = ScpImageClient.builder().endpoint("http://direct.test").authUrl("http://iam.test/v1")
                .credentials(KEYS).client(http).build();
        client.showImage(ID);

        assertThat(http.requests).singleElement().satisfies(r -> assertThat(r.url()).startsWith("http://direct.test/"));
    }

    @Test
    void theConfigurationGivesAuthUrlDefaultRegionAndKeys(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(ScpConfig.CONFIG_FILE),
                "{\"auth-url\": \"http://iam.test/v1\", \"default-region\": \"kr-east1\"}");
        Files.writeString(dir.resolve(ScpConfig.CREDENTIALS_FILE), "{\"access-key\": \"AK1\", \"secret-key\": \"secret-1\"}");
        RecordingClient http = new RecordingClient().then(200, CATALOG);

        ScpImageClient client = ScpImageClient.builder()
                .configuration(ScpConfig.load(Map.of(ScpConfig.CONFIG_DIR_VARIABLE, dir.toString()))).client(http).build();
        client.showImage(ID);

        assertThat(http.requests.get(1).url()).startsWith("http://east-a.test/");
        Request image = http.requests.get(1);
        long timestamp = Long.parseLong(RecordingClient.header(image, ScpSigner.TIMESTAMP_HEADER));
        assertThat(RecordingClient.header(image, ScpSigner.SIGNATURE_HEADER))
                .isEqualTo(new ScpSigner(KEYS).signature("GET", image.url(), timestamp));
    }

    @Test
    void theConfigurationsEndpointOverrideWinsOverItsAuthUrlButNotOverTheBuilders() {
        ScpConfig config = ScpConfig.empty().with(ScpConfig.Setting.AUTH_URL, "http://iam.test/v1", "test")
                .with(ScpConfig.Setting.ENDPOINT, "http://override.test/", "test");

        assertThat(ScpImageClient.builder().configuration(config).credentials(KEYS).build().endpoint())
                .isEqualTo("http://override.test");
        RecordingClient http = new RecordingClient().then(200, CATALOG);
        ScpImageClient discovering = ScpImageClient.builder().configuration(config).authUrl("http://iam2.test/v1")
                .credentials(KEYS).client(http).build();
        assertThat(discovering.endpoint()).isEqualTo("http://east-a.test");
        assertThat(http.requests.get(0).url()).isEqualTo("http://iam2.test/v1/endpoints");
    }

    @Test
    void withoutAnyEndpointBuildSaysWhereToSetOne() {
        assertThatThrownBy(() -> ScpImageClient.builder().configuration(ScpConfig.empty()).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no endpoint: give endpoint(...) or authUrl(...), or set SCP_AUTH_URL, SCP_TF_AUTH_URL or"
                        + " \"auth-url\" in ~/.scpconf/config.json (or SCP_ENDPOINT, SCP_TF_ENDPOINT_OVERRIDE or"
                        + " \"endpoint-override\" in ~/.scpconf/config.json)");
    }

    @Test
    void aConfiguredUrlThatIsNoUrlNamesItsSourceAndNoPassword() {
        ScpConfig config = ScpConfig.empty().with(ScpConfig.Setting.AUTH_URL, "ftp://alice:hunter2@iam.test/v1",
                "environment variable SCP_AUTH_URL");

        assertThatThrownBy(() -> ScpImageClient.builder().configuration(config).build())
                .isInstanceOf(ScpConfigException.class)
                .hasMessage("auth-url (from environment variable SCP_AUTH_URL) must be an absolute http(s) URL");
    }

    @Test
    void withoutKeysAnywhereASignedCallSaysWhereToSetThemAndSendsNothing() {
        RecordingClient http = new RecordingClient();
        ScpImageClient client = ScpImageClient.builder().endpoint("http://direct.test").configuration(ScpConfig.empty())
                .client(http).build();

        assertThatThrownBy(() -> client.showImage(ID)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCP_ACCESS_KEY").hasMessageContaining("SCP_TF_ACCESS_KEY")
                .hasMessageContaining("~/.scpconf/credentials.json");
        assertThat(http.requests).isEmpty();
    }
}
