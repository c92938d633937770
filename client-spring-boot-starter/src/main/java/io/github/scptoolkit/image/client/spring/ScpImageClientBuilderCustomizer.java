package io.github.scptoolkit.image.client.spring;

import io.github.scptoolkit.image.client.ScpImageClient;

/**
 * Changes the builder of the auto-configured {@link ScpImageClient} after the properties are
 * applied, for what properties do not cover (the HTTP client, a logger, a retry policy).
 *
 * <pre>
 * &#64;Bean
 * ScpImageClientBuilderCustomizer verboseScpClient() {
 *     return builder -&gt; builder.logger(ScpMaskingLogger.to(log::debug)).logLevel(feign.Logger.Level.HEADERS);
 * }
 * </pre>
 */
@FunctionalInterface
public interface ScpImageClientBuilderCustomizer {

    /** Changes {@code builder}. */
    void customize(ScpImageClient.Builder builder);
}
