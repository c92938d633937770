package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ServerSocketFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.ThrowingSupplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpSchema;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The whole client (default builder, Feign's default HTTP client) against a misbehaving server on
 * loopback (OkHttp's MockWebServer). Each fault has exactly one outcome: a typed exception carrying
 * the status, or a lenient parse with the values asserted; never a raw NPE or ClassCastException,
 * and no call waits longer than {@link #BOUND}. Requests are counted at the server.
 *
 * <p>Each test's {@code @DisplayName} is a row of docs/contract.md's "Client behaviour under faults" table;
 * {@link ReadmeFaultsTableTest} keeps the two the same.
 */
class ClientFaultsTest {

    static final String ID = "70a599e0-31e7-49b7-b260-868f441e862b";
    private static final ScpCredentials CREDENTIALS = ScpCredentials.of("AK1", "secret-key-1", "a8f10467abfc4b87b64614ab36eb9ae4");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** No fault may keep a call longer than this (each is far quicker; this only catches a hang). */
    private static final Duration BOUND = Duration.ofSeconds(20);
    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final int MAX_ATTEMPTS = 3;

    /** A body of the CURRENT shape as the vendor documents it (sizes beyond 2^31 included). */
    static final String IMAGE = """
            {"checksum": "7538e0fcb56e0e272cfd89eb384d6613", "container_format": "bare",
             "created_at": "2025-07-22T09:00:00Z", "disk_format": "qcow2",
             "file": "/v2/images/e08a37c1-2162-416e-b7fa-19902419170b/file",
             "id": "70a599e0-31e7-49b7-b260-868f441e862b", "min_disk": 100, "min_ram": 0, "name": "imagename",
             "os_distro": "alma", "os_hash_algo": "sha512", "os_hash_value": "c6a32fc3",
             "os_hidden": false, "owner": "a8f10467abfc4b87b64614ab36eb9ae4", "owner_account_name": "AccountName",
             "owner_user_name": "user@samsung.com", "protected": false, "root_device_name": "/dev/vda",
             "scp_gpu_driver": "535.183.06", "scp_image_type": "custom", "scp_k8s_version": "v1.28.7",
             "scp_original_image_type": "standard", "scp_os_build_version": "20250101", "scp_os_version": "8.8",
             "size": 2429747200, "status": "active", "updated_at": "2025-07-26T12:00:00Z",
             "url": "https://object-store.example/bucket/object.qcow2", "virtual_size": 17179869184,
             "visibility": "private", "volumes": "[]"}""";

    private MockWebServer server;
    /** The URL the client signs (every attempt of every test shows image {@link #ID}). */
    private String imageUrl;
    private final FakeTime time = new FakeTime(Instant.parse("2025-11-27T00:00:00Z"));

    @BeforeEach
    void startServer() throws IOException {
        start(new MockWebServer());
    }

    private void start(MockWebServer fresh) throws IOException {
        server = fresh;
        server.start(InetAddress.getLoopbackAddress(), 0);
        imageUrl = server.url("/v1/images/" + ID).toString();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    // ---- I/O faults: Feign's RetryableException (status -1, the IOException as cause), retried ----

    @Test
    @DisplayName("connection refused")
    void connectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        imageUrl = "http://127.0.0.1:" + closedPort + "/v1/images/" + ID;
        ScpImageClient client = builder()
                .endpoint("http://127.0.0.1:" + closedPort).build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertIoFailure(thrown, ConnectException.class);
        assertThat(time.waits).hasSize(MAX_ATTEMPTS - 1); // retried: one backoff per retry
    }

    @Test
    @DisplayName("response slower than the read timeout")
    void responseSlowerThanTheReadTimeout() {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            server.enqueue(new MockResponse.Builder().headersDelay(10, TimeUnit.SECONDS).body(IMAGE).build());
        }
        ScpImageClient client = builder().build();

        long start = System.nanoTime();
        Throwable thrown = failureOf(() -> client.showImage(ID));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertIoFailure(thrown, SocketTimeoutException.class);
        assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
        // bounded: every attempt gives up after the read timeout (backoff waits are simulated)
        assertThat(took).isLessThan(READ_TIMEOUT.multipliedBy(MAX_ATTEMPTS).plusSeconds(5));
    }

    @Test
    @DisplayName("response body stalls past the read timeout")
    void bodyStallsPastTheReadTimeout() {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            server.enqueue(new MockResponse.Builder().bodyDelay(10, TimeUnit.SECONDS).body(IMAGE).build());
        }
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertIoFailure(thrown, SocketTimeoutException.class);
        assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
    }

    /** How the server drops the connection after half the body: FIN (a close) or RST (SO_LINGER 0, a reset). */
    enum Drop { FIN, RST }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Drop.class)
    @DisplayName("connection reset mid-body")
    void connectionResetMidBody(Drop drop) throws IOException {
        restartServer(drop);
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            server.enqueue(halfABodyThenClose());
        }
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        // the same on every JDK, FIN or RST: whatever the JDK reports (an early end of the stream, its own
        // IOException or a SocketException) the client counts the bytes against Content-Length
        assertIoFailure(thrown, EOFException.class);
        assertThat(thrown.getCause()).hasMessageMatching("connection closed after \\d+ of \\d+ body bytes");
        assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Drop.class)
    @DisplayName("connection reset mid-body, then 200")
    void connectionResetMidBodyThenOk(Drop drop) throws IOException {
        restartServer(drop);
        server.enqueue(halfABodyThenClose());
        server.enqueue(json(200, IMAGE));
        ScpImageClient client = builder().build();

        Image image = call(() -> client.showImage(ID));

        assertThat(image.getId()).isEqualTo(ID);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    /** Headers and half the body, then the socket is closed (a FIN, or a RST on a SO_LINGER 0 server). */
    private static MockResponse halfABodyThenClose() {
        return new MockResponse.Builder().setHeader("Content-Type", "application/json").body(IMAGE)
                .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE).build();
    }

    private void restartServer(Drop drop) throws IOException {
        server.close();
        MockWebServer fresh = new MockWebServer();
        if (drop == Drop.RST) {
            fresh.setServerSocketFactory(new LingerZeroServerSocketFactory());
        }
        start(fresh);
    }

    /** Server sockets whose accepted connections are reset (RST), not closed (FIN), when closed. */
    private static final class LingerZeroServerSocketFactory extends ServerSocketFactory {
        @Override
        public ServerSocket createServerSocket() throws IOException {
            return new ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket accepted = super.accept();
                    accepted.setSoLinger(true, 0);
                    return accepted;
                }
            };
        }

        @Override
        public ServerSocket createServerSocket(int port) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }

        @Override
        public ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            throw new UnsupportedOperationException("MockWebServer binds an unbound socket");
        }
    }

    // ---- bodies that are not what the spec says ----

    @Test
    @DisplayName("truncated JSON")
    void truncatedJson() {
        server.enqueue(json(200, IMAGE.substring(0, IMAGE.length() / 2)));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertDecodeFailure(thrown);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("empty 200")
    void empty200() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").build());
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertDecodeFailure(thrown);
        assertThat(thrown).hasMessageContaining("empty body");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"null", " null\n"})
    @DisplayName("200 with a JSON null body")
    void jsonNull200(String body) {
        server.enqueue(json(200, body));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertDecodeFailure(thrown);
        assertThat(thrown).hasMessageContaining("body is null");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    static Stream<Arguments> valuesTheSpecsTypesCannotHold() {
        return Stream.of(
                Arguments.of("min_disk (int32) beyond 2^31", "\"min_disk\": 100", "\"min_disk\": 2147483648"),
                Arguments.of("created_at not a timestamp", "\"created_at\": \"2025-07-22T09:00:00Z\"",
                        "\"created_at\": \"yesterday\""),
                Arguments.of("os_hidden not a boolean", "\"os_hidden\": false", "\"os_hidden\": \"maybe\""),
                Arguments.of("size not a number", "\"size\": 2429747200", "\"size\": \"big\""),
                Arguments.of("a JSON array instead of an object", IMAGE, "[]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesTheSpecsTypesCannotHold")
    @DisplayName("200 with a value of the wrong type")
    void valueOfTheWrongType(String name, String replaced, String with) {
        String body = IMAGE.replace(replaced, with);
        assertThat(body).isNotEqualTo(IMAGE);
        server.enqueue(json(200, body));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertDecodeFailure(thrown);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("200 with an empty JSON object")
    void emptyObject200() {
        server.enqueue(json(200, "{}"));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertDecodeFailure(thrown);
        assertThat(thrown).hasMessageStartingWith("[200] body is not a valid Image for showImage in "
                + ScpServiceVersion.getLatest().headerValue() + ": required field '"
                + currentSchema().requiredFields().get(0).name() + "' is missing");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    static Stream<String> requiredFieldsOfTheSpec() {
        return currentSchema().requiredFields().stream().map(ScpField::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requiredFieldsOfTheSpec")
    @DisplayName("200 missing a required field")
    void missingRequiredField(String field) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(IMAGE);
        body.remove(field);
        server.enqueue(json(200, body.toString()));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertDecodeFailure(thrown);
        assertThat(thrown).hasMessageContaining("for showImage in " + ScpServiceVersion.getLatest().headerValue()
                + ": required field '" + field + "' is missing");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    static Stream<String> nonNullableFieldsOfTheSpec() {
        return currentSchema().fields().stream().filter(f -> !f.nullable()).map(ScpField::name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nonNullableFieldsOfTheSpec")
    @DisplayName("200 with null in a non-nullable field")
    void nullInANonNullableField(String field) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(IMAGE);
        body.putNull(field);
        server.enqueue(json(200, body.toString()));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertDecodeFailure(thrown);
        assertThat(thrown).hasMessageContaining("for showImage in " + ScpServiceVersion.getLatest().headerValue()
                + ": field '" + field + "' is null but not nullable");
    }

    static Stream<Arguments> badTimestamps() {
        return currentSchema().fields().stream().filter(f -> "date-time".equals(f.format()))
                .flatMap(f -> Stream.of(Arguments.of(f.name(), ""), Arguments.of(f.name(), " "),
                        Arguments.of(f.name(), "yesterday"), Arguments.of(f.name(), "2025-13-45T99:00:00Z")));
    }

    @ParameterizedTest(name = "{0}: ''{1}''")
    @MethodSource("badTimestamps")
    @DisplayName("200 with an empty or unparsable timestamp")
    void emptyOrUnparsableTimestamp(String field, String sent) throws Exception {
        ObjectNode body = (ObjectNode) JSON.readTree(IMAGE);
        body.put(field, sent);
        server.enqueue(json(200, body.toString()));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertDecodeFailure(thrown);
        assertThat(thrown).hasMessageContaining("for showImage in " + ScpServiceVersion.getLatest().headerValue()
                + ": field '" + field + "'");
    }

    @Test
    @DisplayName("HTML 502 from a proxy")
    void html502FromAProxy() {
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            server.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
                    .body("<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>").build());
        }
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertThat(thrown).isExactlyInstanceOf(RetryableException.class);
        assertThat(((RetryableException) thrown).status()).isEqualTo(502);
        assertThat(thrown.getMessage()).startsWith("[502]").doesNotContain("<html>");
        assertThat(((RetryableException) thrown).contentUTF8()).contains("502 Bad Gateway");
        assertThat(server.getRequestCount()).isEqualTo(MAX_ATTEMPTS);
        assertNoSecrets(thrown);
    }

    @Test
    @DisplayName("500 from the server")
    void internalServerError() {
        server.enqueue(json(500, "{\"status\": 500, \"code\": \"INTERNAL\"}"));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertThat(thrown).isExactlyInstanceOf(FeignException.InternalServerError.class);
        assertThat(((FeignException) thrown).status()).isEqualTo(500);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertNoSecrets(thrown);
    }

    // ---- lenient parses ----

    @Test
    @DisplayName("200 with unknown fields")
    void unknownFields() {
        server.enqueue(json(200, IMAGE.replace("{\"checksum\"",
                "{\"scp_future_field\": {\"nested\": [1, 2, {\"x\": null}]}, \"another\": 42, \"checksum\"")));
        ScpImageClient client = builder().build();

        Image image = call(() -> client.showImage(ID));

        assertThat(image.getId()).isEqualTo(ID);
        assertThat(image.getChecksum()).isEqualTo("7538e0fcb56e0e272cfd89eb384d6613");
        assertThat(image.getScpGpuDriver()).isEqualTo("535.183.06");
    }

    @Test
    @DisplayName("unknown enum-ish values")
    void unknownEnumishValues() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("Scp-Api-Version", SpecVersions.UNKNOWN)
                .body(IMAGE.replace("\"private\"", "\"galactic\"").replace("\"alma\"", "\"debian\"")
                        .replace("\"active\"", "\"uploading2\"").replace("\"bare\"", "\"crate\"")
                        .replace("\"qcow2\"", "\"qcow3\"").replace("\"custom\"", "\"bespoke\""))
                .build());
        ScpImageClient client = builder().build();

        ScpResponse<Image> response = call(() -> client.showImageWithResponse(ID));

        Image image = response.body();
        assertThat(image.getVisibility()).isEqualTo("galactic");
        assertThat(image.getOsDistro()).isEqualTo("debian");
        assertThat(image.getStatus()).isEqualTo("uploading2");
        assertThat(image.getContainerFormat()).isEqualTo("crate");
        assertThat(image.getDiskFormat()).isEqualTo("qcow3");
        assertThat(image.getScpImageType()).isEqualTo("bespoke");
        assertThat(response.metadata().servedVersion()).isEmpty();
        assertThat(response.metadata().header("Scp-Api-Version")).hasValue(SpecVersions.UNKNOWN);
    }

    @Test
    @DisplayName("nulls in every nullable field")
    void nullsInEveryNullableField() throws Exception {
        List<String> nullable = nullableFieldsOfTheSpec();
        assertThat(nullable).contains("checksum", "size", "virtual_size", "scp_gpu_driver").hasSizeGreaterThan(15);
        ObjectNode body = (ObjectNode) JSON.readTree(IMAGE);
        nullable.forEach(body::putNull);
        server.enqueue(json(200, body.toString()));
        ScpImageClient client = builder().build();

        Image image = call(() -> client.showImage(ID));

        for (String field : nullable) {
            assertThat(image.getClass().getMethod("get" + camel(field)).invoke(image)).as(field).isNull();
        }
        // optional nullable fields tell "sent as null" from "absent"
        assertThat(image.getChecksum_JsonNullable().isPresent()).isTrue();
        assertThat(image.getSize_JsonNullable().isPresent()).isTrue();
        assertThat(image.getId()).isEqualTo(ID);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2024-06-16T02:55:13", "2024-06-16 02:55:13+00:00", "2024-06-16 02:55:13",
        "2024-06-16T11:55:13+09:00", "2024-06-16T02:55:13.000Z"})
    @DisplayName("zone-less and space-separated timestamps")
    void zoneLessAndSpaceSeparatedTimestamps(String sent) {
        server.enqueue(json(200, IMAGE.replace("\"2025-07-22T09:00:00Z\"", "\"" + sent + "\"")));
        ScpImageClient client = builder().build();

        Image image = call(() -> client.showImage(ID));

        assertThat(image.getCreatedAt().toInstant()).isEqualTo(Instant.parse("2024-06-16T02:55:13Z"));
        assertThat(image.getUpdatedAt()).isEqualTo(OffsetDateTime.parse("2025-07-26T12:00:00Z"));
    }

    @Test
    @DisplayName("numbers beyond 2^31")
    void numbersBeyondTwoToTheThirtyOne() {
        server.enqueue(json(200, IMAGE.replace("2429747200", "9223372036854775807")
                .replace("17179869184", "4398046511104")));
        ScpImageClient client = builder().build();

        Image image = call(() -> client.showImage(ID));

        assertThat(image.getSize()).isEqualTo(Long.MAX_VALUE);
        assertThat(image.getVirtualSize()).isEqualTo(4_398_046_511_104L);
    }

    // ---- statuses, retries and their bounds ----

    static Stream<Arguments> retryAfter() {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(Instant.parse("2025-11-27T00:00:05Z").atZone(ZoneOffset.UTC));
        return Stream.of(
                Arguments.of(429, "5"), Arguments.of(503, "5"),
                Arguments.of(429, inFiveSeconds), Arguments.of(503, inFiveSeconds));
    }

    @ParameterizedTest(name = "{0} with Retry-After: {1}")
    @MethodSource("retryAfter")
    @DisplayName("429 and 503 with Retry-After, then 200")
    void retryAfterThenOk(int status, String retryAfter) {
        server.enqueue(new MockResponse.Builder().code(status).setHeader("Retry-After", retryAfter)
                .setHeader("Content-Type", "application/problem+json")
                .body("{\"status\": " + status + ", \"code\": \"SLOW_DOWN\"}").build());
        server.enqueue(json(200, IMAGE));
        ScpImageClient client = builder().build();

        Image image = call(() -> client.showImage(ID));

        assertThat(image.getId()).isEqualTo(ID);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(time.waits).containsExactly(5_000L); // waited what the server asked, once
    }

    @ParameterizedTest(name = "Retry-After: {0}")
    @ValueSource(strings = {"3600", "Thu, 27 Nov 2025 01:00:00 GMT"})
    @DisplayName("429 with a Retry-After longer than maxRetryAfter")
    void retryAfterBeyondTheCap(String retryAfter) {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", retryAfter).build());
        server.enqueue(json(200, IMAGE));
        ScpImageClient client = builder().maxRetryAfter(Duration.ofSeconds(30)).build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertThat(thrown).isExactlyInstanceOf(RetryableException.class);
        assertThat(((RetryableException) thrown).status()).isEqualTo(429);
        assertThat(((RetryableException) thrown).retryAfter())
                .isEqualTo(Instant.parse("2025-11-27T01:00:00Z").toEpochMilli());
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(time.waits).isEmpty();
        assertNoSecrets(thrown);
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(ScpProblemCode.INVALID_REQUEST, ScpBadRequestException.class),
                Arguments.of(ScpProblemCode.INVALID_SIGNATURE, ScpUnauthorizedException.class),
                Arguments.of(ScpProblemCode.ACTION_NOT_ALLOWED, ScpForbiddenException.class),
                Arguments.of(ScpProblemCode.IMAGE_NOT_FOUND, ScpNotFoundException.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("problems")
    @DisplayName("400/401/403/404 problem body")
    void problemStatusesAreNeverRetried(ScpProblemCode problem, Class<? extends FeignException> type) {
        int status = problem.status();
        server.enqueue(json(status, ScpErrorDecoderTest.problem(status, problem.code())));
        server.enqueue(json(200, IMAGE));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertThat(thrown).isExactlyInstanceOf(type);
        assertThat(((ScpProblemException) thrown).status()).isEqualTo(status);
        assertThat(((ScpProblemException) thrown).code()).isEqualTo(problem.code());
        assertThat(((ScpProblemException) thrown).problemCode()).contains(problem);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertNoSecrets(thrown);
    }

    @ParameterizedTest(name = "maxAttempts {0}")
    @ValueSource(ints = {1, 2, 3, 5})
    @DisplayName("retries stay within maxAttempts")
    void retriesStayWithinMaxAttempts(int maxAttempts) {
        for (int i = 0; i < maxAttempts + 2; i++) {
            server.enqueue(json(503, "{\"status\": 503, \"code\": \"UNAVAILABLE\"}"));
        }
        ScpImageClient client = builder().maxAttempts(maxAttempts).build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertThat(thrown).isExactlyInstanceOf(RetryableException.class);
        assertThat(((RetryableException) thrown).status()).isEqualTo(503);
        assertThat(server.getRequestCount()).isEqualTo(maxAttempts);
        assertThat(time.waits).hasSize(maxAttempts - 1);
    }

    @Test
    @DisplayName("each retry re-signed")
    void eachRetryIsSignedAfresh() throws Exception {
        server.enqueue(json(503, "{}"));
        server.enqueue(json(429, "{}"));
        server.enqueue(json(200, IMAGE));
        ScpImageClient client = builder().build();

        call(() -> client.showImage(ID));

        assertThat(server.getRequestCount()).isEqualTo(3);
        List<String> timestamps = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RecordedRequest sent = server.takeRequest(1, TimeUnit.SECONDS);
            String timestamp = sent.getHeaders().get("Scp-Timestamp");
            String signature = sent.getHeaders().get("Scp-Signature");
            assertThat(sent.getHeaders().values("Scp-Signature")).hasSize(1);
            assertThat(signature).isEqualTo(new ScpSigner(CREDENTIALS).signature("GET", imageUrl, Long.parseLong(timestamp)));
            timestamps.add(timestamp);
            signatures.add(signature);
        }
        assertThat(timestamps).doesNotHaveDuplicates();
        assertThat(signatures).doesNotHaveDuplicates();
    }

    // ---- the call deadline: no call outlives callTimeout, whatever the server does ----

    /** The deadline of the tests below: short, but each test asserts only a generous upper bound. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    /** Slack for a loaded machine: a call must end before CALL_TIMEOUT plus this. */
    private static final Duration SLACK = Duration.ofSeconds(6);

    @Test
    @DisplayName("body drip-fed past the call timeout")
    void bodyDripFedPastTheCallTimeout() {
        // one byte a second: every read succeeds well within the read timeout, so only the deadline can end it
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "application/json").body(IMAGE)
                .throttleBody(1, 1, TimeUnit.SECONDS).build());
        server.enqueue(json(200, IMAGE));
        ScpImageClient client = builder().readTimeout(Duration.ofSeconds(10)).callTimeout(CALL_TIMEOUT).build();

        long start = System.nanoTime();
        Throwable thrown = failureOf(() -> client.showImage(ID));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertCallTimeout(thrown, "while reading the response body");
        assertThat(took).isLessThan(CALL_TIMEOUT.plus(SLACK));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("status line and headers drip-fed past the call timeout")
    void headersDripFedPastTheCallTimeout() throws Exception {
        try (DrippingServer dripping = new DrippingServer(Duration.ofMillis(200))) {
            ScpImageClient client = builder().endpoint("http://127.0.0.1:" + dripping.port())
                    .readTimeout(Duration.ofSeconds(10)).callTimeout(CALL_TIMEOUT).build();
            imageUrl = "http://127.0.0.1:" + dripping.port() + "/v1/images/" + ID;

            long start = System.nanoTime();
            Throwable thrown = failureOf(() -> client.showImage(ID));
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            assertCallTimeout(thrown, "while waiting for the response");
            assertThat(took).isLessThan(CALL_TIMEOUT.plus(SLACK));
            assertThat(dripping.accepted()).isEqualTo(1);
        }
    }

    @Test
    @DisplayName("response slower than the call timeout")
    void responseSlowerThanTheCallTimeout() {
        server.enqueue(new MockResponse.Builder().headersDelay(20, TimeUnit.SECONDS).body(IMAGE).build());
        ScpImageClient client = builder().readTimeout(Duration.ofSeconds(30)).callTimeout(CALL_TIMEOUT).build();

        long start = System.nanoTime();
        Throwable thrown = failureOf(() -> client.showImage(ID));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        // the attempt read with min(readTimeout, time left) and the watchdog disconnects it at the deadline:
        // it ends then (whichever comes first), not after the 30 s read timeout
        assertCallTimeout(thrown, "while waiting for the response");
        assertThat(thrown.getCause()).isInstanceOf(IOException.class);
        assertThat(took).isLessThan(CALL_TIMEOUT.plus(SLACK));
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("Retry-After beyond the call timeout")
    void retryAfterBeyondTheCallTimeout() {
        server.enqueue(new MockResponse.Builder().code(503).setHeader("Retry-After", "20").build());
        server.enqueue(json(200, IMAGE));
        ScpImageClient client = builder().maxRetryAfter(Duration.ofSeconds(30)).callTimeout(Duration.ofSeconds(10)).build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        // the server's 20 s would end past the 10 s deadline: no wait, no second request
        assertCallTimeout(thrown, "Retry-After");
        assertThat(thrown.getCause()).isExactlyInstanceOf(RetryableException.class);
        assertThat(((RetryableException) thrown.getCause()).status()).isEqualTo(503);
        assertThat(time.waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("retries and backoff past the call timeout")
    void retriesAndBackoffPastTheCallTimeout() {
        for (int i = 0; i < 10; i++) {
            server.enqueue(json(503, "{}"));
        }
        // backoff 2 s, 4 s, ... (simulated, counted by the deadline): the second wait would end past 5 s
        ScpImageClient client = builder().maxAttempts(10).backoff(Duration.ofSeconds(2), Duration.ofSeconds(8))
                .callTimeout(Duration.ofSeconds(5)).build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertCallTimeout(thrown, "backoff");
        assertThat(time.waits).containsExactly(2_000L);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(((ScpCallTimeoutException) thrown).attempts()).isEqualTo(2);
    }

    /** A call ended by its deadline: typed, status -1, never retried, nothing secret in it. */
    private void assertCallTimeout(Throwable thrown, String when) {
        assertThat(thrown).isExactlyInstanceOf(ScpCallTimeoutException.class);
        ScpCallTimeoutException timeout = (ScpCallTimeoutException) thrown;
        assertThat(timeout.status()).isEqualTo(-1);
        assertThat(timeout).hasMessageStartingWith("call timed out: callTimeout " + CallDeadline.human(timeout.timeout())
                + " passed").hasMessageContaining(when).hasMessageContaining("GET " + imageUrl);
        assertThat(timeout.request().headers().get(ScpSigner.SIGNATURE_HEADER))
                .containsOnly(ScpMaskingLogger.REDACTED);
        assertNoSecrets(thrown);
    }

    /** Accepts connections, reads the request, then sends an endless response head one byte at a time. */
    private static final class DrippingServer implements AutoCloseable {
        private static final String DRIP = "X-Drip: a\r\n";
        private final ServerSocket socket;
        private final Thread thread;
        private final java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();

        DrippingServer(Duration interval) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            thread = new Thread(() -> {
                while (!socket.isClosed()) {
                    try (Socket s = socket.accept()) {
                        accepted.incrementAndGet();
                        s.getInputStream().read(new byte[8192]);
                        byte[] head = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n".getBytes(
                                java.nio.charset.StandardCharsets.US_ASCII);
                        for (int i = 0; ; i++) {
                            s.getOutputStream().write(i < head.length ? head[i] : DRIP.charAt((i - head.length) % DRIP.length()));
                            s.getOutputStream().flush();
                            Thread.sleep(interval.toMillis());
                        }
                    } catch (IOException | InterruptedException closed) {
                        // the client hung up, or the test ended
                    }
                }
            }, "dripping-server");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        int accepted() {
            return accepted.get();
        }

        @Override
        public void close() throws IOException {
            socket.close();
            thread.interrupt();
        }
    }

    // ---- error bodies in the other common cloud shapes ----

    @Test
    @DisplayName("OpenStack errors[] body")
    void openStackErrorsBody() {
        server.enqueue(json(400, """
                {"errors": [{"request_id": "req-1", "code": "image.invalid_id", "status": 400,
                             "title": "Invalid image id", "detail": "The id is not a UUID."},
                            {"code": "image.other", "title": "Other"}]}"""));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertThat(thrown).isExactlyInstanceOf(ScpBadRequestException.class);
        ScpProblemException problem = (ScpProblemException) thrown;
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.code()).isEqualTo("image.invalid_id");
        assertThat(problem.detail()).isEqualTo("The id is not a UUID.");
        assertThat(problem.errors()).extracting(e -> e.getCode()).containsExactly("image.invalid_id", "image.other");
        assertThat(problem.errors().get(0).getStatus()).isEqualTo("400");
        assertThat(thrown).hasMessage("[400] image.invalid_id: The id is not a UUID. during "
                + "ImagesApi#showImage(String,ScpServiceVersion,String)");
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertNoSecrets(thrown);
    }

    static Stream<Arguments> wrappedErrors() {
        return Stream.of(
                Arguments.of(400, "{\"badRequest\": {\"code\": 400, \"message\": \"Invalid image id.\"}}", "badRequest",
                        "Invalid image id.", ScpBadRequestException.class),
                Arguments.of(404, "{\"itemNotFound\": {\"message\": \"Image not found.\", \"code\": 404}}", "itemNotFound",
                        "Image not found.", ScpNotFoundException.class),
                Arguments.of(403, "{\"forbidden\": {\"message\": \"Policy does not allow this.\", \"code\": \"403\"}}",
                        "forbidden", "Policy does not allow this.", ScpForbiddenException.class),
                Arguments.of(401, "{\"error\": {\"code\": \"InvalidAuthenticationToken\", \"message\": \"Bad token.\"}}",
                        "InvalidAuthenticationToken", "Bad token.", ScpUnauthorizedException.class),
                Arguments.of(404, "{\"error\": {\"code\": 404, \"message\": \"Not found.\", \"status\": \"NOT_FOUND\"}}",
                        "NOT_FOUND", "Not found.", ScpNotFoundException.class),
                Arguments.of(400, "{\"error\": {\"code\": 400, \"message\": \"Bad id.\", \"title\": \"Bad Request\"}}", null,
                        "Bad id.", ScpBadRequestException.class));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("wrappedErrors")
    @DisplayName("Nova-style and {\"error\": {...}} bodies")
    void novaStyleAndErrorObjectBodies(int status, String body, String code, String detail,
            Class<? extends FeignException> type) {
        server.enqueue(json(status, body));
        ScpImageClient client = builder().build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        assertThat(thrown).isExactlyInstanceOf(type);
        ScpProblemException problem = (ScpProblemException) thrown;
        assertThat(problem.status()).isEqualTo(status);
        assertThat(problem.code()).isEqualTo(code);
        assertThat(problem.detail()).isEqualTo(detail);
        assertThat(problem.errors()).singleElement().satisfies(e -> {
            assertThat(e.getCode()).isEqualTo(code);
            assertThat(e.getDetail()).isEqualTo(detail);
            assertThat(e.getStatus()).isEqualTo(String.valueOf(status));
        });
        assertThat(thrown.getMessage()).startsWith("[" + status + "]").contains(detail);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertNoSecrets(thrown);
    }

    @Test
    @DisplayName("error body in no known shape")
    void errorBodyInNoKnownShape() {
        String huge = "<html><body>" + "Bad Request ".repeat(20_000) + "</body></html>";
        server.enqueue(new MockResponse.Builder().code(400).setHeader("Content-Type", "text/html").body(huge).build());
        server.enqueue(new MockResponse.Builder().code(500).setHeader("Content-Type", "text/html").body(huge).build());
        ScpImageClient client = builder().build();

        Throwable thrown400 = failureOf(() -> client.showImage(ID));
        Throwable thrown500 = failureOf(() -> client.showImage(ID));

        assertThat(thrown400).isExactlyInstanceOf(ScpBadRequestException.class);
        assertThat(((ScpProblemException) thrown400).problem()).isEmpty();
        assertThat(((FeignException) thrown400).status()).isEqualTo(400);
        assertThat(((FeignException) thrown400).contentUTF8()).hasSize(ScpErrorDecoder.MAX_BODY).startsWith("<html>");
        assertThat(thrown500).isExactlyInstanceOf(FeignException.InternalServerError.class);
        assertThat(((FeignException) thrown500).content()).hasSize(ScpErrorDecoder.MAX_BODY);
        assertNoSecrets(thrown400);
        assertNoSecrets(thrown500);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {400, 401, 404, 429, 500, 502})
    @DisplayName("error body echoing the request")
    void errorBodyEchoingTheRequest(int status) throws Exception {
        // a debugging proxy that answers with the request it got: the signature must not come back out
        server.setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String signature = request.getHeaders().get(ScpSigner.SIGNATURE_HEADER);
                return json(status, "{\"code\": \"ECHO\", \"detail\": \"got signature " + signature
                        + " and " + signature.replace("/", "\\/") + "\", \"echo\": \""
                        + java.net.URLEncoder.encode(signature, java.nio.charset.StandardCharsets.UTF_8) + "\"}");
            }
        });
        ScpImageClient client = builder().maxAttempts(1).build();

        Throwable thrown = failureOf(() -> client.showImage(ID));

        String signature = server.takeRequest(1, TimeUnit.SECONDS).getHeaders().get(ScpSigner.SIGNATURE_HEADER);
        FeignException e = (FeignException) thrown;
        assertThat(e.status()).isEqualTo(status);
        for (String shown : List.of(e.getMessage(), e.toString(), e.contentUTF8())) {
            assertThat(shown).doesNotContain(signature, signature.replace("/", "\\/"),
                    java.net.URLEncoder.encode(signature, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (e instanceof ScpProblemException problem) {
            assertThat(problem.detail()).contains(ScpMaskingLogger.REDACTED).doesNotContain(signature);
        }
        assertNoSecrets(thrown);
    }

    // ---- the builder ----

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:99999", "http://127.0.0.1:0", "http://127.0.0.1:65536",
        "http://127.0.0.1:99999999999", "http://127.0.0.1:8080/?token=abc", "http://127.0.0.1:8080?", "http://127.0.0.1/#frag",
        "http://127.0.0.1:8080/#"})
    @DisplayName("endpoint with a port out of range, a query or a fragment")
    void endpointWithABadPortQueryOrFragment(String endpoint) {
        Throwable thrown = catchThrowable(() -> builder().endpoint(endpoint));

        assertThat(thrown).isExactlyInstanceOf(IllegalArgumentException.class).hasNoCause();
        String problem = endpoint.contains("#") ? "must not have a fragment" : endpoint.contains("?") ? "must not have a query"
                : "port must be between 1 and 65535";
        assertThat(thrown).hasMessageContaining(problem).hasMessageNotContaining("token=abc");
        assertThat(server.getRequestCount()).isZero();
    }

    // ---- helpers ----

    /**
     * The client as users build it, on this test's server, signing and retrying on simulated time:
     * the retry policy is the builder's own (default backoff 100 ms doubled, maxRetryAfter 30 s), but
     * it waits on {@link FakeTime}, which moves the clock on, instead of sleeping.
     */
    private ScpImageClient.Builder builder() {
        return ScpImageClient.builder()
                .endpoint(server.url("/").toString())
                .credentials(CREDENTIALS)
                .clock(time)
                .sleeper(time::sleep)
                .ticker(time::nanos)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(READ_TIMEOUT)
                .maxAttempts(MAX_ATTEMPTS);
    }

    private static MockResponse json(int status, String body) {
        return new MockResponse.Builder().code(status)
                .setHeader("Content-Type", status == 200 ? "application/json" : "application/problem+json")
                .body(body).build();
    }

    private static <T> T call(ThrowingSupplier<T> call) {
        return assertTimeoutPreemptively(BOUND, call);
    }

    private static Throwable failureOf(ThrowingSupplier<?> call) {
        Throwable thrown = catchThrowable(() -> assertTimeoutPreemptively(BOUND, call));
        assertThat(thrown).as("the call should have failed").isNotNull();
        assertThat(thrown).isNotInstanceOfAny(NullPointerException.class, ClassCastException.class);
        return thrown;
    }

    /** Feign's I/O outcome: a RetryableException with status -1 and the IOException as cause, after maxAttempts. */
    private void assertIoFailure(Throwable thrown, Class<? extends IOException> cause) {
        assertThat(thrown).isExactlyInstanceOf(RetryableException.class);
        assertThat(((RetryableException) thrown).status()).isEqualTo(-1);
        assertThat(thrown.getCause()).isInstanceOf(cause);
        assertNoSecrets(thrown);
    }

    /** A 200 whose body is not an image: DecodeException carrying 200, never retried. */
    private void assertDecodeFailure(Throwable thrown) {
        assertThat(thrown).isExactlyInstanceOf(DecodeException.class);
        assertThat(((DecodeException) thrown).status()).isEqualTo(200);
        assertNoSecrets(thrown);
    }

    /** No message, toString or header map of the exception (or its causes) carries the key or a signature. */
    private void assertNoSecrets(Throwable thrown) {
        assertThat(thrown).isNotNull();
        List<String> secrets = new ArrayList<>(List.of(CREDENTIALS.secretKey(), "Scp-Signature"));
        secrets.addAll(time.signaturesSigned(imageUrl));
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            for (String secret : secrets) {
                assertThat(String.valueOf(t.getMessage())).doesNotContainIgnoringCase(secret);
                assertThat(t.toString()).doesNotContainIgnoringCase(secret);
            }
            if (t instanceof FeignException f) {
                assertThat(f.responseHeaders().keySet()).noneMatch(h -> h.equalsIgnoreCase("Scp-Signature"));
            }
        }
    }

    /** The CURRENT version's 200 schema of Show Image, from the facts generated from the spec. */
    static ScpSchema currentSchema() {
        return ScpApi.SHOW_IMAGE.responseSchema(ScpServiceVersion.getLatest()).orElseThrow();
    }

    /** Nullable properties of the CURRENT version's 200 schema, from the facts generated from the spec. */
    static List<String> nullableFieldsOfTheSpec() {
        return ScpApi.SHOW_IMAGE.responseSchema(ScpServiceVersion.getLatest()).orElseThrow().fields().stream()
                .filter(ScpField::nullable).map(ScpField::name).toList();
    }

    private static String camel(String snake) {
        StringBuilder out = new StringBuilder();
        for (String part : snake.split("_")) {
            out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return out.toString();
    }

    /** A clock that moves only when the retryer "sleeps"; it records each wait. */
    static final class FakeTime extends Clock {
        private long now;
        final List<Long> waits = new ArrayList<>();

        FakeTime(Instant start) {
            this.now = start.toEpochMilli();
        }

        private long simulatedNanos;

        synchronized void sleep(long millis) {
            waits.add(millis);
            now += millis;
            simulatedNanos += TimeUnit.MILLISECONDS.toNanos(millis);
        }

        /** The call deadline's time: real time plus every simulated wait. */
        synchronized long nanos() {
            return System.nanoTime() + simulatedNanos;
        }

        /** Every signature this client could have sent for {@code url} at the times seen so far. */
        synchronized List<String> signaturesSigned(String url) {
            List<String> out = new ArrayList<>();
            long t = now;
            out.add(new ScpSigner(CREDENTIALS).signature("GET", url, t));
            for (int i = waits.size() - 1; i >= 0; i--) {
                t -= waits.get(i);
                out.add(new ScpSigner(CREDENTIALS).signature("GET", url, t));
            }
            return out;
        }

        @Override
        public synchronized long millis() {
            return now;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
