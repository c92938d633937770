package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.mock.http.MockHttpOutputMessage;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

import io.github.scptoolkit.image.server.ScpResponseShaping.Shaped;
import io.github.scptoolkit.image.server.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * On a real server, the body of a spec operation is sent with {@code Content-Length} equal to its
 * bytes (one write, not chunked), and those bytes are exactly what Spring's own JSON converter
 * streamed before for the same version's shape; HEAD announces the same length. Other
 * controllers' bodies are untouched, even of the same model type: unshaped and streamed by Spring's
 * converter as before; errors and {@code Accept} negotiation are as before.
 */
@SpringBootTest(classes = {StubTestApp.class, ShapedBodyFramingTest.SameModelElsewhere.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"scp.auth.enabled=false",
                "scp.versions.serve-retired=true"})
class ShapedBodyFramingTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String IMAGE = TestSpec.image(StubTestApp.KNOWN_ID);

    @LocalServerPort
    int port;

    @Autowired
    RequestMappingHandlerAdapter adapter;

    /** A host controller that returns the operations' model type, as the operation does, on a path of its own. */
    @RestController
    static class SameModelElsewhere {
        @GetMapping("/host/image")
        ResponseEntity<Image> image() {
            return ResponseEntity.ok(StubTestApp.image());
        }
    }

    static List<ScpServiceVersion> versions() {
        return TestSpec.callableNewestFirst();
    }

    private HttpResponse<byte[]> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private JacksonJsonHttpMessageConverter springsJsonConverter() {
        return adapter.getMessageConverters().stream()
                .filter(c -> c.getClass() == JacksonJsonHttpMessageConverter.class)
                .map(JacksonJsonHttpMessageConverter.class::cast).findFirst().orElseThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("versions")
    void anOperationsBodyHasAContentLengthOfExactlyTheBytesSpringStreamedBefore(ScpServiceVersion version)
            throws Exception {
        HttpResponse<byte[]> response = send("GET", IMAGE, ScpApi.VERSION_HEADER, version.headerValue());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValueAsLong("Content-Length")).hasValue(response.body().length);
        assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
        // Before: Spring's converter streamed the same shaped body.
        MockHttpOutputMessage before = new MockHttpOutputMessage();
        springsJsonConverter().write(new Shaped(StubTestApp.image(), Shape.of(
                ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow(), ScpApi::schema)),
                MediaType.APPLICATION_JSON, before);
        assertThat(response.body()).isEqualTo(before.getBodyAsBytes());
    }

    @Test
    void headAnnouncesTheLengthGetSends() throws Exception {
        HttpResponse<byte[]> get = send("GET", IMAGE);
        HttpResponse<byte[]> head = send("HEAD", IMAGE);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length")).hasValue(get.body().length);
    }

    @Test
    void anotherControllersBodyOfTheSameModelIsUntouched() throws Exception {
        HttpResponse<byte[]> response = send("GET", "/host/image");

        assertThat(response.statusCode()).isEqualTo(200);
        // Spring's converter as before: the whole model, unshaped, streamed.
        assertThat(response.body()).isEqualTo(springsJsonConverter().getMapper().writeValueAsBytes(StubTestApp.image()));
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
    }

    @Test
    void errorsAndNegotiationAreAsBefore() throws Exception {
        HttpResponse<byte[]> missing = send("GET", TestSpec.image("00000000-0000-0000-0000-000000000000"));
        HttpResponse<byte[]> xmlOnly = send("GET", IMAGE, "Accept", MediaType.APPLICATION_XML_VALUE);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(MediaType.parseMediaType(type).isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue());
        assertThat(xmlOnly.statusCode()).isEqualTo(406);
    }

    @Test
    void theConverterSitsJustBeforeSpringsAndClaimsOnlyTheOperationsModels() {
        List<HttpMessageConverter<?>> converters = adapter.getMessageConverters();
        int spring = converters.indexOf(springsJsonConverter());
        ScpShapedJsonConverter shaped = (ScpShapedJsonConverter) converters.get(spring - 1);

        assertThat(shaped.getMapper()).isSameAs(springsJsonConverter().getMapper());
        assertThat(shaped.models()).contains(Image.class).doesNotContain(Object.class);
        assertThat(shaped.canWrite(Image.class, MediaType.APPLICATION_JSON)).isTrue();
        assertThat(shaped.canWrite(Image.class, MediaType.APPLICATION_XML)).isFalse();
        assertThat(shaped.canWrite(ProblemDetail.class, MediaType.APPLICATION_PROBLEM_JSON)).isFalse();
        assertThat(shaped.canWrite(java.util.Map.class, MediaType.APPLICATION_JSON)).isFalse();
        assertThat(shaped.canRead(Image.class, MediaType.APPLICATION_JSON)).isFalse();
    }
}
