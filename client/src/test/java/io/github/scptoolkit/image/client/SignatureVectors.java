package io.github.scptoolkit.image.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The vendor-reproduced signature vectors (test resource copied from the shared vectors file). */
record SignatureVectors(
        @JsonProperty("Method") String method,
        @JsonProperty("Url") String url,
        @JsonProperty("Timestamp") String timestamp,
        @JsonProperty("AccessKey") String accessKey,
        @JsonProperty("SecretKey") String secretKey,
        @JsonProperty("AccountId") String accountId,
        @JsonProperty("ClientType") String clientType,
        @JsonProperty("Signature") String signature) {

    static List<SignatureVectors> all() {
        try (InputStream in = SignatureVectors.class.getResourceAsStream("/scp-signature-vectors.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<List<SignatureVectors>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the vector's account id is one a request may carry: empty or 32 lower-case hex characters. */
    boolean accountIdInSpecSyntax() {
        return accountId.isEmpty() || accountId.matches("[0-9a-f]{32}");
    }

    ScpCredentials credentials() {
        return ScpCredentials.of(accessKey, secretKey, accountId);
    }

    @Override
    public String toString() {
        return method + " " + url + " @" + timestamp + (accountId.isEmpty() ? "" : " account " + accountId);
    }
}
