package io.github.scptoolkit.image.client;

import java.util.Objects;

import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;

/**
 * A Show Image result: the body, typed for the client's version, and the response's
 * {@link ResponseMetadata} (served version, deprecation signals).
 *
 * <pre>
 * ShowImageResponse&lt;ImageShowResponseV1Dot2&gt; r = images.showImageWithMetadata(id);
 * r.body().getScpGpuDriver();
 * r.metadata().servedVersion();   // Optional[V1_3]
 * </pre>
 *
 * @param <T> the 200 body type of the client's version
 */
public final class ShowImageResponse<T extends ImageShowResponse> {

    private final T body;
    private final ResponseMetadata metadata;

    ShowImageResponse(T body, ResponseMetadata metadata) {
        this.body = Objects.requireNonNull(body, "body");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /** The image. */
    public T body() {
        return body;
    }

    /** Status and version headers of the response. */
    public ResponseMetadata metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "ShowImageResponse[" + metadata + "]";
    }
}
