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
    /** SCP project ids: 32 lower-case hex characters. */
    static final String PROJECT_A = "a8f10467abfc4b87b64614ab36eb9ae4";
    static final String PROJECT_B = "3c9d2e71b5a84f0e9d6c1a2b7e4f8d05";
    static final ScpCredentialStore STORE = InMemoryScpCredentialStore.of(
            new ScpCredentialStore.Credential("AK1", "secret-key-1", null),
            new ScpCredentialStore.Credential("AK-PROJECT", "secret-key-2", PROJECT_A));

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
        return verifier(now).verify("GET", URL, true, lookup(headers));
    }

    static List<SignatureVectors> vectors() {
        return SignatureVectors.all().stream().filter(SignatureVectors::accountIdInSpecSyntax).toList();
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

        Outcome outcome = verifier.verify(v.method(), v.url(), true, lookup(headers));

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
    @ValueSource(strings = {"Scp-Signature", "Scp-Timestamp", "Scp-AccountId", "Scp-Accesskey", "Scp-ClientType"})
    void repeatedHeaderIsRefusedEvenWithTheSameValue(String header) throws Exception {
        Map<String, List<String>> headers = signed("AK-PROJECT", "secret-key-2", PROJECT_A, NOW);
        headers.get(header).add(headers.get(header).get(0));

        Outcome outcome = verify(NOW, headers);

        assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.REPEATED_AUTH_HEADERS);
        assertThat(outcome.detail()).contains("repeated: " + header);
    }

    @ParameterizedTest(name = "{0} twice, the second one different")
    @ValueSource(strings = {"Scp-Signature", "Scp-Timestamp", "Scp-AccountId", "Scp-Accesskey", "Scp-ClientType"})
    void repeatedHeaderWithAnotherValueIsRefused(String header) throws Exception {
        Map<String, List<String>> headers = signed("AK-PROJECT", "secret-key-2", PROJECT_A, NOW);
        Map<String, List<String>> other = signed("AK1", "secret-key-1", PROJECT_B, NOW + 1);
        headers.get(header).add(other.get(header).get(0));
        Map<String, List<String>> reversed = signed("AK-PROJECT", "secret-key-2", PROJECT_A, NOW);
        reversed.get(header).add(0, other.get(header).get(0));

        assertThat(verify(NOW, headers).rejection()).isEqualTo(ScpProblemCode.REPEATED_AUTH_HEADERS);
        assertThat(verify(NOW, reversed).rejection()).isEqualTo(ScpProblemCode.REPEATED_AUTH_HEADERS);
    }

    @ParameterizedTest(name = "Scp-Timestamp ''{0}''")
    @ValueSource(strings = {"", "abc", "-1764201600000", "1764201600000.0", "1.7642016E12", " 1764201600000",
        "17642016000000000000", "0x1A", "01764201600000", "0001764201600000", "+1764201600000", "1764201600000 ",
        "００１７６４２０１６０００００", "１７６４２０１６０００００", "١٧٦٤٢٠١٦٠٠٠٠٠", "9223372036854775808", "00"})
    void nonCanonicalTimestampIsMalformed(String timestamp) throws Exception {
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

        assertThat(verifier(NOW).verify("POST", URL, true, lookup(headers)).rejection())
                .isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        assertThat(verifier(NOW).verify("GET", URL + "?x=1", true, lookup(headers)).rejection())
                .isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        assertThat(verifier(NOW).verify("GET", URL.replace("127.0.0.1", "localhost"), true, lookup(headers)).rejection())
                .isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        headers.put("Scp-Accesskey", List.of("AK-PROJECT"));
        assertThat(verify(NOW, headers).rejection()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void accountIsPartOfTheSignature() throws Exception {
        Map<String, List<String>> headers = signed("AK1", "secret-key-1", PROJECT_A, NOW);
        headers.put("Scp-AccountId", List.of(PROJECT_B));

        assertThat(verify(NOW, headers).rejection()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
    }

    @Test
    void keyBoundToAProjectCannotSignForAnotherAccount() throws Exception {
        assertThat(verify(NOW, signed("AK-PROJECT", "secret-key-2", PROJECT_B, NOW)).rejection())
                .isEqualTo(ScpProblemCode.INVALID_SIGNATURE);
        Outcome own = verify(NOW, signed("AK-PROJECT", "secret-key-2", PROJECT_A, NOW));
        assertThat(own.caller().accountId()).contains(PROJECT_A);
        Outcome implicit = verify(NOW, signed("AK-PROJECT", "secret-key-2", "", NOW));
        assertThat(implicit.caller().accountId()).contains(PROJECT_A);
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

    /** Headers signed over exactly the given fields (a client type other than Openapi included). */
    static Map<String, List<String>> signedAs(String url, String accessKey, String secret, String account,
            String clientType, String timestamp) throws Exception {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Scp-Accesskey", new ArrayList<>(List.of(accessKey)));
        headers.put("Scp-Timestamp", new ArrayList<>(List.of(timestamp)));
        headers.put("Scp-ClientType", new ArrayList<>(List.of(clientType)));
        headers.put("Scp-AccountId", new ArrayList<>(List.of(account)));
        headers.put("Scp-Signature", new ArrayList<>(List.of(
                sign(secret, "GET" + url + timestamp + accessKey + account + clientType))));
        return headers;
    }

    @ParameterizedTest(name = "''{0}'' is canonical")
    @ValueSource(strings = {"0", "1", "10", "1764201600000", "9223372036854775807"})
    void canonicalTimestamps(String timestamp) {
        assertThat(ScpSignatureVerifier.isCanonicalTimestamp(timestamp)).isTrue();
        assertThat(Long.toString(Long.parseLong(timestamp))).isEqualTo(timestamp);
    }

    @ParameterizedTest(name = "''{0}'' is not canonical")
    @ValueSource(strings = {"", "00", "01", "0001764201600000", "-0", "-1", "+1", " 1", "1 ", "1_000", "1e3", "0x10",
        "9223372036854775808", "99999999999999999999", "１", "١"})
    void nonCanonicalTimestamps(String timestamp) {
        assertThat(ScpSignatureVerifier.isCanonicalTimestamp(timestamp)).isFalse();
    }

    @Test
    void zeroIsCanonicalButOutOfTheWindow() throws Exception {
        Map<String, List<String>> headers = signedAs(URL, "AK1", "secret-key-1", "", "Openapi", "0");

        assertThat(verify(NOW, headers).rejection()).isEqualTo(ScpProblemCode.TIMESTAMP_OUT_OF_WINDOW);
    }

    @ParameterizedTest(name = "account id ''{0}'' is valid")
    @ValueSource(strings = {PROJECT_A, PROJECT_B, "00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff"})
    void validAccountIds(String accountId) {
        assertThat(ScpSignatureVerifier.isValidAccountId(accountId)).isTrue();
    }

    @ParameterizedTest(name = "account id ''{0}'' is refused before the HMAC")
    @ValueSource(strings = {"acc123", "project-a", "A8F10467ABFC4B87B64614AB36EB9AE4", "a8f10467abfc4b87b64614ab36eb9ae",
        "a8f10467abfc4b87b64614ab36eb9ae40", "a8f10467-abfc-4b87-b646-14ab36eb9ae4", "g8f10467abfc4b87b64614ab36eb9ae4",
        " a8f10467abfc4b87b64614ab36eb9ae4", "a8f10467abfc4b87b64614ab36eb9aeO", "Openapi", "１８f10467abfc4b87b64614ab36eb9ae"})
    void accountIdsOutsideTheSyntaxAreRefused(String accountId) throws Exception {
        assertThat(ScpSignatureVerifier.isValidAccountId(accountId)).isFalse();
        Map<String, List<String>> headers = signedAs(URL, "AK1", "secret-key-1", accountId, "Openapi", String.valueOf(NOW));

        Outcome outcome = verify(NOW, headers);

        assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.INVALID_ACCOUNT_ID);
        assertThat(outcome.detail()).contains("32 lower-case hexadecimal").doesNotContain(accountId);
    }

    @ParameterizedTest(name = "Scp-ClientType ''{0}'' is refused before the HMAC")
    @ValueSource(strings = {"", "openapi", "OPENAPI", "OpenApi", "Openapi ", " Openapi", "Openapi2", "Openap", "SDK",
        PROJECT_A + "Openapi", "Open", "Оpenapi"})
    void clientTypeMustBeExactlyOpenapi(String clientType) throws Exception {
        Map<String, List<String>> headers = signedAs(URL, "AK1", "secret-key-1", "", clientType, String.valueOf(NOW));

        Outcome outcome = verify(NOW, headers);

        assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.INVALID_CLIENT_TYPE);
        assertThat(outcome.detail()).isEqualTo("Scp-ClientType must be exactly 'Openapi'.");
    }

    @Test
    void anEmptyAccountIdHeaderIsNoAccountAsTheVendorsSdkSendsIt() throws Exception {
        Outcome unbound = verify(NOW, signedAs(URL, "AK1", "secret-key-1", "", "Openapi", String.valueOf(NOW)));
        Outcome bound = verify(NOW, signedAs(URL, "AK-PROJECT", "secret-key-2", "", "Openapi", String.valueOf(NOW)));

        assertThat(unbound.rejection()).isNull();
        assertThat(unbound.caller().accountId()).isEmpty();
        assertThat(bound.rejection()).isNull();
        assertThat(bound.caller().accountId()).contains(PROJECT_A);
    }

    @ParameterizedTest(name = "image id {0}")
    @ValueSource(strings = {"3f1b6d2a-8c4e-4b7a-9e15-2d6c8f0a4b310", "x?x=100000", "10"})
    void trailingZerosOfTheUrlNeverShiftIntoTheTimestamp(String idAndQuery) throws Exception {
        String url = "http://127.0.0.1:8080" + TestSpec.image(idAndQuery);
        Map<String, List<String>> captured = signedAs(url, "AK1", "secret-key-1", "", "Openapi", String.valueOf(NOW));
        assertThat(verifier(NOW).verify("GET", url, true, lookup(captured)).accepted()).isTrue();

        for (int zeros = 1; url.endsWith("0".repeat(zeros)); zeros++) {
            String shiftedUrl = url.substring(0, url.length() - zeros);
            Map<String, List<String>> replay = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            replay.putAll(captured);
            replay.put("Scp-Timestamp", List.of("0".repeat(zeros) + NOW));
            // The string to sign is the same: only the canonical-form check tells the two apart.
            assertThat("GET" + shiftedUrl + "0".repeat(zeros) + NOW).isEqualTo("GET" + url + NOW);

            Outcome outcome = verifier(NOW).verify("GET", shiftedUrl, true, lookup(replay));

            assertThat(outcome.accepted()).as("%d zeros shifted", zeros).isFalse();
            assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.MALFORMED_TIMESTAMP);
        }
    }

    @Test
    void theAccountIdNeverShiftsIntoTheClientType() throws Exception {
        String ts = String.valueOf(NOW);
        for (String key : List.of("AK1", "AK-PROJECT")) {
            String secret = key.equals("AK1") ? "secret-key-1" : "secret-key-2";
            Map<String, List<String>> captured = signedAs(URL, key, secret, PROJECT_A, "Openapi", ts);
            assertThat(verify(NOW, captured).accepted()).isTrue();
            for (int moved = 1; moved <= PROJECT_A.length(); moved++) {
                String account = PROJECT_A.substring(0, PROJECT_A.length() - moved);
                String clientType = PROJECT_A.substring(PROJECT_A.length() - moved) + "Openapi";
                Map<String, List<String>> replay = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                replay.putAll(captured);
                replay.put("Scp-ClientType", List.of(clientType));
                if (account.isEmpty()) {
                    replay.remove("Scp-AccountId");
                } else {
                    replay.put("Scp-AccountId", List.of(account));
                }

                Outcome outcome = verify(NOW, replay);

                assertThat(outcome.accepted()).as("%s: %d characters moved", key, moved).isFalse();
                assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.INVALID_CLIENT_TYPE);
            }
            // And the other way: part of the client type into the account id.
            Map<String, List<String>> intoAccount = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            intoAccount.putAll(captured);
            intoAccount.put("Scp-AccountId", List.of(PROJECT_A + "O"));
            intoAccount.put("Scp-ClientType", List.of("penapi"));
            assertThat(verify(NOW, intoAccount).accepted()).isFalse();
        }
    }

    @Test
    void aRequestForAHostNotServedIsRefusedEvenWhenCorrectlySigned() throws Exception {
        Outcome outcome = verifier(NOW).verify("GET", URL, false, lookup(signed("AK1", "secret-key-1", "", NOW)));

        assertThat(outcome.rejection()).isEqualTo(ScpProblemCode.HOST_NOT_SERVED);
    }

    @Test
    void canonicalFormsAndTheHostAreCheckedBeforeAnyKeyIsLookedUp() throws Exception {
        List<String> lookedUp = new ArrayList<>();
        ScpSignatureVerifier counting = new ScpSignatureVerifier(key -> {
            lookedUp.add(key);
            return STORE.find(key);
        }, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC), Duration.ofMinutes(5));
        String ts = String.valueOf(NOW);
        Map<ScpProblemCode, Map<String, List<String>>> cases = new java.util.EnumMap<>(ScpProblemCode.class);
        cases.put(ScpProblemCode.MALFORMED_TIMESTAMP, signedAs(URL, "AK1", "secret-key-1", "", "Openapi", "0" + ts));
        cases.put(ScpProblemCode.INVALID_CLIENT_TYPE, signedAs(URL, "AK1", "secret-key-1", "", "openapi", ts));
        cases.put(ScpProblemCode.INVALID_ACCOUNT_ID, signedAs(URL, "AK1", "secret-key-1", "acc123", "Openapi", ts));
        Map<String, List<String>> twice = signedAs(URL, "AK1", "secret-key-1", "", "Openapi", ts);
        twice.get("Scp-Signature").add("other");
        cases.put(ScpProblemCode.REPEATED_AUTH_HEADERS, twice);

        cases.forEach((expected, headers) -> assertThat(counting.verify("GET", URL, true, lookup(headers)).rejection())
                .isEqualTo(expected));
        assertThat(counting.verify("GET", URL, false, lookup(signed("AK1", "secret-key-1", "", NOW))).rejection())
                .isEqualTo(ScpProblemCode.HOST_NOT_SERVED);

        assertThat(lookedUp).isEmpty();
        assertThat(counting.verify("GET", URL, true, lookup(signed("AK1", "secret-key-1", "", NOW))).accepted()).isTrue();
        assertThat(lookedUp).containsExactly("AK1");
    }

    @Test
    void vectorsWithAnAccountIdOutsideTheSyntaxAreRefused() {
        List<SignatureVectors> outside = SignatureVectors.all().stream().filter(v -> !v.accountIdInSpecSyntax()).toList();
        assertThat(vectors()).as("vendor-shaped vectors (no account id or a 32-hex one)").hasSizeGreaterThanOrEqualTo(6);
        for (SignatureVectors v : outside) {
            ScpSignatureVerifier verifier = new ScpSignatureVerifier(InMemoryScpCredentialStore.of(v.credential()),
                    Clock.fixed(Instant.ofEpochMilli(Long.parseLong(v.timestamp())), ZoneOffset.UTC), Duration.ofMinutes(5));
            Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.put("Scp-AccessKey", List.of(v.accessKey()));
            headers.put("Scp-Timestamp", List.of(v.timestamp()));
            headers.put("Scp-ClientType", List.of(v.clientType()));
            headers.put("Scp-Signature", List.of(v.signature()));
            headers.put("Scp-AccountId", List.of(v.accountId()));

            assertThat(verifier.verify(v.method(), v.url(), true, lookup(headers)).rejection()).as(v.toString())
                    .isEqualTo(ScpProblemCode.INVALID_ACCOUNT_ID);
        }
    }
}
