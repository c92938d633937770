package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Comparator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A version header sent with different versions (repeated, or comma-joined) is a 400
 * {@code UNSUPPORTED_API_VERSION} saying the version is ambiguous, before any retirement check
 * and before the implementation runs; the same version repeated is served; a list header the
 * spec marks {@code x-multi-valued} ({@code Accept-Language}) may differ freely.
 */
// Signature checks have their own tests (ScpSignatureFilterTest, ScpAuthConfigurationTest); off here.
@SpringBootTest(classes = StubTestApp.class, properties = "scp.auth.enabled=false")
@AutoConfigureMockMvc
class AmbiguousHeadersTest {

    private static final String IMAGE = TestSpec.image(StubTestApp.KNOWN_ID);
    private static final String HEADER = ScpApi.VERSION_HEADER;

    @Autowired
    MockMvc mvc;

    @Autowired
    StubTestApp.SettableClock clock;

    @Autowired
    StubTestApp.TestImages images;

    @BeforeEach
    void beforeEveryNotBefore() {
        clock.set(TestSpec.beforeEveryNotBefore());
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }

    private static ScpServiceVersion another() {
        return TestSpec.callableNewestFirst().stream().filter(v -> v != TestSpec.current()).findFirst().orElseThrow();
    }

    private static void assertAmbiguous(MockHttpServletResponse response, String... sent) throws Exception {
        assertThat(response.getStatus()).isEqualTo(ScpProblemCode.UNSUPPORTED_API_VERSION.status());
        assertThat(response.getContentType()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.shared().readTree(response.getContentAsString());
        assertThat(problem.get("code").asString()).isEqualTo(ScpProblemCode.UNSUPPORTED_API_VERSION.code());
        assertThat(problem.get("errors").get(0).get("code").asString())
                .isEqualTo(ScpProblemCode.UNSUPPORTED_API_VERSION.code());
        String detail = problem.get("detail").asString();
        assertThat(detail).startsWith(HEADER + " is ambiguous");
        for (String value : sent) {
            assertThat(detail).contains("'" + value + "'");
        }
        assertThat(response.getHeader(HEADER)).as("no version was served").isNull();
    }

    @Test
    void twoDifferentVersionHeadersAreAmbiguous() throws Exception {
        String a = TestSpec.current().headerValue();
        String b = another().headerValue();

        assertAmbiguous(call(get(IMAGE).header(HEADER, a, b)), a, b);
        assertAmbiguous(call(get(IMAGE).header(HEADER, b, a)), b, a);
    }

    @Test
    void oneCommaJoinedListOfDifferentVersionsIsAmbiguous() throws Exception {
        String a = TestSpec.current().headerValue();
        String b = another().headerValue();

        assertAmbiguous(call(get(IMAGE).header(HEADER, a + ", " + b)), a, b);
        assertAmbiguous(call(get(IMAGE).header(HEADER, a + "," + b + "," + a)), a, b);
    }

    @Test
    void theVendorGoSdksOwnHeaderPlusAUsersDefaultHeaderIsAmbiguous() throws Exception {
        // The vendor's Go SDK sends its own version header, spelled its way, with the oldest
        // version of the service (1.0); a user's AddDefaultHeader adds a second one.
        String sdkSpelling = "Scp-API-Version";
        String sdkOwn = ScpServiceVersion.all().stream().min(Comparator.naturalOrder()).orElseThrow().headerValue();
        String users = TestSpec.current().headerValue();

        assertAmbiguous(call(get(IMAGE).header(sdkSpelling, sdkOwn).header(HEADER, users)), sdkOwn, users);
    }

    @Test
    void ambiguityIsReportedBeforeRetirementAndUnknownVersions() throws Exception {
        clock.set(TestSpec.afterEveryNotBefore());
        for (ScpServiceVersion retired : TestSpec.deprecatedWithNotBefore()) {
            assertAmbiguous(call(get(IMAGE).header(HEADER, retired.headerValue(), TestSpec.current().headerValue())),
                    retired.headerValue(), TestSpec.current().headerValue());
        }
        assertAmbiguous(call(get(IMAGE).header(HEADER, TestSpec.UNKNOWN, TestSpec.current().headerValue())),
                TestSpec.UNKNOWN, TestSpec.current().headerValue());
    }

    @Test
    void theSameVersionRepeatedIsServed() throws Exception {
        ScpServiceVersion v = another();
        for (MockHttpServletRequestBuilder request : new MockHttpServletRequestBuilder[] {
            get(IMAGE).header(HEADER, v.headerValue(), v.headerValue()),
            get(IMAGE).header(HEADER, v.headerValue() + ", " + v.headerValue())}) {
            MockHttpServletResponse response = call(request);

            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeader(HEADER)).isEqualTo(v.headerValue());
            assertThat(images.lastVersion()).isEqualTo(v);
        }
    }

    @Test
    void aListHeaderOfTheSpecMayCarryDifferentValues() throws Exception {
        ScpParameter list = ScpApi.SHOW_IMAGE.parameters().stream().filter(p -> p.in() == ScpParameter.In.HEADER)
                .filter(p -> !p.singleValued()).findFirst().orElseThrow();

        MockHttpServletResponse repeated = call(get(IMAGE).header(list.name(), "ko-KR", "en-US"));
        MockHttpServletResponse joined = call(get(IMAGE).header(list.name(), "ko-KR, en;q=0.8"));

        assertThat(repeated.getStatus()).isEqualTo(200);
        assertThat(joined.getStatus()).isEqualTo(200);
    }
}
