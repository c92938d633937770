package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.scptoolkit.image.server.ScpSignatureVerifier.Outcome;
import io.github.scptoolkit.image.spec.ScpProblemCode;

class ScpSignatureVerifierTest {

    static final long NOW = 1_764_201_600_000L;
    static final String URL = "http://127.0.0.1:8080" + TestSpec.image("70a599e0-31e7-49b7-b260-868f441e862b");
    static final ScpCredentialStore STORE = InMemoryScpCredentialStore.of(
            new ScpCredentialStore.Credential("AK1", "secret-key-1", null),
            new ScpCredentialStore.Credential("AK-PROJECT", "secret-key-2", "project-a"));

    static ScpSignatureVerifier verifier(long nowMillis) {
        return new ScpSignatureVerifier(STORE, Clock.fixed(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC),
                Duration.ofMinutes(5));
    }

    static String sign(String secret, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    /** Headers of a correctly signed GET of {@link #URL} at {@code timestamp}. */
    static Map<String, List<String>> signed(String accessKey, String secret, String account, long timestamp)
            throws Exception {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Scp-Accesskey", new ArrayList<>(List.of(accessKey)));
        headers.put("Scp-Timestamp", new ArrayList<>(List.of(String.valueOf(timestamp))));
        headers.put("Scp-ClientType", new ArrayList<>(List.of("Openapi")));
        if (!account.isEmpty()) {
            headers.put("Scp-AccountId", new ArrayList<>(List.of(account)));
        }
        headers.put("Scp-Signature", new ArrayList<>(List.of(
                sign(secret, "GET" + URL + timestamp + accessKey + account + "Openapi"))));
        return headers;
    }

    static Function<String, List<String>> lookup(Map<String, List<String>> headers) {
        return name -> headers.getOrDefault(name, List.of());
    }

    static Outcome verify(long now, Map<String, List<String>> headers) {
        return verifier(now).verify("GET", URL, lookup(headers));
    }

    static List<SignatureVectors> vectors() {
        return SignatureVectors.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void acceptsEveryVendorVector(SignatureVectors v) {
        ScpSignatureVerifier verifier = new ScpSignatureVerifier(InMemoryScpCredentialStore.of(v.credential()),
                Clock.fixed(Instant.ofEpochMilli(Long.parseLong(v.timestamp())), ZoneOffset.UTC), Duration.ofMinutes(5));
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Scp-AccessKey", List.of(v.accessKey()));
        headers.put("Scp-Timestamp", List.of(v.timestamp()));
        headers.put("Scp-ClientType", List.of(v.clientType()));
        headers.put("Scp-Signature", List.of(v.signature()));
        if (!v.accountId().isEmpty()) {
            headers.put("Scp-AccountId", List.of(v.accountId()));
        }

        Outcome outcome = verifier.verify(v.method(), v.url(), lookup(headers));

        assertThat(outcome.rejection()).isNull();
        assertThat(outcome.caller().accessKey()).isEqualTo(v.accessKey());
        assertThat(outcome.caller().accountId()).isEqualTo(
                v.accountId().isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(v.accountId()));
    }

    @Test
    void acceptsACorrectlySignedRequest() throws Exception {
        assertThat(verify(NOW, signed("AK1", "secret-key-1", "", NOW)).accepted()).isTrue();
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"Scp-Accesskey", "Scp-Timestamp", "Scp-ClientType", "Scp-Signature"})
    void missingHeaderIsMissingAuthHeaders(String header) throws Exception {
        Map<String, List<String>> headers = signed("AK1", "secret-key-1", "", NOW);
        headers.remove(header);

        Outcome outcome = verify(NOW, headers);

        assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.MISSING_AUTH_HEADERS);
        assertThat(outcome.detail()).contains("missing: " + header);
    }

    @Test
    void noHeadersAtAllIsMissingAuthHeaders() {
        assertThat(verify(NOW, Map.of()).rejection()).isEqualTo(ScpProblemCode.MISSING_AUTH_HEADERS);
    }

