package io.github.scptoolkit.image.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.Decoder;

import io.github.scptoolkit.image.client.generated.model.ApiResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;

/**
 * Decodes a 200 into the type of the bound version. The generated interface declares
 * {@link ImageShowResponse}; Jackson would then drop {@code scp_gpu_driver} from 1.2/1.3 bodies, so
 * the declared type is replaced with the version's own (a subclass) before decoding. Also builds
 * the generated {@link ApiResponse} for {@code showImageWithHttpInfo}.
 *
 * <p>The body is read whole before it is parsed, so that a broken transfer and a bad body have
 * different, defined outcomes (Feign alone reports both as a {@code FeignException} with status
 * 200 whose "response headers" are the request's, signature included):
 * <ul>
 * <li>the connection fails, times out or closes before {@code Content-Length} bytes arrived: a
 *     {@link RetryableException} with status -1 and the {@code IOException} as cause, as for any I/O
 *     error, so the retryer may try again;</li>
 * <li>the body is empty, or is not JSON of the declared type: a {@link DecodeException} carrying
 *     the status, not retried. A 200 never decodes to {@code null}.</li>
 * </ul>
 */
final class VersionedDecoder implements Decoder {

    private final ObjectMapper mapper;
    private final Class<? extends ImageShowResponse> responseType;

    VersionedDecoder(ObjectMapper mapper, Class<? extends ImageShowResponse> responseType) {
        this.mapper = mapper;
        this.responseType = responseType;
    }

    @Override
    public Object decode(Response response, Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == ApiResponse.class) {
            Object body = decodeBody(response, p.getActualTypeArguments()[0]);
            return new ApiResponse<>(response.status(), response.headers(), body);
        }
        return decodeBody(response, type);
    }

    private Object decodeBody(Response response, Type type) {
        Type target = type == ImageShowResponse.class ? responseType : type;
        // Every exception carries a copy of the request without its signature (see ScpRedaction).
        Request request = ScpRedaction.redact(response.request());
        byte[] body = readWhole(response, request);
        if (body.length == 0) {
            throw new DecodeException(response.status(), "[" + response.status() + "] empty body " + during(request),
                    request);
        }
        try {
            return mapper.readValue(body, mapper.constructType(target));
        } catch (IOException | RuntimeException notTheDeclaredJson) {
            String reason = notTheDeclaredJson instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : notTheDeclaredJson.getMessage();
            throw new DecodeException(response.status(), "[" + response.status() + "] body is not a valid "
                    + simpleName(target) + " (" + reason + ") " + during(request), request, notTheDeclaredJson);
        }
    }

    /** All of the body; a failed or short transfer (fewer bytes than {@code Content-Length}) is an I/O error. */
    private static byte[] readWhole(Response response, Request request) {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            byte[] body = in.readAllBytes();
            Integer expected = response.body().length();
            if (expected != null && expected >= 0 && body.length < expected) {
                throw new EOFException("connection closed after " + body.length + " of " + expected + " body bytes");
            }
            return body;
        } catch (IOException broken) {
            throw new RetryableException(-1, broken.getMessage() + " while reading the body " + during(request),
                    request.httpMethod(), broken, (Long) null, request);
        }
    }

    private static String during(Request request) {
        return "in the response to " + request.httpMethod() + " " + request.url();
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }
}
