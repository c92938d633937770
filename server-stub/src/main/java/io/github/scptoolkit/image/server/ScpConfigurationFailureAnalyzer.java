package io.github.scptoolkit.image.server;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Spring Boot's start-up report for a {@link ScpConfigurationException}: the property and what is
 * wrong as the description, what to do as the action (registered in {@code META-INF/spring.factories}).
 */
class ScpConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ScpConfigurationException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ScpConfigurationException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
