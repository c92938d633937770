package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.accept.InvalidApiVersionException;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/** Versions are resolved for the spec's versioned operations only, and only in versions an operation exists in. */
class ScpVersionResolverTest {

    private final ScpVersionResolver resolver = new ScpVersionResolver(ScpOperations.SPEC);

    private static MockHttpServletRequest request(String method, String path, String version) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (version != null) {
            request.addHeader(ScpApi.VERSION_HEADER, version);
        }
        return request;
    }

    @Test
    void aVersionedOperationGetsTheHeaderOrTheCurrentVersion() {
        assertThat(resolver.resolveVersion(request("GET", TestSpec.image("x"), null)))
                .isEqualTo(TestSpec.current().headerValue());
        assertThat(resolver.resolveVersion(request("GET", TestSpec.image("x"), TestSpec.UNKNOWN)))
                .as("validated later, by the parser").isEqualTo(TestSpec.UNKNOWN);
    }

    @Test
    void anythingElseHasNoVersionWhateverItSends() {
        assertThat(resolver.resolveVersion(request("GET", ScpApi.LIST_VERSIONS.path(), TestSpec.UNKNOWN))).isNull();
        assertThat(resolver.resolveVersion(request("GET", "/hello", TestSpec.current().headerValue()))).isNull();
        assertThat(resolver.resolveVersion(request("POST", TestSpec.image("x"), null))).as("another method").isNull();
    }

    @Test
    void differentVersionsAtOnceAreAmbiguousAndTheSameOneRepeatedIsThatVersion() {
        String current = TestSpec.current().headerValue();
        MockHttpServletRequest twoLines = request("GET", TestSpec.image("x"), current);
        twoLines.addHeader(ScpApi.VERSION_HEADER, TestSpec.UNKNOWN);
        MockHttpServletRequest same = request("GET", TestSpec.image("x"), current);
        same.addHeader(ScpApi.VERSION_HEADER, current);

        assertThatThrownBy(() -> resolver.resolveVersion(twoLines))
                .isInstanceOf(ScpVersionResolver.AmbiguousApiVersionException.class);
        assertThatThrownBy(() -> resolver.resolveVersion(request("GET", TestSpec.image("x"), current + "," + TestSpec.UNKNOWN)))
                .isInstanceOf(ScpVersionResolver.AmbiguousApiVersionException.class);
        assertThat(resolver.resolveVersion(same)).isEqualTo(current);
        assertThat(resolver.resolveVersion(request("GET", TestSpec.image("x"), current + ", " + current))).isEqualTo(current);
        assertThat(resolver.resolveVersion(request("GET", ScpApi.LIST_VERSIONS.path(), current + "," + TestSpec.UNKNOWN)))
                .as("an unversioned operation takes no version header").isNull();
    }

    @Test
    void aVersionTheOperationDoesNotExistInIsRefusedForIt() {
        ScpServiceVersion latest = ScpServiceVersion.getLatest();
        ScpOperation onlyLatest = new ScpOperation("newOne", "GET", "/new/{id}", true, true, null, null, List.of(),
                Map.of(latest, ScpApi.SHOW_IMAGE.responseSchema(latest).orElseThrow()), null);
        ScpVersionResolver scoped = new ScpVersionResolver(new ScpOperations(List.of(onlyLatest)));

        assertThat(scoped.resolveVersion(request("GET", "/new/1", latest.headerValue()))).isEqualTo(latest.headerValue());
        for (ScpServiceVersion other : ScpServiceVersion.all()) {
            if (other != latest) {
                assertThatThrownBy(() -> scoped.resolveVersion(request("GET", "/new/1", other.headerValue())))
                        .isInstanceOf(InvalidApiVersionException.class);
            }
        }
    }
}
