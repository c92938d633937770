package io.github.scptoolkit.image.client;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Response;
import feign.codec.Decoder;
import feign.jackson.JacksonDecoder;

import io.github.scptoolkit.image.client.generated.model.ApiResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;

/**
 * Decodes a 200 into the type of the bound version. The generated interface declares
 * {@link ImageShowResponse}; Jackson would then drop {@code scp_gpu_driver} from 1.2/1.3 bodies, so
 * the declared type is replaced with the version's own (a subclass) before decoding. Also builds
 * the generated {@link ApiResponse} for {@code showImageWithHttpInfo}.
 */
final class VersionedDecoder implements Decoder {

    private final JacksonDecoder json;
    private final Class<? extends ImageShowResponse> responseType;

    VersionedDecoder(ObjectMapper mapper, Class<? extends ImageShowResponse> responseType) {
        this.json = new JacksonDecoder(mapper);
        this.responseType = responseType;
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (type instanceof ParameterizedType p && p.getRawType() == ApiResponse.class) {
            Object body = decodeBody(response, p.getActualTypeArguments()[0]);
            return new ApiResponse<>(response.status(), response.headers(), body);
        }
        return decodeBody(response, type);
    }

    private Object decodeBody(Response response, Type type) throws IOException {
        Type target = type == ImageShowResponse.class ? responseType : type;
        return json.decode(response, target);
    }
}
