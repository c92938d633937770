package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.ErrorResponseException;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Header parameters are single-valued unless the spec marks them {@code x-multi-valued}: the
 * values of a header are read across repeated lines and comma-separated lists, and an operation's
 * single-valued header with differing values is refused whatever its name.
 */
class ScpHeaderParametersTest {

    private static final String REGION = "X-Region";
    private static final String TAGS = "X-Tags";

    /** An operation of a spec with one more single-valued header and one list header. */
    private static final ScpOperation WITH_HEADERS = new ScpOperation("withHeaders", "GET", "/things/{id}", false, false,
            null, null, List.of(new ScpParameter("id", ScpParameter.In.PATH, true, null, null, null, false),
                    new ScpParameter(REGION, ScpParameter.In.HEADER, false, null, null, null, false),
                    new ScpParameter(TAGS, ScpParameter.In.HEADER, false, null, null, null, true)),
            Map.of(), null);

    private static MockHttpServletRequest request(String name, String... values) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/things/1");
        for (String value : values) {
            request.addHeader(name, value);
        }
        return request;
    }

    @Test
    void theSpecMarksWhichHeadersAreLists() {
        assertThat(ScpApi.SHOW_IMAGE.parameter(ScpApi.VERSION_HEADER).orElseThrow().singleValued()).isTrue();
        assertThat(ScpApi.SHOW_IMAGE.parameters()).filteredOn(p -> p.in() == ScpParameter.In.HEADER)
                .anyMatch(ScpParameter::multiValued);
        assertThat(ScpApi.SHOW_IMAGE.parameters()).filteredOn(p -> p.in() != ScpParameter.In.HEADER)
                .noneMatch(ScpParameter::singleValued);
    }

    @Test
    void valuesAreReadAcrossLinesAndCommas() {
        assertThat(ScpHeaderParameters.values(request(REGION), REGION).single()).isNull();
        assertThat(ScpHeaderParameters.values(request(REGION, "a"), REGION).single()).isEqualTo("a");
        assertThat(ScpHeaderParameters.values(request(REGION, "a", "a"), REGION).single()).isEqualTo("a");
        assertThat(ScpHeaderParameters.values(request(REGION, "a , a"), REGION).single()).isEqualTo("a");
        assertThat(ScpHeaderParameters.values(request(REGION, "a", "b"), REGION).ambiguous()).isTrue();
        assertThat(ScpHeaderParameters.values(request(REGION, "a,b"), REGION).ambiguous()).isTrue();
        assertThat(ScpHeaderParameters.values(request(REGION, "a,b"), REGION).quoted()).isEqualTo("'a', 'b'");
        assertThat(ScpHeaderParameters.values(request(REGION, "a,"), REGION).single())
                .as("an empty element leaves the value as sent, for the parser to refuse").isEqualTo("a,");
    }

    @Test
    void aSingleValuedHeaderWithDifferentValuesIsAnInvalidRequest() {
        for (MockHttpServletRequest request : List.of(request(REGION, "kr-west1", "kr-east1"),
                request(REGION.toLowerCase(java.util.Locale.ROOT), "kr-west1, kr-east1"))) {
            assertThatThrownBy(() -> ScpHeaderParameters.requireUnambiguous(request, WITH_HEADERS))
                    .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                        assertThat(e.getStatusCode().value()).isEqualTo(ScpProblemCode.INVALID_REQUEST.status());
                        assertThat(e.getBody().getProperties()).containsEntry("code", ScpProblemCode.INVALID_REQUEST.code());
                        assertThat(e.getBody().getDetail()).contains(REGION, "ambiguous", "'kr-west1'", "'kr-east1'");
                    });
        }
    }

    @Test
    void repeatsOfOneValueAndListHeadersPass() {
        assertThatCode(() -> ScpHeaderParameters.requireUnambiguous(request(REGION, "kr-west1", "kr-west1"), WITH_HEADERS))
                .doesNotThrowAnyException();
        assertThatCode(() -> ScpHeaderParameters.requireUnambiguous(request(TAGS, "a", "b, c"), WITH_HEADERS))
                .doesNotThrowAnyException();
    }

    @Test
    void theVersionResolverRefusesAnotherAmbiguousHeaderOfTheOperation() {
        ScpVersionResolver resolver = new ScpVersionResolver(new ScpOperations(List.of(WITH_HEADERS)));

        assertThatThrownBy(() -> resolver.resolveVersion(request(REGION, "a", "b")))
                .isInstanceOf(ErrorResponseException.class);
        assertThat(resolver.resolveVersion(request(REGION, "a"))).as("unversioned").isNull();
    }
}
