package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import feign.Request;
import feign.RequestTemplate;
import feign.codec.DecodeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.github.scptoolkit.image.client.generated.api.ImagesApi;
import io.github.scptoolkit.image.client.generated.api.VersionsApi;
import io.github.scptoolkit.image.client.generated.model.ApiResponse;
import io.github.scptoolkit.image.client.generated.model.ApiVersionList;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Signing, the version header, decoding and errors are per-operation machinery driven by the
 * spec's data ({@link ScpApi}), applied to whatever generated method is called: through the
 * client's conveniences, its accessors and the generic {@link ScpImageClient#api(Class)}.
 */
class OperationMachineryTest {

    private static final ScpCredentials CREDENTIALS = ScpCredentials.of("AK1", "secret-key-1");
    private static final String AUTH_HEADER = "Scp-Signature";
    private static final String VERSIONS = "{\"versions\": [{\"id\": \"" + ScpServiceVersion.getLatest().id()
            + "\", \"status\": \"CURRENT\", \"not_before\": null, \"links\": []}]}";

    private static ScpImageClient.Builder builder(RecordingClient http) {
        return ScpImageClient.builder().endpoint("http://127.0.0.1:8080").credentials(CREDENTIALS).client(http)
                .maxAttempts(1);
    }

    // ---- identifying the operation ----

