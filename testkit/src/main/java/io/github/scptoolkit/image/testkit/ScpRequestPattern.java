package io.github.scptoolkit.image.testkit;

import java.util.Objects;
import java.util.function.Predicate;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Which requests a {@link ScpEmulator#verify verification} counts or a {@link ScpFault fault}
 * answers: an operation of the spec (or any request), narrowed by path parameter, verified
 * signature, access key or version. Immutable; each narrowing returns a new pattern. Its
 * {@link #toString()} says what it matches, for failure messages.
 *
 * <pre>
 * emulator.verify(2, ScpRequestPattern.image(ScpImages.seedId()).signatureVerified());
 * emulator.verify(1, ScpRequestPattern.operation(ScpApi.SHOW_IMAGE).accessKey("test").version(ScpServiceVersion.getLatest()));
 * emulator.inject(ScpFault.delay(Duration.ofSeconds(2)).always().on(ScpRequestPattern.image("slow-image")));
 * </pre>
 */
public final class ScpRequestPattern implements Predicate<ScpRecordedRequest> {

    private final String description;
    private final Predicate<ScpRecordedRequest> predicate;

    private ScpRequestPattern(String description, Predicate<ScpRecordedRequest> predicate) {
        this.description = description;
        this.predicate = predicate;
    }

    /** Every request, also those to no operation of the spec (e.g. a wrong path). */
    public static ScpRequestPattern anyRequest() {
        return new ScpRequestPattern("any request", r -> true);
    }

    /** Every request to an operation of the spec (its method and path). */
    public static ScpRequestPattern anyOperation() {
        return new ScpRequestPattern("any operation of the spec", r -> r.operationId().isPresent());
    }

    /** The requests to {@code operation} (its method and path template), e.g. {@code ScpApi.SHOW_IMAGE}. */
    public static ScpRequestPattern operation(ScpOperation operation) {
        Objects.requireNonNull(operation, "operation");
        return new ScpRequestPattern(operation.operationId(),
                r -> r.operationId().filter(operation.operationId()::equals).isPresent());
    }

    /**
     * The requests about image {@code imageId}: to an operation on the resource Show Image answers
     * with ({@code x-resource}) whose path parameter is that id, e.g. Show Image of that id.
     */
    public static ScpRequestPattern image(String imageId) {
        Objects.requireNonNull(imageId, "imageId");
        String resource = ScpApi.SHOW_IMAGE.resource();
        return new ScpRequestPattern(resource + " " + imageId, r -> r.operationId()
                .flatMap(ScpApi::operation)
                .filter(op -> resource.equals(op.resource()))
                .filter(op -> op.parameters().stream().filter(p -> p.in() == ScpParameter.In.PATH)
                        .anyMatch(p -> imageId.equals(r.pathParameters().get(p.name()))))
                .isPresent());
    }

    /** Narrowed to requests whose path parameter {@code name} (decoded) is {@code value}. */
    public ScpRequestPattern pathParameter(String name, String value) {
        return and(name + "=" + value, r -> Objects.equals(r.pathParameters().get(name), value));
    }

    /** Narrowed to requests the emulator's signature check accepted. */
    public ScpRequestPattern signatureVerified() {
        return and("with a verified signature", ScpRecordedRequest::signatureVerified);
    }

    /** Narrowed to requests sent with access key {@code accessKey} ({@code Scp-Accesskey}). */
    public ScpRequestPattern accessKey(String accessKey) {
        return and("key " + accessKey, r -> r.accessKey().filter(accessKey::equals).isPresent());
    }

    /** Narrowed to requests whose version header names {@code version}. */
    public ScpRequestPattern version(ScpServiceVersion version) {
        return and("[" + version.headerValue() + "]", r -> r.version().filter(version::equals).isPresent());
    }

    @Override
    public boolean test(ScpRecordedRequest request) {
        return predicate.test(request);
    }

    private ScpRequestPattern and(String more, Predicate<ScpRecordedRequest> also) {
        return new ScpRequestPattern(description + ", " + more, predicate.and(also));
    }

    /** What it matches, e.g. {@code Image 70a599e0-…, with a verified signature}. */
    @Override
    public String toString() {
        return description;
    }
}
