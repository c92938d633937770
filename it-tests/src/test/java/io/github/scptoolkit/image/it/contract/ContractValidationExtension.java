package io.github.scptoolkit.image.it.contract;

import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Fails the test during which the server saw a request or sent a response the spec does not
 * allow. Registered for every it-tests test by JUnit's extension auto-detection
 * ({@code junit-platform.properties} + {@code META-INF/services}); {@link InvalidRequests} turns
 * request checks off for a test.
 */
public final class ContractValidationExtension implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        ContractViolations.drain();
        ContractViolations.checkRequests(!invalidRequests(context));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ContractViolations.checkRequests(true);
        List<String> violations = ContractViolations.drain();
        if (!violations.isEmpty()) {
            throw new AssertionError("Exchanges that break the spec (" + SpecContract.SPEC + "):\n  "
                    + String.join("\n  ", violations));
        }
    }

    private static boolean invalidRequests(ExtensionContext context) {
        return context.getTestMethod().map(m -> AnnotationSupport.isAnnotated(m, InvalidRequests.class)).orElse(false)
                || context.getTestClass().map(c -> AnnotationSupport.isAnnotated(c, InvalidRequests.class))
                        .orElse(false);
    }
}
