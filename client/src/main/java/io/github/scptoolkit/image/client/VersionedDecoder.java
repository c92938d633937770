package io.github.scptoolkit.image.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
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
 *     error, so the retryer may try again; a body cut short is always an {@link EOFException}
 *     "connection closed after N of M body bytes", whatever the JDK reported;</li>
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
        byte[] body = readWhole(response);
        if (body.length == 0) {
            throw new DecodeException(response.status(),
                    "[" + response.status() + "] empty body " + during(response.request()), response.request());
        }
        try {
            return mapper.readValue(body, mapper.constructType(target));
        } catch (IOException notTheDeclaredJson) {
            String reason = notTheDeclaredJson instanceof JsonProcessingException json
                    ? json.getOriginalMessage() : notTheDeclaredJson.getMessage();
            throw new DecodeException(response.status(), "[" + response.status() + "] body is not a valid "
                    + simpleName(target) + " (" + reason + ") " + during(response.request()), response.request(),
                    notTheDeclaredJson);
        }
    }

    /**
     * All of the body. A body cut short (fewer bytes than {@code Content-Length}) is the same I/O error
     * on every JDK, whether the stream just ended early or the JDK raised its own error on a close or
     * reset (Java 17 ends the stream, Java 25 throws "Premature EOF", a reset throws a
     * {@code SocketException}): an {@link EOFException} with the JDK's error, if any, as its cause.
     * A timeout, or a failure with no {@code Content-Length} to count against, stays as the JDK reported it.
     */
    private static byte[] readWhole(Response response) {
        Request request = response.request();
        if (response.body() == null) {
            return new byte[0];
        }
        Integer expected = response.body().length();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (InputStream in = response.body().asInputStream()) {
            in.transferTo(body);
        } catch (InterruptedIOException timeout) {
            throw ioFailure(timeout, request);
        } catch (IOException broken) {
            throw ioFailure(isShort(body, expected) ? cut(body, expected, broken) : broken, request);
        }
        if (isShort(body, expected)) {
            throw ioFailure(cut(body, expected, null), request);
        }
        return body.toByteArray();
    }

    private static boolean isShort(ByteArrayOutputStream body, Integer expected) {
        return expected != null && expected >= 0 && body.size() < expected;
    }

    private static EOFException cut(ByteArrayOutputStream body, Integer expected, IOException reported) {
        EOFException cut = new EOFException(
                "connection closed after " + body.size() + " of " + expected + " body bytes");
        return reported == null ? cut : (EOFException) cut.initCause(reported);
    }

    /** Feign's outcome for any I/O error: status -1, the error as cause, so the retryer may try again. */
    private static RetryableException ioFailure(IOException broken, Request request) {
        return new RetryableException(-1, broken.getMessage() + " while reading the body " + during(request),
                request.httpMethod(), broken, (Long) null, request);
    }

    private static String during(Request request) {
        return "in the response to " + request.httpMethod() + " " + request.url();
    }

    private static String simpleName(Type type) {
        return type instanceof Class<?> c ? c.getSimpleName() : type.getTypeName();
    }
}
