package io.github.scptoolkit.image.client.spring;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpCredentialsProvider;
import io.github.scptoolkit.image.client.ScpImageClient;

/**
 * Spring Boot auto-configuration of the client: an {@link ScpImageClient} bean built from
 * {@code scp.client.*} ({@link ScpClientProperties}), once it knows where the service is
 * ({@code scp.client.endpoint}, or {@code scp.client.auth-url} for discovery, or else the client's
 * own chain names one; without any, none: an application that has the starter on its class path
 * for another reason starts as before). What the properties leave unset follows the client's own
 * chain ({@link ScpConfig}: {@code SCP_*}, then {@code SCP_TF_*}, then {@code ~/.scpconf}), exactly
 * as {@code ScpImageClient.builder()} does; a {@link ScpConfig} bean of the application replaces
 * that chain. The key pair of {@code scp.client.access-key}/{@code secret-key}, if set, signs (an
 * {@link ScpCredentialsProvider} bean of the application replaces it). Each bean backs off for the
 * application's own; {@link ScpImageClientBuilderCustomizer} beans change the builder; a
 * {@link Clock} bean, if any, times signatures.
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

    /** Creates the auto-configuration (Spring Boot does). */
    public ScpClientAutoConfiguration() {
    }

    /** {@code scp.client.version} as {@code X.Y}, {@code vX.Y} or the header value. */
    @Bean
    @ConfigurationPropertiesBinding
    static ScpServiceVersionConverter scpServiceVersionConverter() {
        return new ScpServiceVersionConverter();
    }

    /** The properties' key pair, if they name one; a bean of the application replaces it. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional({ScpClientConfiguredCondition.class, KeyProperties.class})
    ScpCredentialsProvider scpCredentialsProvider(ScpClientProperties properties) {
        if (properties.accessKey() == null || properties.accessKey().isBlank() || properties.secretKey() == null
                || properties.secretKey().isEmpty()) {
            throw new IllegalStateException(ScpClientProperties.PREFIX + ".access-key and " + ScpClientProperties.PREFIX
                    + ".secret-key go together: set both, or neither to use the client's own credentials chain ("
                    + ScpConfig.Setting.ACCESS_KEY.variable().orElseThrow() + ", "
                    + ScpConfig.Setting.SECRET_KEY.variable().orElseThrow() + ", ~/" + ScpConfig.DIRECTORY_NAME + ").");
        }
        try {
            return ScpCredentialsProvider.of(ScpCredentials.of(properties.accessKey(), properties.secretKey(),
                    properties.accountId()));
        } catch (IllegalArgumentException invalid) {
            // ScpCredentials' messages show neither key.
            throw new IllegalStateException(ScpClientProperties.PREFIX + ": " + invalid.getMessage(), invalid);
        }
    }

    /** Any of the key properties is set. */
    static class KeyProperties extends AnyNestedCondition {

        KeyProperties() {
            super(ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty(prefix = ScpClientProperties.PREFIX, name = "access-key")
        static class AccessKey {
        }

        @ConditionalOnProperty(prefix = ScpClientProperties.PREFIX, name = "secret-key")
        static class SecretKey {
        }

        @ConditionalOnProperty(prefix = ScpClientProperties.PREFIX, name = "account-id")
        static class AccountId {
        }
    }

    /** The client, once it knows where the service is; a bean of the application replaces it. */
    @Bean
    @ConditionalOnMissingBean
    @Conditional(ScpClientConfiguredCondition.class)
    ScpImageClient scpImageClient(ScpClientProperties properties, ObjectProvider<ScpCredentialsProvider> credentials,
            ObjectProvider<ScpConfig> configuration, ObjectProvider<Clock> clock,
            ObjectProvider<ScpImageClientBuilderCustomizer> customizers) {
        ScpImageClient.Builder builder = ScpImageClient.builder();
        configuration.ifAvailable(builder::configuration);
        credentials.ifAvailable(builder::credentials);
        if (properties.endpoint() != null) {
            if (properties.endpoint().isBlank()) {
                throw new IllegalStateException(ScpClientProperties.PREFIX + ".endpoint is empty: set it to the "
                        + "service's base URL (e.g. http://127.0.0.1:8080 for the local emulator), or remove it.");
            }
            try {
                builder.endpoint(properties.endpoint());
            } catch (IllegalArgumentException invalid) {
                // The builder's message never repeats a URL with user info.
                throw new IllegalStateException(ScpClientProperties.PREFIX + ".endpoint: " + invalid.getMessage(),
                        invalid);
            }
        }
        if (properties.authUrl() != null && !properties.authUrl().isBlank()) {
            try {
                builder.authUrl(properties.authUrl());
            } catch (IllegalArgumentException invalid) {
                throw new IllegalStateException(ScpClientProperties.PREFIX + ".auth-url: " + invalid.getMessage(),
                        invalid);
            }
        }
        if (properties.region() != null) {
            builder.region(properties.region());
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
