package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Proves the problem body's shape: RFC 9457 members, a stable {@code code}, and the same facts in {@code errors[]}. */
class ScpProblemsTest {

    @Test
    void problemHasTypeTitleStatusDetailCodeAndOneErrorsEntry() {
        ProblemDetail problem = ScpProblems.problem(HttpStatus.NOT_FOUND, "IMAGE_NOT_FOUND", "Image not found",
                "No image with id 'x' was found.");

        assertThat(problem.getType()).isEqualTo(URI.create("https://scp-toolkit.dev/problems/image-not-found"));
        assertThat(problem.getTitle()).isEqualTo("Image not found");
        assertThat(problem.getStatus()).isEqualTo(404);
        assertThat(problem.getDetail()).isEqualTo("No image with id 'x' was found.");
        assertThat(problem.getInstance()).as("set per request by the handler").isNull();
        assertThat(problem.getProperties()).containsEntry("code", "IMAGE_NOT_FOUND");
        assertThat(problem.getProperties()).containsEntry("errors", List.of(Map.of(
                "status", "404",
                "code", "IMAGE_NOT_FOUND",
                "title", "Image not found",
                "detail", "No image with id 'x' was found.")));
    }

    @Test
    void typeIsTheCodeInKebabCase() {
        ProblemDetail problem = ScpProblems.problem(HttpStatus.BAD_REQUEST, "UNSUPPORTED_API_VERSION",
                "Unsupported API version", "d");

        assertThat(problem.getType()).hasToString(ScpProblems.TYPE_BASE + "unsupported-api-version");
    }

    @Test
    void decoratingAProblemWithoutDetailLeavesDetailOutOfErrors() {
        ProblemDetail problem = ScpProblems.decorate(ProblemDetail.forStatus(HttpStatus.METHOD_NOT_ALLOWED),
                "METHOD_NOT_ALLOWED", "Method not allowed");

        assertThat(problem.getProperties()).containsEntry("errors", List.of(Map.of(
                "status", "405", "code", "METHOD_NOT_ALLOWED", "title", "Method not allowed")));
    }
}
