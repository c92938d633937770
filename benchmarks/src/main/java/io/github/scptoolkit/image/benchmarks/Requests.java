package io.github.scptoolkit.image.benchmarks;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The hand-written baseline's requests: the same headers the SDK sends, signed by hand with the
 * same rule (no SDK class involved), for the reference server's demo key pair.
 */
final class Requests {

    static final String ACCESS_KEY = "test";
    static final String SECRET_KEY = "test";
    static final String ACCOUNT_ID = "a8f10467abfc4b87b64614ab36eb9ae4";
    /** The CURRENT version's header value, read once (a hand-written caller would have it as a constant). */
    private static final String VERSION = ScpServiceVersion.getLatest().headerValue();

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private Requests() {
    }

    /** A signed Show Image request for the CURRENT version, as a hand-written caller would build it. */
    static HttpRequest showImage(String endpoint, String path) {
        String url = endpoint + path;
        String timestamp = Long.toString(System.currentTimeMillis());
        String signature = Base64.getEncoder().encodeToString(MAC.get().doFinal(
                ("GET" + url + timestamp + ACCESS_KEY + ACCOUNT_ID + "Openapi").getBytes(StandardCharsets.UTF_8)));
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "application/json,application/problem+json")
                .header("Scp-Api-Version", VERSION)
                .header("Scp-Accesskey", ACCESS_KEY)
                .header("Scp-Timestamp", timestamp)
                .header("Scp-ClientType", "Openapi")
                .header("Scp-AccountId", ACCOUNT_ID)
                .header("Scp-Signature", signature)
                .GET().build();
    }
}
