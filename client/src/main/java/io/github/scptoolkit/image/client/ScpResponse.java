package io.github.scptoolkit.image.client;

import java.util.Objects;

import io.github.scptoolkit.image.client.generated.model.ApiResponse;

/**
 * A result with its response's {@link ResponseMetadata} (status, headers, served version,
 * deprecation signals), for any operation: {@link #of(ApiResponse)} turns what a generated
 * {@code ...WithHttpInfo} method returns into one.
 *
 * <pre>
 * ScpResponse&lt;Image&gt; r = images.showImageWithResponse(id);
 * r.body().getName();
 * r.metadata().servedVersion();   // Optional[virtualserver 1.x]
 *
 * ScpResponse&lt;ApiVersionList&gt; v = ScpResponse.of(images.versionsApi().listVersionsWithHttpInfo());
 * </pre>
 *
 * @param <T> the body type
 * @param body the decoded body, never null (a 200 never decodes to null)
 * @param metadata the status and headers of the response
 */
public record ScpResponse<T>(T body, ResponseMetadata metadata) {

    public ScpResponse {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(metadata, "metadata");
    }

    /** The body, status and headers of a generated {@code ...WithHttpInfo} method's result. */
    public static <T> ScpResponse<T> of(ApiResponse<T> response) {
        Objects.requireNonNull(response, "response");
        return new ScpResponse<>(response.getData(), ResponseMetadata.of(response.getStatusCode(), response.getHeaders()));
    }

    @Override
    public String toString() {
        return "ScpResponse[" + metadata + "]";
    }
}
