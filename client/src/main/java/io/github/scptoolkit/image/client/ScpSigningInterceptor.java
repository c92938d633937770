package io.github.scptoolkit.image.client;

import java.time.Clock;
import java.util.Objects;

import feign.RequestInterceptor;
import feign.RequestTemplate;
import feign.Target;

import io.github.scptoolkit.image.spec.ScpOperation;

/**
 * Signs every attempt of every request of a signed operation. Whether an operation is signed is
 * spec data ({@link ScpOperation#signed()}: its {@code security} is not empty), found from the
 * generated method the request was built from; the versions document is sent unsigned (and needs
 * no credentials). A request of no known operation is signed. Feign runs interceptors again on the same template for
 * each retry and {@code header()} appends, so the authentication headers are removed and set again
 * each time (exactly one of each), with a fresh timestamp from the clock, over the URL that goes
 * on the wire: on the first attempt {@code template.url()} is still relative to the target, on a
 * retry it is already absolute. Values are set with {@code headerLiteral} (no template expansion).
 */
final class ScpSigningInterceptor implements RequestInterceptor {

    private static final String[] AUTH_HEADERS = {
        ScpSigner.ACCESS_KEY_HEADER, ScpSigner.TIMESTAMP_HEADER, ScpSigner.CLIENT_TYPE_HEADER,
        ScpSigner.ACCOUNT_ID_HEADER, ScpSigner.SIGNATURE_HEADER};

    private final ScpCredentialsProvider credentials;
    private final Clock clock;
    private volatile ScpSigner signer;

    ScpSigningInterceptor(ScpCredentialsProvider credentials, Clock clock) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void apply(RequestTemplate template) {
        if (!Operations.of(template).map(ScpOperation::signed).orElse(true)) {
            return;
        }
        ScpSigner current = signerFor(credentials.credentials());
        String url = wireUrl(template);
        long timestamp = clock.millis();
        for (String header : AUTH_HEADERS) {
            template.removeHeader(header); // case-insensitive in Feign
        }
        current.headers(template.method(), url, timestamp).forEach(template::headerLiteral);
    }

    /** Reuses the signer (and its prepared Mac) while the provider returns the same credentials. */
    private ScpSigner signerFor(ScpCredentials resolved) {
        if (resolved == null) {
            throw new IllegalStateException("the credentials provider returned no credentials");
        }
        ScpSigner cached = signer;
        if (cached == null || !cached.credentials().equals(resolved)) {
            cached = new ScpSigner(resolved);
            signer = cached;
        }
        return cached;
    }

    /** The URL Feign will send: absolute on a retry, otherwise the target's URL followed by the template's. */
    static String wireUrl(RequestTemplate template) {
        String url = template.url();
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return url;
        }
        Target<?> target = template.feignTarget();
        if (target == null) {
            throw new IllegalStateException("cannot sign a request whose target URL is unknown");
        }
        return target.url() + url;
    }
}
