package io.github.scptoolkit.image.client;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Request;
import feign.Response;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.Decoder;

import io.github.scptoolkit.image.client.generated.model.ApiResponse;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Decodes the 200 body of any generated method into its declared return type (one model per
 * resource, e.g. {@code Image} with the fields of every version), and builds the generated
 * {@link ApiResponse} for the {@code ...WithHttpInfo} methods. Each body is decoded knowing its
 * {@link Exchange}: the operation of the spec it answers and the version it was asked in, so the
 * rules of that version's schema ({@link ScpOperation#responseSchema}) can be applied here.
 *
 * <p>The body is read whole before it is parsed, so that a broken transfer and a bad body have
 * different, defined outcomes (Feign alone reports both as a {@code FeignException} with status
 * 200 whose "response headers" are the request's, signature included):
 * <ul>
 * <li>the connection fails, times out or closes before {@code Content-Length} bytes arrived: a
 *     {@link RetryableException} with status -1 and the {@code IOException} as cause, as for any I/O
 *     error, so the retryer may try again; a body cut short is always an {@link EOFException}
 *     "connection closed after N of M body bytes", whatever the JDK reported;</li>
 * <li>the body is empty, the JSON {@code null}, not a JSON object where the declared type is a
 *     model, breaks the contract of the version asked for ({@link ResponseContract}: a required
 *     property missing, {@code null} where the schema does not allow it, an empty timestamp), or is
 *     not JSON of the declared type (e.g. an unparsable timestamp): a {@link DecodeException}
 *     carrying the status, not retried, whose message names the model, the operation, the version
 *     and the field, e.g. {@code [200] body is not a valid Image for showImage in virtualserver 1.3:
 *     required field 'name' is missing (in the response to GET ...)}. A 200 never decodes to
 *     {@code null}.</li>
 * </ul>
 * The contract is checked in one streaming pass over the body before it is bound; rules are
 * compiled once per operation and version.
 */
final class ScpDecoder implements Decoder {

    /** The package of the generated models: a body declared as one of them must be a JSON object. */
    private static final String MODEL_PACKAGE = ApiResponse.class.getPackageName();

    private final ObjectMapper mapper;
    private final ScpServiceVersion boundVersion;

    ScpDecoder(ObjectMapper mapper, ScpServiceVersion boundVersion) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.boundVersion = Objects.requireNonNull(boundVersion, "boundVersion");
    }

    /**
     * What a response answers: the operation of the spec (empty for a request of no known
     * operation) and, for a versioned operation, the version asked for (the request's version
     * header, else the client's version).
     */
    record Exchange(Optional<ScpOperation> operation, Optional<ScpServiceVersion> version) {

        @Override
        public String toString() {
            return operation.map(ScpOperation::operationId).orElse("unknown operation")
                    + version.map(v -> " in " + v.headerValue()).orElse("");
        }

        /** {@code " for showImage in virtualserver 1.3"}; empty for an unknown operation. */
        String forWhat() {
            return operation.isPresent() ? " for " + this : "";
        }
    }

    /** The exchange a response belongs to. */
    Exchange exchange(Request request) {
        Optional<ScpOperation> operation = Operations.of(request);
        Optional<ScpServiceVersion> version = operation.filter(ScpOperation::versioned)
                .map(op -> Operations.requestedVersion(request.headers()).orElse(boundVersion));
        return new Exchange(operation, version);
    }

    @Override
    public Object decode(Response response, Type type) {
        Exchange exchange = exchange(response.request());
        if (type instanceof ParameterizedType p && p.getRawType() == ApiResponse.class) {
            Object body = decodeBody(response, p.getActualTypeArguments()[0], exchange);
            return new ApiResponse<>(response.status(), response.headers(), body);
        }
        return decodeBody(response, type, exchange);
    }

    private Object decodeBody(Response response, Type type, Exchange exchange) {
        JavaType target = mapper.constructType(type);
        // Every exception carries a copy of the request without its signature (see ScpRedaction).
        Request request = ScpRedaction.redact(response.request());
        byte[] body = readWhole(response, request);
        String valid = "a valid " + simpleName(target) + exchange.forWhat();
        try (JsonParser parser = mapper.createParser(body)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw failure(response, "empty body, not " + valid, null);
            }
            if (first == JsonToken.VALUE_NULL) {
                throw failure(response, "body is null, not " + valid, null);
            }
            if (isModel(target)) {
                if (first != JsonToken.START_OBJECT) {
                    throw failure(response, "body is not " + valid + ": not a JSON object", null);
                }
                ResponseContract contract = exchange.operation()
                        .flatMap(op -> ResponseContract.of(op, exchange.version())).orElse(null);
                if (contract != null) {
                    String violation = contract.violation(parser);
                    if (violation != null) {
                        throw failure(response, "body is not " + valid + ": " + violation, null);
                    }
                    return mapper.readValue(body, target);
                }
            }
            return mapper.readValue(parser, target);
        } catch (DecodeException decided) {
            throw decided;
        } catch (IOException | RuntimeException notTheDeclaredJson) {
            // A RuntimeException too (a model's own check): Feign would wrap it over the unredacted request.
            throw failure(response, "body is not " + valid + ": " + reason(notTheDeclaredJson), notTheDeclaredJson);
        }
    }

    /** Jackson's reason, naming the field it concerns ({@code field 'created_at': Cannot deserialize ...}). */
    private static String reason(Exception e) {
        if (!(e instanceof JsonProcessingException json)) {
            return String.valueOf(e.getMessage());
        }
        String path = json instanceof JsonMappingException mapping ? path(mapping.getPath()) : "";
        return (path.isEmpty() ? "" : "field '" + path + "': ") + json.getOriginalMessage();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * A {@code DecodeException} over the redacted request, saying what is wrong and where the body
     * came from; any secret value of the request the server echoed into the body is redacted from
     * the message too.
     */
    private static DecodeException failure(Response response, String what, Throwable cause) {
        Request request = ScpRedaction.redact(response.request());
        String message = ScpRedaction.scrub("[" + response.status() + "] " + what + " (" + during(request) + ")",
                response.request());
        return cause == null ? new DecodeException(response.status(), message, request)
                : new DecodeException(response.status(), message, request, cause);
    }

    /** Whether the declared type is a generated model (an object schema), not a list, map, string or enum. */
    private static boolean isModel(JavaType type) {
        Class<?> raw = type.getRawClass();
        return !type.isContainerType() && !raw.isEnum() && raw.getPackageName().equals(MODEL_PACKAGE);
    }

    /**
     * All of the body. A body cut short (fewer bytes than {@code Content-Length}) is the same I/O error
     * on every JDK, whether the stream just ended early or the JDK raised its own error on a close or
     * reset (Java 17 ends the stream, Java 25 throws "Premature EOF", a reset throws a
     * {@code SocketException}): an {@link EOFException} with the JDK's error, if any, as its cause.
     * A timeout, or a failure with no {@code Content-Length} to count against, stays as the JDK reported it.
     */
    private static byte[] readWhole(Response response, Request request) {
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

    private static String simpleName(JavaType type) {
        return type.hasGenericTypes() ? type.toCanonical() : type.getRawClass().getSimpleName();
    }
}
