package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScpSignerTest {

    static final String PROJECT = "a8f10467abfc4b87b64614ab36eb9ae4";

    /** The vectors a client may send: no account id, or a 32-hex one (the vendor SDK's shapes). */
    static List<SignatureVectors> vectors() {
        return SignatureVectors.all().stream().filter(SignatureVectors::accountIdInSpecSyntax).toList();
    }

    @Test
    void everyVectorIsLoaded() {
        assertThat(SignatureVectors.all()).hasSize(7);
        assertThat(vectors()).hasSize(6);
    }

    @Test
    void aVectorWithAnAccountIdOutsideTheSyntaxCannotEvenBeSigned() {
        for (SignatureVectors v : SignatureVectors.all()) {
            if (!v.accountIdInSpecSyntax()) {
                assertThatThrownBy(v::credentials).as(v.toString()).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("32 lower-case hexadecimal").hasMessageNotContaining(v.secretKey())
                        .hasMessageNotContaining(v.accountId());
            }
        }
    }

    @ParameterizedTest(name = "account id ''{0}'' is refused")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"acc123", "project-a", "A8F10467ABFC4B87B64614AB36EB9AE4",
        "a8f10467abfc4b87b64614ab36eb9ae", "a8f10467abfc4b87b64614ab36eb9ae40", "a8f10467-abfc-4b87-b646-14ab36eb9ae4",
        " a8f10467abfc4b87b64614ab36eb9ae4", "Openapi", "a8f10467abfc4b87b64614ab36eb9aeO"})
    void accountIdsOutsideTheSyntaxAreRefusedWithoutEchoingSecrets(String accountId) {
        assertThatThrownBy(() -> ScpCredentials.of("AK1", "very-secret-key", accountId))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 lower-case hexadecimal").hasMessageNotContaining("very-secret-key");
        assertThatThrownBy(() -> ScpCredentialsProvider.fromVariables(java.util.Map.of("SCP_ACCESS_KEY", "AK1",
                "SCP_SECRET_KEY", "very-secret-key", "SCP_ACCOUNT_ID", accountId)).credentials())
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("very-secret-key");
    }

    @Test
    void anEmptyAccountIdIsNone() {
        assertThat(ScpCredentials.of("AK1", "s", "").accountId()).isEmpty();
        assertThat(new ScpSigner(ScpCredentials.of("AK1", "s", "")).headers("GET", "http://h/x", 1)).doesNotContainKey("Scp-AccountId");
    }

    @Test
    void timestampsAreCanonicalAndNeverNegative() {
        ScpSigner signer = new ScpSigner(ScpCredentials.of("AK1", "s", PROJECT));

        assertThat(signer.headers("GET", "http://h/x", 0)).containsEntry("Scp-Timestamp", "0");
        assertThat(signer.headers("GET", "http://h/x", 1_764_201_600_000L)).containsEntry("Scp-Timestamp", "1764201600000")
                .containsEntry("Scp-ClientType", "Openapi").containsEntry("Scp-AccountId", PROJECT);
        assertThatThrownBy(() -> signer.headers("GET", "http://h/x", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signer.signature("GET", "http://h/x", Long.MIN_VALUE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void signatureEqualsTheVendorsVector(SignatureVectors v) {
        assertThat(v.clientType()).isEqualTo(ScpSigner.CLIENT_TYPE);
        ScpSigner signer = new ScpSigner(v.credentials());

        assertThat(signer.signature(v.method(), v.url(), Long.parseLong(v.timestamp()))).isEqualTo(v.signature());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void headersCarryEveryPartOfTheVector(SignatureVectors v) {
        var headers = new ScpSigner(v.credentials()).headers(v.method(), v.url(), Long.parseLong(v.timestamp()));

        assertThat(headers).containsEntry("Scp-Accesskey", v.accessKey())
                .containsEntry("Scp-Timestamp", v.timestamp())
                .containsEntry("Scp-ClientType", "Openapi")
                .containsEntry("Scp-Signature", v.signature());
        if (v.accountId().isEmpty()) {
            assertThat(headers).doesNotContainKey("Scp-AccountId");
        } else {
            assertThat(headers).containsEntry("Scp-AccountId", v.accountId());
        }
    }

    @Test
    void signerIsReusableAndGivesTheSameSignatureEachTime() {
        SignatureVectors v = vectors().get(0);
        ScpSigner signer = new ScpSigner(v.credentials());
        long ts = Long.parseLong(v.timestamp());

        for (int i = 0; i < 3; i++) {
            assertThat(signer.signature(v.method(), v.url(), ts)).isEqualTo(v.signature());
        }
        assertThat(signer.signature(v.method(), v.url(), ts + 1)).isNotEqualTo(v.signature());
    }

    @Test
    void secretKeyNeverAppearsInToString() {
        ScpCredentials credentials = ScpCredentials.of("AK1", "very-secret-key", PROJECT);

        assertThat(credentials.toString()).contains("AK1", PROJECT).doesNotContain("very-secret-key");
        assertThat(new ScpSigner(credentials).toString()).doesNotContain("very-secret-key");
        assertThat(ScpCredentialsProvider.of(credentials).toString()).doesNotContain("very-secret-key");
    }

    @Test
    void credentialsRefuseValuesThatCannotBeHeaders() {
        assertThatThrownBy(() -> ScpCredentials.of(" ", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScpCredentials.of("ak", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScpCredentials.of("ak\r\nX-Evil: 1", "s")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScpCredentials.of("ak", "s", "acc\n")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ScpCredentials.of("ak", "s", null).accountId()).isEmpty();
    }

    @Test
    void environmentProviderReadsTheThreeVariables() {
        ScpCredentials credentials = ScpCredentialsProvider.fromVariables(java.util.Map.of(
                "SCP_ACCESS_KEY", "AK1", "SCP_SECRET_KEY", "secret-key-1", "SCP_ACCOUNT_ID", PROJECT)).credentials();

        assertThat(credentials).isEqualTo(ScpCredentials.of("AK1", "secret-key-1", PROJECT));
        assertThat(ScpCredentialsProvider.fromVariables(java.util.Map.of(
                "SCP_ACCESS_KEY", "AK1", "SCP_SECRET_KEY", "secret-key-1")).credentials().accountId()).isEmpty();
    }

    @Test
    void environmentProviderWithoutVariablesSaysWhatToSet() {
        assertThatThrownBy(() -> ScpCredentialsProvider.fromVariables(java.util.Map.of("SCP_ACCESS_KEY", "AK1")).credentials())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SCP_ACCESS_KEY").hasMessageContaining("SCP_SECRET_KEY");
    }
}
