package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import feign.codec.DecodeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.client.generated.model.ApiVersionDetail;
import io.github.scptoolkit.image.client.generated.model.ApiVersionList;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * The versions document ({@code GET /}, unsigned, unversioned) on the client, against a server on
 * loopback, and the {@link VersionCheck} of the client's version built from it: state, Not Before
 * date and days left as the document says, the spec's facts when it does not list the version.
 */
class VersionsDocumentTest {

    /** 2026-01-01 09:00 in Seoul. */
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final LocalDate TODAY = ServiceVersion.today(Clock.fixed(NOW, ZoneOffset.UTC));

    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ScpImageClient.Builder builder() {
        return ScpImageClient.builder().endpoint(server.url("/").toString())
                .credentials(ScpCredentialsProvider.fromVariables(Map.of())) // none: the document is unsigned
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).maxAttempts(1);
    }

    /** A document entry for {@code version} as a service may publish it. */
    private static String entry(String id, String status, String notBefore) {
        return "{\"id\": \"" + id + "\", \"status\": \"" + status + "\", \"not_before\": "
                + (notBefore == null ? "null" : "\"" + notBefore + "\"")
                + ", \"links\": [{\"href\": \"http://example.test/\", \"rel\": \"self\"}]}";
    }

    private void answer(String... entries) {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"versions\": [" + String.join(", ", entries) + "]}").build());
    }

    @Test
    void versionsReadsTheDocumentWithoutSignatureVersionOrCredentials() throws Exception {
        ScpServiceVersion current = SpecVersions.current();
        ScpServiceVersion deprecated = SpecVersions.deprecated();
        answer(entry(current.id(), "CURRENT", null), entry(deprecated.id(), "DEPRECATED", "2030-03-31"));

        ApiVersionList document = builder().build().versions();

        assertThat(document.getVersions()).extracting(ApiVersionDetail::getId).containsExactly(current.id(), deprecated.id());
        assertThat(document.getVersions().get(1).getNotBefore()).isEqualTo(LocalDate.of(2030, 3, 31));
        assertThat(document.getVersions().get(0).getLinks()).singleElement()
                .satisfies(l -> assertThat(l.getRel()).isEqualTo("self"));
        RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
        assertThat(sent.getMethod()).isEqualTo("GET");
        assertThat(sent.getUrl().encodedPath()).isEqualTo("/");
        assertThat(sent.getHeaders().names()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("scp-"));
    }

    @Test
    void theVersionCheckOfTheClientsVersionIsWhatTheDocumentSays() {
        ScpServiceVersion supported = SpecVersions.supported();
        answer(entry(SpecVersions.current().id(), "CURRENT", null), entry(supported.id(), "DEPRECATED", "2026-02-15"));

        VersionCheck check = builder().serviceVersion(supported).build().versionCheck();

        assertThat(check.id()).isEqualTo(supported.id());
        assertThat(check.version()).contains(supported);
        assertThat(check.status()).isEqualTo("DEPRECATED");
        assertThat(check.notBefore()).contains(LocalDate.of(2026, 2, 15));
        assertThat(check.daysLeft()).isEqualTo(OptionalLong.of(45)); // from 2026-01-01 in Seoul
        assertThat(check.documented()).isTrue();
        assertThat(check.retired()).isFalse();
        assertThat(check.isCurrent()).isFalse();
        assertThat(check.expiresWithin(VersionCheck.DEFAULT_MAX_REMAIN_DAYS)).isTrue();
        assertThat(check.expiresWithin(44)).isFalse();
    }

    @Test
    void aVersionTheDocumentDoesNotListIsCheckedWithTheSpecsFacts() {
        answer(entry("v9.9", "CURRENT", null));
        ScpServiceVersion deprecated = SpecVersions.deprecated();

        VersionCheck check = builder().serviceVersion(deprecated).build().versionCheck();

        assertThat(check.documented()).isFalse();
        assertThat(check.status()).isEqualTo(deprecated.status().name());
        assertThat(check.notBefore()).isEqualTo(deprecated.notBefore());
        assertThat(check.daysLeft()).isEqualTo(deprecated.daysLeft(TODAY));
        assertThat(check.retired()).isEqualTo(deprecated.isRetiredOn(TODAY));
    }

    @Test
    void theCurrentVersionHasNoDaysLeftAndNeverExpires() {
        answer(entry(SpecVersions.current().id(), "CURRENT", null));

        VersionCheck check = builder().build().versionCheck();

        assertThat(check.isCurrent()).isTrue();
        assertThat(check.notBefore()).isEmpty();
        assertThat(check.daysLeft()).isEmpty();
        assertThat(check.expiresWithin(Integer.MAX_VALUE)).isFalse();
    }

    @Test
    void everyEntryIsCheckedAlsoUnknownVersionsAndStates() {
        ApiVersionList document = new ApiVersionList().versions(List.of(
                new ApiVersionDetail().id("v9.9").status("PREVIEW").notBefore(null),
                new ApiVersionDetail().id("v9.8").status("DEPRECATED").notBefore(TODAY),
                new ApiVersionDetail().id("v9.7").status("DEPRECATED").notBefore(TODAY.plusDays(1))));

        List<VersionCheck> checks = VersionCheck.all(document, TODAY);

        assertThat(checks).extracting(VersionCheck::id).containsExactly("v9.9", "v9.8", "v9.7");
        assertThat(checks.get(0).status()).isEqualTo("PREVIEW");
        assertThat(checks.get(0).version()).isEmpty();
        assertThat(checks.get(0).retired()).isFalse();
        assertThat(checks.get(1).retired()).as("retired on its Not Before date").isTrue();
        assertThat(checks.get(1).daysLeft()).isEqualTo(OptionalLong.of(0));
        assertThat(checks.get(2).retired()).isFalse();
        assertThat(checks.get(2).daysLeft()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void anEndpointWithAPathGetsTheDocumentAtThatPath() throws Exception {
        answer(entry(SpecVersions.current().id(), "CURRENT", null));

        ScpImageClient.builder().endpoint(server.url("/gateway/").toString())
                .credentials(ScpCredentialsProvider.fromVariables(Map.of())).build().versions();

        assertThat(server.takeRequest(1, TimeUnit.SECONDS).getUrl().encodedPath()).isEqualTo("/gateway/");
    }

    @Test
    void aServerWithoutTheDocumentGivesTypedErrorsNotNull() {
        server.enqueue(new MockResponse.Builder().code(404).setHeader("Content-Type", "application/problem+json")
                .body(ScpErrorDecoderTest.problem(404, "NOT_FOUND")).build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "text/html")
                .body("<html>welcome</html>").build());
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("null").build());
        ScpImageClient client = builder().build();

        assertThat(catchThrowable(client::versions)).isExactlyInstanceOf(ScpNotFoundException.class);
        assertThat(catchThrowable(client::versions)).isExactlyInstanceOf(DecodeException.class)
                .hasMessageContaining(ScpApi.LIST_VERSIONS.operationId());
        assertThat(catchThrowable(client::versions)).isExactlyInstanceOf(DecodeException.class)
                .hasMessageContaining("body is null");
    }
}
