package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import feign.Request;
import feign.RequestTemplate;
import feign.Target;
import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.client.generated.api.ImagesApi;
import io.github.scptoolkit.image.client.generated.api.VersionsApi;
import io.github.scptoolkit.image.spec.ScpApi;

class ScpSigningInterceptorTest {

    // Vector 3 of scp-signature-vectors.json with its account id "acc123" replaced by a project id
    // (the syntax requests must use); the signature is an HMAC-SHA256 computed independently (Python).
    private static final String URL = "http://127.0.0.1:8080/v1/images/70a599e0-31e7-49b7-b260-868f441e862b";
    private static final long TIMESTAMP = 1795782486608L;
    private static final ScpCredentials CREDENTIALS = ScpCredentials.of("AK1", "secret-key-1", "a8f10467abfc4b87b64614ab36eb9ae4");
    private static final String SIGNATURE = "vg+h//2VHqQW+aA50u13ocNhbtaUuo5vN1cDJ7Q1OLQ=";

    private static Clock fixed(long millis) {
        return Clock.fixed(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }

    private static RequestTemplate absoluteTemplate() {
        RequestTemplate template = new RequestTemplate();
        template.method(Request.HttpMethod.GET);
        template.target("http://127.0.0.1:8080");
        template.uri("/v1/images/70a599e0-31e7-49b7-b260-868f441e862b");
        return template;
    }

    @Test
    void signsAnAbsoluteTemplateWithTheFixedVector() {
        RequestTemplate template = absoluteTemplate();

        new ScpSigningInterceptor(ScpCredentialsProvider.of(CREDENTIALS), fixed(TIMESTAMP)).apply(template);

        assertThat(template.url()).isEqualTo(URL);
        assertThat(single(template, "Scp-Accesskey")).isEqualTo("AK1");
        assertThat(single(template, "Scp-Timestamp")).isEqualTo("1795782486608");
        assertThat(single(template, "Scp-ClientType")).isEqualTo("Openapi");
        assertThat(single(template, "Scp-AccountId")).isEqualTo("a8f10467abfc4b87b64614ab36eb9ae4");
        assertThat(single(template, "Scp-Signature")).isEqualTo(SIGNATURE);
    }

    @Test
    void signsARelativeTemplateOverItsTargetUrl() {
        // First attempt: Feign runs interceptors before the target makes the URL absolute.
        RequestTemplate template = new RequestTemplate();
        template.method(Request.HttpMethod.GET);
        template.uri("/v1/images/70a599e0-31e7-49b7-b260-868f441e862b");
        template.feignTarget(new Target.HardCodedTarget<>(ImagesApi.class, "http://127.0.0.1:8080"));

        new ScpSigningInterceptor(ScpCredentialsProvider.of(CREDENTIALS), fixed(TIMESTAMP)).apply(template);

        assertThat(ScpSigningInterceptor.wireUrl(template)).isEqualTo(URL);
        assertThat(single(template, "Scp-Signature")).isEqualTo(SIGNATURE);
    }

    @Test
    void reapplyingOnTheSameTemplateLeavesOneOfEachHeaderWithAFreshTimestamp() {
        RequestTemplate template = absoluteTemplate();
        ScpSigningInterceptor interceptor = new ScpSigningInterceptor(ScpCredentialsProvider.of(CREDENTIALS),
                new TickingClock(TIMESTAMP, 1_000));

        interceptor.apply(template);
        interceptor.apply(template); // a retry re-runs interceptors on the same template

        assertThat(single(template, "Scp-Timestamp")).isEqualTo(String.valueOf(TIMESTAMP + 1_000));
        assertThat(single(template, "Scp-Signature"))
                .isEqualTo(new ScpSigner(CREDENTIALS).signature("GET", URL, TIMESTAMP + 1_000))
                .isNotEqualTo(SIGNATURE);
        assertThat(single(template, "Scp-Accesskey")).isEqualTo("AK1");
        assertThat(single(template, "Scp-ClientType")).isEqualTo("Openapi");
        assertThat(single(template, "Scp-AccountId")).isEqualTo("a8f10467abfc4b87b64614ab36eb9ae4");
    }

    @Test
    void replacesStaleAuthHeadersWhateverTheirSpelling() {
        RequestTemplate template = absoluteTemplate();
        template.header("scp-signature", "stale");
        template.header("SCP-TIMESTAMP", "1");
        template.header("Scp-AccessKey", "someone-else");

        new ScpSigningInterceptor(ScpCredentialsProvider.of(CREDENTIALS), fixed(TIMESTAMP)).apply(template);

        assertThat(single(template, "Scp-Signature")).isEqualTo(SIGNATURE);
        assertThat(single(template, "Scp-Timestamp")).isEqualTo("1795782486608");
        assertThat(single(template, "Scp-Accesskey")).isEqualTo("AK1");
    }

    @Test
    void dropsTheAccountHeaderWhenTheCredentialsHaveNoAccount() {
        RequestTemplate template = absoluteTemplate();
        template.header("Scp-AccountId", "left-over");

        new ScpSigningInterceptor(ScpCredentialsProvider.of(ScpCredentials.of("AK1", "secret-key-1")), fixed(TIMESTAMP))
                .apply(template);

        assertThat(values(template, "Scp-AccountId")).isEmpty();
        assertThat(single(template, "Scp-Signature"))
                .isEqualTo(new ScpSigner(ScpCredentials.of("AK1", "secret-key-1")).signature("GET", URL, TIMESTAMP));
    }

    @Test
    void headerValuesAreLiteralNotTemplates() {
        ScpCredentials braces = ScpCredentials.of("{ak}", "{secret}");
        RequestTemplate template = absoluteTemplate();

        new ScpSigningInterceptor(ScpCredentialsProvider.of(braces), fixed(TIMESTAMP)).apply(template);

        assertThat(single(template, "Scp-Accesskey")).isEqualTo("{ak}");
        assertThat(single(template, "Scp-Signature")).isEqualTo(new ScpSigner(braces).signature("GET", URL, TIMESTAMP));
    }

    @Test
    void usesNewCredentialsAsSoonAsTheProviderReturnsThem() {
        ScpCredentials[] current = {CREDENTIALS};
        ScpSigningInterceptor interceptor = new ScpSigningInterceptor(() -> current[0], fixed(TIMESTAMP));
        RequestTemplate template = absoluteTemplate();

        interceptor.apply(template);
        current[0] = ScpCredentials.of("AK2", "secret-key-2");
        interceptor.apply(template);

        assertThat(single(template, "Scp-Accesskey")).isEqualTo("AK2");
        assertThat(single(template, "Scp-Signature"))
                .isEqualTo(new ScpSigner(current[0]).signature("GET", URL, TIMESTAMP));
    }

    @Test
    void aSignedOperationOfAGeneratedInterfaceIsSigned() {
        RequestTemplate template = absoluteTemplate();
        template.methodMetadata(ScpDecoderTest.metadata(ImagesApi.class, "showImageWithHttpInfo"));

        new ScpSigningInterceptor(ScpCredentialsProvider.of(CREDENTIALS), fixed(TIMESTAMP)).apply(template);

        assertThat(ScpApi.SHOW_IMAGE.signed()).isTrue();
        assertThat(single(template, "Scp-Signature")).isEqualTo(SIGNATURE);
    }

    @Test
    void anUnsignedOperationIsSentWithoutAuthHeadersAndNeedsNoCredentials() {
        RequestTemplate template = new RequestTemplate();
        template.method(Request.HttpMethod.GET);
        template.target("http://127.0.0.1:8080");
        template.uri("/");
        template.methodMetadata(ScpDecoderTest.metadata(VersionsApi.class, "listVersions"));
        ScpSigningInterceptor interceptor = new ScpSigningInterceptor(() -> {
            throw new AssertionError("credentials asked for an unsigned operation");
        }, fixed(TIMESTAMP));

        interceptor.apply(template);

        assertThat(ScpApi.LIST_VERSIONS.signed()).isFalse();
        for (String header : List.of("Scp-Accesskey", "Scp-Timestamp", "Scp-ClientType", "Scp-AccountId", "Scp-Signature")) {
            assertThat(values(template, header)).as(header).isEmpty();
        }
    }

    @Test
    void refusesToSignWithoutCredentials() {
        ScpSigningInterceptor interceptor = new ScpSigningInterceptor(
                ScpCredentialsProvider.fromVariables(Map.of()), fixed(TIMESTAMP));

        assertThatThrownBy(() -> interceptor.apply(absoluteTemplate()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SCP_SECRET_KEY");
    }

    private static List<String> values(RequestTemplate template, String name) {
        return template.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue)
                .flatMap(Collection::stream)
                .toList();
    }

    private static String single(RequestTemplate template, String name) {
        List<String> values = values(template, name);
        assertThat(values).as(name).hasSize(1);
        return values.get(0);
    }
}
