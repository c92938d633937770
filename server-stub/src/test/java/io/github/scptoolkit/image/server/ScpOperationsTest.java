package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;

/**
 * The scope is data: requests and controller methods are matched against the spec's operations'
 * methods and path templates, so an operation added to the spec is in scope with no code.
 */
class ScpOperationsTest {

    /** An operation the spec does not have yet, as a later spec edit would add it. */
    static final ScpOperation MEMBERS = new ScpOperation("listImageMembers", "GET", "/v1/images/{image_id}/members",
            true, true, "virtualserver:ListImageMembers", null, List.of(), Map.of(), null);

    private static MockHttpServletRequest request(String method, String path) {
        return new MockHttpServletRequest(method, path);
    }

    @Test
    void requestsAreMatchedByMethodAndPathTemplate() {
        ScpOperations ops = ScpOperations.SPEC;
        String image = TestSpec.image("x");

        assertThat(ops.match(request("GET", image))).contains(ScpApi.SHOW_IMAGE);
        assertThat(ops.match(request("HEAD", image))).as("HEAD is GET").contains(ScpApi.SHOW_IMAGE);
        assertThat(ops.match(request("POST", image))).isEmpty();
        assertThat(ops.matchPath(request("POST", image))).as("same path").contains(ScpApi.SHOW_IMAGE);
        assertThat(ops.match(request("GET", ScpApi.LIST_VERSIONS.path()))).contains(ScpApi.LIST_VERSIONS);
        assertThat(ops.matchPath(request("GET", "/hello"))).isEmpty();
        assertThat(ops.matchPath(request("GET", image + "/more"))).isEmpty();
    }

    @Test
    void aNewOperationIsInScopeAsData() {
        ScpOperations ops = new ScpOperations(List.of(ScpApi.SHOW_IMAGE, MEMBERS));

        assertThat(ops.match(request("GET", TestSpec.image("x") + "/members"))).contains(MEMBERS);
        assertThat(ops.isSignedPath(request("GET", TestSpec.image("x") + "/members"))).isTrue();
        assertThat(ops.forMethod(method(Members.class, "members"))).contains(MEMBERS);
    }

    interface Members {
        @RequestMapping(method = RequestMethod.GET, value = "/v1/images/{image_id}/members")
        ResponseEntity<Object> members(@PathVariable("image_id") String id);
    }

    static class MembersImpl implements Members {
        @Override
        public ResponseEntity<Object> members(String id) {
            return ResponseEntity.ok().build();
        }
    }

    static class Other {
        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }

    private static java.lang.reflect.Method method(Class<?> type, String name) {
        return java.util.Arrays.stream(type.getDeclaredMethods()).filter(m -> m.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void controllerMethodsAreMatchedThroughTheInterfacesTheyImplement() {
        ScpOperations ops = new ScpOperations(List.of(ScpApi.SHOW_IMAGE, MEMBERS));

        assertThat(ops.forMethod(method(MembersImpl.class, "members"))).contains(MEMBERS);
        assertThat(ops.forMethod(method(StubTestApp.TestImages.class, ScpApi.SHOW_IMAGE.operationId())))
                .contains(ScpApi.SHOW_IMAGE);
        assertThat(ops.forMethod(method(Other.class, "hello"))).isEmpty();
        assertThat(ScpOperations.SPEC.forMethod(method(ScpVersionsController.class, "listVersions")))
                .contains(ScpApi.LIST_VERSIONS);
    }

    @Test
    void signedPathsIncludeDotSegmentSpellingsButNotOtherPaths() {
        String image = TestSpec.image("x");

        assertThat(ScpOperations.SPEC.isSignedPath(request("GET", image))).isTrue();
        assertThat(ScpOperations.SPEC.isSignedPath(request("GET", "/a/.." + image))).isTrue();
        assertThat(ScpOperations.SPEC.isSignedPath(request("GET", "/a/../hello"))).isFalse();
        assertThat(ScpOperations.SPEC.isSignedPath(request("GET", ScpApi.LIST_VERSIONS.path()))).isFalse();
    }
}
