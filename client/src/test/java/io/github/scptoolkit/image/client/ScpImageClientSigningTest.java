package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;

import feign.FeignException;
import feign.Request;
import feign.Retryer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The whole client on the wire (a recording Feign client): what is signed is what is sent. */
class ScpImageClientSigningTest {

    private static final ScpCredentials CREDENTIALS = ScpCredentials.of("AK1", "secret-key-1", "a8f10467abfc4b87b64614ab36eb9ae4");

    private static ScpImageClient.Builder builder(RecordingClient http) {
        return ScpImageClient.builder()
                .endpoint("http://127.0.0.1:8080")
                .credentials(CREDENTIALS)
                .clock(new TickingClock(1_764_201_600_000L, 1_000))
                .client(http);
    }

    private static void assertSignedAsSent(Request request) {
        long timestamp = Long.parseLong(RecordingClient.header(request, "Scp-Timestamp"));
        assertThat(RecordingClient.header(request, "Scp-Signature"))
                .isEqualTo(new ScpSigner(CREDENTIALS).signature(request.httpMethod().name(), request.url(), timestamp));
        assertThat(RecordingClient.header(request, "Scp-Accesskey")).isEqualTo("AK1");
        assertThat(RecordingClient.header(request, "Scp-ClientType")).isEqualTo("Openapi");
        assertThat(RecordingClient.header(request, "Scp-AccountId")).isEqualTo("a8f10467abfc4b87b64614ab36eb9ae4");
    }

    @ParameterizedTest(name = "id ''{0}''")
    @ValueSource(strings = {"70a599e0-31e7-49b7-b260-868f441e862b", "a/b", "100%", "a b", "not a uuid/..",
        "../x", "a?b=c", "a#b", "a%2Fb", "a%25b", "이미지", "a+b;c"})
    void sendsTheIdAsOneEncodedSegmentAndSignsThatUrl(String id) {
        RecordingClient http = new RecordingClient();

        builder(http).build().showImage(id);

        Request sent = http.requests.get(0);
        assertThat(sent.url()).isEqualTo("http://127.0.0.1:8080/v1/images/" + PathSegmentContract.encode("imageId", id));
        assertSignedAsSent(sent);
    }

    @Test
    void theVendorsVectorForAnEncodedIdIsWhatGoesOnTheWire() {
        // Vector 6: id "not a uuid/.." at http://127.0.0.1:8080.
        RecordingClient http = new RecordingClient();
        ScpCredentials vendor = ScpCredentials.of("TESTACCESSKEY0001", "example-secret-key");

        ScpImageClient.builder().endpoint("http://127.0.0.1:8080").credentials(vendor)
                .clock(java.time.Clock.fixed(java.time.Instant.ofEpochMilli(1_764_201_600_000L), java.time.ZoneOffset.UTC))
                .client(http).build().showImage("not a uuid/..");

        Request sent = http.requests.get(0);
        assertThat(sent.url()).isEqualTo("http://127.0.0.1:8080/v1/images/not%20a%20uuid%2F..");
        assertThat(RecordingClient.header(sent, "Scp-Signature")).isEqualTo("GpexIUsxSy1AJBkF243fkfHS5L/9ZgPOwKEKJ7fupUY=");
    }

    @Test
    void signsTheFullUrlWhenTheEndpointHasAPath() {
        RecordingClient http = new RecordingClient();

        ScpImageClient.builder().endpoint("http://127.0.0.1:8080/gateway/").credentials(CREDENTIALS).client(http)
                .build().showImage("a/b");

        Request sent = http.requests.get(0);
        assertThat(sent.url()).isEqualTo("http://127.0.0.1:8080/gateway/v1/images/a%2Fb");
        assertSignedAsSent(sent);
    }

    @Test
    void generatedInterfaceEncodesTheRawIdToo() {
        RecordingClient http = new RecordingClient();

        builder(http).build().images().showImage("a/b c", null, null);

        assertThat(http.requests.get(0).url()).isEqualTo("http://127.0.0.1:8080/v1/images/a%2Fb%20c");
        assertSignedAsSent(http.requests.get(0));
    }

    @Test
    void everyRetryIsSignedAgainWithOneFreshTimestamp() {
        RecordingClient http = new RecordingClient().thenIoFailure().thenIoFailure();

        builder(http).retryer(new Retryer.Default(1, 1, 3)).build().showImage("70a599e0-31e7-49b7-b260-868f441e862b");

        assertThat(http.requests).hasSize(3);
        http.requests.forEach(ScpImageClientSigningTest::assertSignedAsSent);
        assertThat(http.requests).extracting(r -> RecordingClient.header(r, "Scp-Timestamp")).doesNotHaveDuplicates();
        assertThat(http.requests).extracting(r -> RecordingClient.header(r, "Scp-Signature")).doesNotHaveDuplicates();
        assertThat(http.requests).extracting(Request::url).containsOnly(
                "http://127.0.0.1:8080/v1/images/70a599e0-31e7-49b7-b260-868f441e862b");
    }

    @ParameterizedTest(name = "''{0}'' is refused before sending")
    @ValueSource(strings = {"", "  ", "a\r\nX-Injected: 1", "a\nb", ".."})
    void refusesBadIdsBeforeSending(String id) {
        RecordingClient http = new RecordingClient();
        ScpImageClient client = builder(http).build();

        assertThatThrownBy(() -> client.showImage(id)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("imageId");
        assertThatThrownBy(() -> client.images().showImage(id, null, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.showImage(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(http.requests).isEmpty();
    }

    @Test
    void withoutCredentialsNothingIsSent() {
        RecordingClient http = new RecordingClient();
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:8080")
                .credentials(ScpCredentialsProvider.fromVariables(Map.of())).client(http).build();

        assertThatThrownBy(() -> client.showImage("x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCP_ACCESS_KEY");
        assertThat(http.requests).isEmpty();
    }

    @Test
    void a401SaysWhyWithoutEchoingTheSignature() {
        RecordingClient http = new RecordingClient().then(401,
                "{\"status\":401,\"code\":\"INVALID_SIGNATURE\",\"title\":\"Invalid signature\"}");

        FeignException e = catchThrowableOfType(FeignException.class, () -> builder(http).build().showImage("x"));

        assertThat(e.status()).isEqualTo(401);
        String signature = RecordingClient.header(http.requests.get(0), "Scp-Signature");
        assertThat(e.getMessage()).contains("INVALID_SIGNATURE").doesNotContain(signature, "secret-key-1");
        assertThat(e.toString()).doesNotContain(signature, "secret-key-1");
        assertThat(List.of(e.getStackTrace())).isNotEmpty();
    }
}
