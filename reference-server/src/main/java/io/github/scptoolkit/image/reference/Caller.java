package io.github.scptoolkit.image.reference;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The verified identity of the caller of one request: the access key and the optional account
 * (project) id, as the server stub's signature filter leaves them in request attributes once the
 * signature is verified.
 *
 * <pre>
 * Optional&lt;Caller&gt; caller = Caller.from(request);   // empty when nothing verified the request
 * </pre>
 */
final class Caller {

    /** Request attribute holding the verified access key (set by the signature filter). */
    static final String ACCESS_KEY_ATTRIBUTE = "io.github.scptoolkit.image.server.accessKey";
    /** Request attribute holding the verified account id, when the caller sent one. */
    static final String ACCOUNT_ID_ATTRIBUTE = "io.github.scptoolkit.image.server.accountId";

    private final String accessKey;
    private final String accountId;

    Caller(String accessKey, String accountId) {
        this.accessKey = accessKey;
        this.accountId = accountId;
    }

    /** The caller of {@code request}, if a filter verified one. */
    static Optional<Caller> from(HttpServletRequest request) {
        if (request.getAttribute(ACCESS_KEY_ATTRIBUTE) instanceof String key && !key.isEmpty()) {
            Object account = request.getAttribute(ACCOUNT_ID_ATTRIBUTE);
            return Optional.of(new Caller(key, account instanceof String a && !a.isEmpty() ? a : null));
        }
        return Optional.empty();
    }

    String accessKey() {
        return accessKey;
    }

    Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    @Override
    public String toString() {
        return "Caller[accessKey=" + accessKey + ", accountId=" + accountId + "]";
    }
}