    @ParameterizedTest(name = "{0} twice")
    @ValueSource(strings = {"Scp-Signature", "Scp-Timestamp", "Scp-AccountId"})
    void repeatedHeaderIsRefused(String header) throws Exception {
        Map<String, List<String>> headers = signed("AK-PROJECT", "secret-key-2", "project-a", NOW);
        headers.get(header).add(headers.get(header).get(0));

        Outcome outcome = verify(NOW, headers);

        assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.MISSING_AUTH_HEADERS);
        assertThat(outcome.detail()).contains("repeated: " + header);
    }

    @ParameterizedTest(name = "Scp-Timestamp ''{0}''")
    @ValueSource(strings = {"", "abc", "-1764201600000", "1764201600000.0", "1.7642016E12", " 1764201600000",
        "17642016000000000000", "0x1A"})
    void nonNumericTimestampIsMalformed(String timestamp) throws Exception {
        Map<String, List<String>> headers = signed("AK1", "secret-key-1", "", NOW);
        headers.put("Scp-Timestamp", List.of(timestamp));

        assertThat(verify(NOW, headers).rejection()).isEqualTo(ScpProblemCode.MALFORMED_TIMESTAMP);
    }

    @ParameterizedTest(name = "signed {0} ms from now is accepted")
    @ValueSource(longs = {-300_000, -1, 0, 1, 300_000})
    void timestampWithinTheWindowIsAccepted(long offset) throws Exception {
        assertThat(verify(NOW, signed("AK1", "secret-key-1", "", NOW + offset)).rejection()).isNull();
    }

    @ParameterizedTest(name = "signed {0} ms from now is refused")
    @ValueSource(longs = {-300_001, 300_001, -86_400_000, 86_400_000})
    void timestampOutsideTheWindowIsRefused(long offset) throws Exception {
        Outcome outcome = verify(NOW, signed("AK1", "secret-key-1", "", NOW + offset));

        assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.TIMESTAMP_OUT_OF_WINDOW);
        assertThat(outcome.detail()).contains("300 seconds");
    }

    @Test
    void unknownAccessKeyAndWrongSignatureAreTheSameRejection() throws Exception {
        Outcome unknownKey = verify(NOW, signed("NOBODY", "whatever", "", NOW));
        Outcome wrongSecret = verify(NOW, signed("AK1", "not-the-secret", "", NOW));

        assertThat(unknownKey.rejection()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        assertThat(wrongSecret).isEqualTo(unknownKey);
    }

    @Test
    void anythingSignedDifferentlyIsAnInvalidSignature() throws Exception {
        Map<String, List<String>> headers = signed("AK1", "secret-key-1", "", NOW);

        assertThat(verifier(NOW).verify("POST", URL, lookup(headers)).rejection()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        assertThat(verifier(NOW).verify("GET", URL + "?x=1", lookup(headers)).rejection())
                .isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        assertThat(verifier(NOW).verify("GET", URL.replace("127.0.0.1", "localhost"), lookup(headers)).rejection())
                .isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        headers.put("Scp-ClientType", List.of("Other"));
        assertThat(verify(NOW, headers).rejection()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void accountIsPartOfTheSignature() throws Exception {
        Map<String, List<String>> headers = signed("AK1", "secret-key-1", "acc-1", NOW);
        headers.put("Scp-AccountId", List.of("acc-2"));

        assertThat(verify(NOW, headers).rejection()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void keyBoundToAProjectCannotSignForAnotherAccount() throws Exception {
        assertThat(verify(NOW, signed("AK-PROJECT", "secret-key-2", "project-b", NOW)).rejection())
                .isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        Outcome own = verify(NOW, signed("AK-PROJECT", "secret-key-2", "project-a", NOW));
        assertThat(own.caller().accountId()).contains("project-a");
        Outcome implicit = verify(NOW, signed("AK-PROJECT", "secret-key-2", "", NOW));
        assertThat(implicit.caller().accountId()).contains("project-a");
    }

    @Test
    void rejectionDetailsNeverContainTheExpectedSignature() throws Exception {
        Map<String, List<String>> headers = signed("AK1", "secret-key-1", "", NOW);
        String expected = headers.get("Scp-Signature").get(0);
        headers.put("Scp-Signature", List.of("AAAA" + expected.substring(4)));

        Outcome outcome = verify(NOW, headers);

        assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        assertThat(outcome.detail().toLowerCase(Locale.ROOT)).doesNotContain(expected.toLowerCase(Locale.ROOT),
                "secret-key-1", expected.substring(4));
    }
}
