package io.github.scptoolkit.image.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.mock.web.MockHttpServletRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The vendor-reproduced signature vectors (test resource copied from the shared vectors file). */
record SignatureVectors(String method, String url, String timestamp, String accessKey, String secretKey,
        String accountId, String clientType, String signature) {

    static List<SignatureVectors> all() {
        try (InputStream in = SignatureVectors.class.getResourceAsStream("/scp-signature-vectors.json")) {
            List<SignatureVectors> vectors = new ArrayList<>();
            for (JsonNode v : JsonMapper.shared().readTree(in)) {
                vectors.add(new SignatureVectors(v.get("Method").asString(), v.get("Url").asString(),
                        v.get("Timestamp").asString(), v.get("AccessKey").asString(), v.get("SecretKey").asString(),
                        v.get("AccountId").asString(), v.get("ClientType").asString(), v.get("Signature").asString()));
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A servlet request for this vector's URL, with its headers. */
    MockHttpServletRequest request() {
        MockHttpServletRequest request = requestFor(method, url);
        request.addHeader("Scp-Accesskey", accessKey);
        request.addHeader("Scp-Timestamp", timestamp);
        request.addHeader("Scp-ClientType", clientType);
        request.addHeader("Scp-Signature", signature);
        if (!accountId.isEmpty()) {
            request.addHeader("Scp-AccountId", accountId);
        }
        return request;
    }

    /** A servlet request whose getRequestURL() and query string give back {@code url}, received on its port. */
    static MockHttpServletRequest requestFor(String method, String url) {
        URI uri = URI.create(url);
        MockHttpServletRequest request = new MockHttpServletRequest(method, uri.getRawPath());
        request.setScheme(uri.getScheme());
        request.setServerName(uri.getHost());
        request.setServerPort(uri.getPort() != -1 ? uri.getPort() : uri.getScheme().equals("https") ? 443 : 80);
        request.setLocalPort(request.getServerPort()); // reached directly, not through a proxy
        request.setQueryString(uri.getRawQuery());
        return request;
    }

    /** Whether the vector's account id is one a request may carry: empty or 32 lower-case hex characters. */
    boolean accountIdInSpecSyntax() {
        return accountId.isEmpty() || accountId.matches("[0-9a-f]{32}");
    }

    ScpCredentialStore.Credential credential() {
        return new ScpCredentialStore.Credential(accessKey, secretKey, null);
    }

    @Override
    public String toString() {
        return method + " " + url + " @" + timestamp + (accountId.isEmpty() ? "" : " account " + accountId);
    }
}
