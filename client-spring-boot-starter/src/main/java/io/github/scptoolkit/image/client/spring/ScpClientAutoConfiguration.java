package io.github.scptoolkit.image.client.spring;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpCredentialsProvider;
import io.github.scptoolkit.image.client.ScpImageClient;

/**
 * Spring Boot auto-configuration of the client: once {@code scp.client.endpoint} is set, an
 * {@link ScpImageClient} bean built from {@code scp.client.*} ({@link ScpClientProperties}) (without
 * it, none: an application that has the starter on its class path for another reason, such as a
 * server beside it, starts as before), signing with the key pair of
 * {@code scp.client.access-key}/{@code secret-key} if set, else with the client's own credentials
 * chain ({@link ScpCredentialsProvider#environment()}). Each bean backs off for the application's
 * own: {@link ScpImageClient}, {@link ScpCredentialsProvider}; {@link ScpImageClientBuilderCustomizer}
 * beans change the builder; a {@link Clock} bean, if any, times signatures.
 *
 * <pre>
 * scp.client.endpoint=http://127.0.0.1:8080
 * scp.client.access-key=test
 * scp.client.secret-key=test
 * </pre>
 * then
 * <pre>
 * &#64;Service
 * class Images {
 *     private final ScpImageClient client;
 *
 *     Images(ScpImageClient client) {
 *         this.client = client;
 *     }
 * }
 * </pre>
 */
@AutoConfiguration
@ConditionalOnClass(ScpImageClient.class)
@EnableConfigurationProperties(ScpClientProperties.class)
public class ScpClientAutoConfiguration {

    /** The property whose presence makes the client (later also an auth URL and region, see docs/client-spring.md). */
    static final String ENDPOINT_PROPERTY = "endpoint";

    /** Creates the auto-configuration (Spring Boot does). */
    public ScpClientAutoConfiguration() {
    }

    /** {@code scp.client.version} as {@code X.Y}, {@code vX.Y} or the header value. */
    @Bean
    @ConfigurationPropertiesBinding
    static ScpServiceVersionConverter scpServiceVersionConverter() {
        return new ScpServiceVersionConverter();
    }

    /** The properties' key pair, else the client's own chain; a bean of the application replaces it. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = ScpClientProperties.PREFIX, name = ENDPOINT_PROPERTY)
    ScpCredentialsProvider scpCredentialsProvider(ScpClientProperties properties) {
        if (!properties.hasCredentials()) {
            return ScpCredentialsProvider.environment();
        }
        if (properties.accessKey() == null || properties.accessKey().isBlank() || properties.secretKey() == null
                || properties.secretKey().isEmpty()) {
            throw new IllegalStateException(ScpClientProperties.PREFIX + ".access-key and " + ScpClientProperties.PREFIX
                    + ".secret-key go together: set both, or neither to use the client's own credentials chain "
                    + "(SCP_ACCESS_KEY, SCP_SECRET_KEY).");
        }
        try {
            return ScpCredentialsProvider.of(ScpCredentials.of(properties.accessKey(), properties.secretKey(),
                    properties.accountId()));
        } catch (IllegalArgumentException invalid) {
            // ScpCredentials' messages show neither key.
            throw new IllegalStateException(ScpClientProperties.PREFIX + ": " + invalid.getMessage(), invalid);
        }
    }

    /** The client, once an endpoint is set; a bean of the application replaces it. */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = ScpClientProperties.PREFIX, name = ENDPOINT_PROPERTY)
    ScpImageClient scpImageClient(ScpClientProperties properties, ScpCredentialsProvider credentials,
            ObjectProvider<Clock> clock, ObjectProvider<ScpImageClientBuilderCustomizer> customizers) {
        if (properties.endpoint() == null || properties.endpoint().isBlank()) {
            throw new IllegalStateException(ScpClientProperties.PREFIX + ".endpoint is empty: set it to the service's "
                    + "base URL (e.g. http://127.0.0.1:8080 for the local emulator).");
        }
        ScpImageClient.Builder builder = ScpImageClient.builder().credentials(credentials);
        try {
            builder.endpoint(properties.endpoint());
        } catch (IllegalArgumentException invalid) {
            // The builder's message never repeats a URL with user info.
            throw new IllegalStateException(ScpClientProperties.PREFIX + ".endpoint: " + invalid.getMessage(), invalid);
        }
        if (properties.version() != null) {
            builder.serviceVersion(properties.version());
        }
        if (properties.connectTimeout() != null) {
            builder.connectTimeout(properties.connectTimeout());
        }
        if (properties.readTimeout() != null) {
            builder.readTimeout(properties.readTimeout());
        }
        ScpClientProperties.Retry retry = properties.retry();
        if (retry.maxAttempts() != null) {
            builder.maxAttempts(retry.maxAttempts());
        }
        if (retry.initialBackoff() != null || retry.maxBackoff() != null) {
            if (retry.initialBackoff() == null || retry.maxBackoff() == null
                    || retry.maxBackoff().compareTo(retry.initialBackoff()) < 0) {
                throw new IllegalStateException(ScpClientProperties.PREFIX + ".retry.initial-backoff and "
                        + ScpClientProperties.PREFIX + ".retry.max-backoff go together, initial <= max (e.g. 100ms "
                        + "and 2s): " + retry.initialBackoff() + ", " + retry.maxBackoff());
            }
            builder.backoff(retry.initialBackoff(), retry.maxBackoff());
        }
        if (retry.maxRetryAfter() != null) {
            builder.maxRetryAfter(retry.maxRetryAfter());
        }
        clock.ifAvailable(builder::clock);
        customizers.orderedStream().forEach(c -> c.customize(builder));
        return builder.build();
    }
}
