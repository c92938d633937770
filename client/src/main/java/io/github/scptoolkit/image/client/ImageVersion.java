package io.github.scptoolkit.image.client;

import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponseV1Dot2;

/**
 * A version together with the type of its 200 body, so that a client bound to it returns that
 * type without casts: 1.0 and 1.1 give {@link ImageShowResponse}, 1.2 and 1.3 give
 * {@link ImageShowResponseV1Dot2} (with {@code scp_gpu_driver}).
 *
 * <pre>
 * ScpImageClient&lt;ImageShowResponseV1Dot2&gt; client = ScpImageClient.builder()
 *         .endpoint("https://virtualserver.kr-west1.e.samsungsdscloud.com")
 *         .build(ImageVersion.V1_2);
 * </pre>
 *
 * @param <T> the 200 body type of this version
 */
public final class ImageVersion<T extends ImageShowResponse> {

    /** Version 1.0: {@link ImageShowResponse}. */
    public static final ImageVersion<ImageShowResponse> V1_0 = new ImageVersion<>(ApiVersion.V1_0, ImageShowResponse.class);
    /** Version 1.1: {@link ImageShowResponse}. */
    public static final ImageVersion<ImageShowResponse> V1_1 = new ImageVersion<>(ApiVersion.V1_1, ImageShowResponse.class);
    /** Version 1.2: {@link ImageShowResponseV1Dot2}. */
    public static final ImageVersion<ImageShowResponseV1Dot2> V1_2 = new ImageVersion<>(ApiVersion.V1_2, ImageShowResponseV1Dot2.class);
    /** Version 1.3: {@link ImageShowResponseV1Dot2}. */
    public static final ImageVersion<ImageShowResponseV1Dot2> V1_3 = new ImageVersion<>(ApiVersion.V1_3, ImageShowResponseV1Dot2.class);

    private final ApiVersion version;
    private final Class<T> responseType;

    private ImageVersion(ApiVersion version, Class<T> responseType) {
        this.version = version;
        this.responseType = responseType;
    }

    /** The latest (CURRENT) version, 1.3. */
    public static ImageVersion<ImageShowResponseV1Dot2> latest() {
        return V1_3;
    }

    /** The version. */
    public ApiVersion version() {
        return version;
    }

    /** The Java type of this version's 200 body. */
    public Class<T> responseType() {
        return responseType;
    }

    @Override
    public String toString() {
        return version.headerValue();
    }
}
