package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ScpSignerTest {

    static List<SignatureVectors> vectors() {
        return SignatureVectors.all();
    }

    @Test
    void everyVectorIsLoaded() {
        assertThat(vectors()).hasSize(7);
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
        ScpCredentials credentials = ScpCredentials.of("AK1", "very-secret-key", "acc123");

        assertThat(credentials.toString()).contains("AK1", "acc123").doesNotContain("very-secret-key");
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
                "SCP_ACCESS_KEY", "AK1", "SCP_SECRET_KEY", "secret-key-1", "SCP_ACCOUNT_ID", "acc123")).credentials();

        assertThat(credentials).isEqualTo(ScpCredentials.of("AK1", "secret-key-1", "acc123"));
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
