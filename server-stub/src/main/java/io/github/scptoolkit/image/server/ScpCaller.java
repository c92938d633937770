package io.github.scptoolkit.image.server;

import java.util.Objects;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who signed the current request, once the signature check has accepted it: the access key and
 * the account (project) id (from {@code Scp-AccountId}, else the one the key belongs to). The
 * account id is part of what was signed, in its only accepted form (32 lower-case hex characters)
 * and with the client type exactly {@code Openapi}, so it cannot have been shifted from or into a
 * neighbouring field of the signed string. An implementation uses it to decide what the caller
 * may see. Also available as the request attributes {@link #ATTRIBUTE},
 * {@link #ACCESS_KEY_ATTRIBUTE} and {@link #ACCOUNT_ID_ATTRIBUTE}.
 *
 * <pre>
 * Optional&lt;String&gt; project = ScpCaller.current().flatMap(ScpCaller::accountId);
 * if (image.isPrivate() &amp;&amp; !project.equals(Optional.of(image.getOwner()))) {
 *     throw new ImageNotFoundException(imageId);
 * }
 * </pre>
 */
public final class ScpCaller {

    /** Request attribute holding the {@link ScpCaller}. */
    public static final String ATTRIBUTE = ScpCaller.class.getName();
    /** Request attribute holding the verified access key (a String). */
    public static final String ACCESS_KEY_ATTRIBUTE = ScpCaller.class.getName() + ".accessKey";
    /** Request attribute holding the account id (a String), when there is one. */
    public static final String ACCOUNT_ID_ATTRIBUTE = ScpCaller.class.getName() + ".accountId";

    private final String accessKey;
    private final String accountId;

    ScpCaller(String accessKey, String accountId) {
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        this.accountId = accountId == null || accountId.isEmpty() ? null : accountId;
    }

    /** The caller of {@code request}; empty when the request was not verified (checks turned off). */
    public static Optional<ScpCaller> from(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof ScpCaller caller ? Optional.of(caller) : Optional.empty();
    }

    /** The caller of the request the current thread serves (Spring MVC); empty outside one or when unverified. */
    public static Optional<ScpCaller> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return Optional.empty();
        }
        Object caller = attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        return caller instanceof ScpCaller c ? Optional.of(c) : Optional.empty();
    }

    /** The verified access key. */
    public String accessKey() {
        return accessKey;
    }

    /** The account (project) id the request was signed for, if any. */
    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    void bindTo(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, this);
        request.setAttribute(ACCESS_KEY_ATTRIBUTE, accessKey);
        if (accountId != null) {
            request.setAttribute(ACCOUNT_ID_ATTRIBUTE, accountId);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScpCaller c && accessKey.equals(c.accessKey) && Objects.equals(accountId, c.accountId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKey, accountId);
    }

    @Override
    public String toString() {
        return "ScpCaller[accessKey=" + accessKey + (accountId == null ? "" : ", accountId=" + accountId) + "]";
    }
}
