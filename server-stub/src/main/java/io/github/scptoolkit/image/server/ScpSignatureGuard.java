package io.github.scptoolkit.image.server;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * A second line behind {@link ScpSignatureFilter}: a handler of a signed operation (or a
 * {@link ScpSigned} one) never runs for
 * a request the filter did not verify (the filter was not registered, or something maps requests
 * on paths the filter does not see, such as a servlet prefix or a normalised path). Such a request
 * is refused like an unverifiable signature, and the first one is logged. Whether a handler method
 * must be signed is decided once per handler method (annotations are not scanned per request), so
 * the application's other controllers pay one map lookup.
 */
final class ScpSignatureGuard implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(ScpSignatureGuard.class);

    private final ScpOperations operations;
    private final AtomicBoolean warned = new AtomicBoolean();
    /** Per handler method (its bean type too: {@link ScpSigned} may sit on the class), whether it must be signed. */
    private final Map<Handler, Boolean> signed = new ConcurrentHashMap<>();

    ScpSignatureGuard(ScpOperations operations) {
        this.operations = operations;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (ScpCaller.from(request).isPresent() || !mustBeSigned(handler)) {
            return true;
        }
        if (warned.compareAndSet(false, true)) {
            log.warn("A request for {} reached a signed operation without a signature check: register the filter "
                    + "bean '{}' for every path (Spring Boot does so by itself)", ScpProblems.printable(
                            request.getRequestURI()), ScpAuthConfiguration.FILTER_BEAN_NAME);
        }
        ScpSignatureFilter.refuse(request, response, ScpProblemCode.INVALID_SIGNATURE,
                "The request signature could not be verified.");
        return false;
    }

    private boolean mustBeSigned(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return false;
        }
        return signed.computeIfAbsent(new Handler(method.getBeanType(), method.getMethod()),
                key -> operations.forMethod(key.method()).filter(ScpOperation::signed).isPresent()
                        || ScpSignedHandlers.isSigned(method));
    }

    private record Handler(Class<?> beanType, Method method) {
    }
}
