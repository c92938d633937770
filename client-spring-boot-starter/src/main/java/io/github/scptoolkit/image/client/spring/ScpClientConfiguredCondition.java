package io.github.scptoolkit.image.client.spring;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpConfigException;

/**
 * Whether the application's client knows where the service is: {@code scp.client.endpoint} or
 * {@code scp.client.auth-url} is set, or else the client's own chain ({@link ScpConfig#load()}:
 * {@code SCP_ENDPOINT}/{@code SCP_AUTH_URL}, the vendor's {@code SCP_TF_*}, {@code ~/.scpconf})
 * names an endpoint or an auth URL, or the application defines its own {@link ScpConfig} bean
 * (the chain the client then follows). Otherwise the starter makes no client, and Spring Boot's
 * condition report says what to set.
 */
class ScpClientConfiguredCondition extends SpringBootCondition {

    static final String ENDPOINT = ScpClientProperties.PREFIX + ".endpoint";
    static final String AUTH_URL = ScpClientProperties.PREFIX + ".auth-url";

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        if (context.getBeanFactory() != null
                && context.getBeanFactory().getBeanNamesForType(ScpConfig.class, true, false).length > 0) {
            return ConditionOutcome.match("the application defines its ScpConfig");
        }
        return outcome(context.getEnvironment(), ScpConfig::load);
    }

    /** The decision, over the application's properties and the chain (read only when the properties name neither). */
    static ConditionOutcome outcome(PropertyResolver properties, Supplier<ScpConfig> chain) {
        for (String property : new String[] {ENDPOINT, AUTH_URL}) {
            if (properties.containsProperty(property)) {
                return ConditionOutcome.match(property + " is set");
            }
        }
        try {
            ScpConfig config = chain.get();
            for (ScpConfig.Setting setting : new ScpConfig.Setting[] {ScpConfig.Setting.ENDPOINT,
                    ScpConfig.Setting.AUTH_URL}) {
                if (config.get(setting).isPresent()) {
                    return ConditionOutcome.match(setting.displayName() + " is set (" + config.source(setting)
                            .orElse("the client's configuration") + ")");
                }
            }
        } catch (ScpConfigException unreadable) {
            return ConditionOutcome.noMatch("the client's configuration cannot be read: " + unreadable.getMessage());
        }
        List<String> variables = Stream.of(ScpConfig.Setting.ENDPOINT, ScpConfig.Setting.AUTH_URL)
                .flatMap(setting -> setting.variable().stream()).toList();
        return ConditionOutcome.noMatch("no endpoint: set " + ENDPOINT + " or " + AUTH_URL + " (or the client's own "
                + "settings: " + String.join(", ", variables) + ", ~/" + ScpConfig.DIRECTORY_NAME + ")");
    }
}