    /** Every generated Feign interface (one per tag of the spec), found in the generated package. */
    static List<Class<?>> generatedInterfaces() throws Exception {
        String pkg = ImagesApi.class.getPackageName();
        java.net.URL dir = ImagesApi.class.getResource("/" + pkg.replace('.', '/'));
        List<Class<?>> found = new java.util.ArrayList<>();
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of(dir.toURI()))) {
            for (java.nio.file.Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".class") && !name.contains("$")) {
                    Class<?> c = Class.forName(pkg + "." + name.substring(0, name.length() - ".class".length()));
                    if (c.isInterface()) {
                        found.add(c);
                    }
                }
            }
        }
        assertThat(found).contains(ImagesApi.class, VersionsApi.class);
        return found;
    }

    @Test
    void everyGeneratedMethodIsAnOperationOfTheSpec() throws Exception {
        for (Class<?> api : generatedInterfaces()) {
            for (Method m : api.getDeclaredMethods()) {
                assertThat(Operations.of(m)).as(api.getSimpleName() + "#" + m.getName()).isPresent();
            }
        }
        assertThat(Operations.of(ScpDecoderTest.metadata(ImagesApi.class, "showImageWithHttpInfo").method()))
                .contains(ScpApi.SHOW_IMAGE);
        assertThat(Operations.operationId("listVersionsWithHttpInfo")).isEqualTo(ScpApi.LIST_VERSIONS.operationId());
        assertThat(Operations.operationId(Operations.WITH_HTTP_INFO)).isEqualTo(Operations.WITH_HTTP_INFO);
    }

    @Test
    void everyOperationOfTheSpecHasAGeneratedMethodTheGenericAccessorServes() throws Exception {
        ScpImageClient client = builder(new RecordingClient()).build();
        List<String> methods = new java.util.ArrayList<>();
        for (Class<?> api : generatedInterfaces()) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            Object proxy = client.api((Class) api);
            assertThat(proxy).isInstanceOf(api);
            java.util.Arrays.stream(api.getDeclaredMethods()).map(Method::getName).forEach(methods::add);
        }

        assertThat(methods).containsAll(ScpApi.operations().stream().map(ScpOperation::operationId).toList());
    }

    // ---- the version interceptor ----

    @Test
    void aVersionedOperationWithoutAVersionGetsTheClientsVersion() {
        ScpServiceVersion bound = SpecVersions.supported();
        RequestTemplate template = template(ImagesApi.class, "showImage");

        new ScpVersionInterceptor(bound).apply(template);

        assertThat(template.headers().get(ScpApi.VERSION_HEADER)).containsExactly(bound.headerValue());
    }

    @Test
    void aVersionTheCallerPassedIsKept() {
        RequestTemplate template = template(ImagesApi.class, "showImageWithHttpInfo");
        template.header("scp-api-version", SpecVersions.current().headerValue());

        new ScpVersionInterceptor(SpecVersions.supported()).apply(template);

        assertThat(template.headers().entrySet()).singleElement().satisfies(h -> {
            assertThat(h.getKey()).isEqualToIgnoringCase(ScpApi.VERSION_HEADER);
            assertThat(h.getValue()).containsExactly(SpecVersions.current().headerValue());
        });
    }

    @Test
    void unversionedOperationsAndUnknownRequestsNeverGetTheHeader() {
        RequestTemplate versions = template(VersionsApi.class, "listVersions");
        RequestTemplate unknown = new RequestTemplate();

        new ScpVersionInterceptor(SpecVersions.current()).apply(versions);
        new ScpVersionInterceptor(SpecVersions.current()).apply(unknown);

        assertThat(ScpApi.LIST_VERSIONS.versioned()).isFalse();
        assertThat(versions.headers()).doesNotContainKey(ScpApi.VERSION_HEADER);
        assertThat(unknown.headers()).isEmpty();
    }

    // ---- the whole client on the wire ----

    static List<ScpServiceVersion> everyVersion() {
        return ScpServiceVersion.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyVersion")
    void aClientBoundToAnyVersionOfTheSpecSendsItAndSignsShowImage(ScpServiceVersion version) {
        RecordingClient http = new RecordingClient();

        Image image = builder(http).serviceVersion(version).build().showImage("x");

        Request sent = http.requests.get(0);
        assertThat(RecordingClient.header(sent, ScpApi.VERSION_HEADER)).isEqualTo(version.headerValue());
        assertThat(RecordingClient.header(sent, AUTH_HEADER)).isNotBlank();
        assertThat(image.getName()).isEqualTo("imagename");
    }

    @Test
    void theDefaultVersionIsTheCurrentOne() {
        RecordingClient http = new RecordingClient();
        ScpImageClient client = builder(http).build();

        client.showImage("x");

        assertThat(client.serviceVersion()).isEqualTo(ScpServiceVersion.getLatest());
        assertThat(RecordingClient.header(http.requests.get(0), ScpApi.VERSION_HEADER))
                .isEqualTo(ScpServiceVersion.getLatest().headerValue());
    }

    @Test
    void theVersionsDocumentIsSentUnsignedUnversionedAndWithoutCredentials() {
        RecordingClient http = new RecordingClient().then(200, VERSIONS);
        ScpImageClient client = ScpImageClient.builder().endpoint("http://127.0.0.1:8080")
                .credentials(ScpCredentialsProvider.fromVariables(Map.of())).client(http).build();

        ApiVersionList document = client.versions();

        Request sent = http.requests.get(0);
        assertThat(sent.url()).isEqualTo("http://127.0.0.1:8080/");
        assertThat(sent.headers().keySet()).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("scp-"));
        assertThat(document.getVersions()).singleElement()
                .satisfies(v -> assertThat(v.getId()).isEqualTo(ScpServiceVersion.getLatest().id()));
    }

    @Test
    void theGenericAccessorGivesAnyGeneratedInterfaceTheSameConfiguration() {
        ScpServiceVersion bound = SpecVersions.supported();
        RecordingClient http = new RecordingClient().then(200, RecordingClient.IMAGE_JSON).then(200, VERSIONS)
                .then(404, ScpErrorDecoderTest.problem(404, ScpProblemCode.IMAGE_NOT_FOUND.code()))
                .then(200, "null");
        ScpImageClient client = builder(http).serviceVersion(bound).build();
        ImagesApi images = client.api(ImagesApi.class);
        VersionsApi versions = client.api(VersionsApi.class);

        ApiResponse<Image> shown = images.showImageWithHttpInfo("a/b", null, null);
        ApiVersionList document = versions.listVersions();
        Throwable notFound = catchThrowable(() -> images.showImage("gone", null, null));
        Throwable nullBody = catchThrowable(() -> images.showImage("x", null, null));

        assertThat(client.api(ImagesApi.class)).isSameAs(images).isSameAs(client.images());
        assertThat(client.api(VersionsApi.class)).isSameAs(versions).isSameAs(client.versionsApi());
        // signed, versioned, path-encoded, decoded
        Request showSent = http.requests.get(0);
        assertThat(showSent.url()).isEqualTo("http://127.0.0.1:8080/v1/images/a%2Fb");
        assertThat(RecordingClient.header(showSent, AUTH_HEADER)).isNotBlank();
        assertThat(RecordingClient.header(showSent, ScpApi.VERSION_HEADER)).isEqualTo(bound.headerValue());
        assertThat(shown.getStatusCode()).isEqualTo(200);
        assertThat(shown.getData().getName()).isEqualTo("imagename");
        // unsigned, unversioned
        Request versionsSent = http.requests.get(1);
        assertThat(versionsSent.headers().keySet()).noneMatch(h -> h.equalsIgnoreCase(AUTH_HEADER)
                || h.equalsIgnoreCase(ScpApi.VERSION_HEADER));
        assertThat(document.getVersions()).hasSize(1);
        // typed errors, never a null body
        assertThat(notFound).isExactlyInstanceOf(ScpNotFoundException.class);
        assertThat(((ScpProblemException) notFound).problemCode()).contains(ScpProblemCode.IMAGE_NOT_FOUND);
        assertThat(nullBody).isExactlyInstanceOf(DecodeException.class)
                .hasMessageContaining(ScpApi.SHOW_IMAGE.operationId() + " in " + bound.headerValue());
    }

    @Test
    void aVersionPassedToAGeneratedMethodWinsOverTheClientsVersion() {
        RecordingClient http = new RecordingClient();
        ScpImageClient client = builder(http).serviceVersion(SpecVersions.current()).build();

        client.images().showImage("x", SpecVersions.supported(), null);

        assertThat(RecordingClient.header(http.requests.get(0), ScpApi.VERSION_HEADER))
                .isEqualTo(SpecVersions.supported().headerValue());
    }

    @Test
    void showImageWithResponseGivesTheServedVersion() {
        RecordingClient http = new RecordingClient().then(200, RecordingClient.IMAGE_JSON,
                Map.of(ScpApi.VERSION_HEADER, SpecVersions.current().headerValue()));

        ScpResponse<Image> response = builder(http).build().showImageWithResponse("x");

        assertThat(response.body().getName()).isEqualTo("imagename");
        assertThat(response.metadata().status()).isEqualTo(200);
        assertThat(response.metadata().servedVersion()).contains(SpecVersions.current());
    }

    private static RequestTemplate template(Class<?> api, String method) {
        RequestTemplate template = new RequestTemplate();
        template.methodMetadata(ScpDecoderTest.metadata(api, method));
        return template;
    }
}
