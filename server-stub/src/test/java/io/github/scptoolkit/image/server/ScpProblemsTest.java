package io.github.scptoolkit.image.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import io.github.scptoolkit.image.spec.ScpProblemCode;

/** Proves the problem body's shape: RFC 9457 members from the spec's code list, and the same facts in {@code errors[]}. */
class ScpProblemsTest {

    static Stream<ScpProblemCode> codes() {
        return Stream.of(ScpProblemCode.values());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("codes")
    void aProblemTakesStatusTitleAndTypeFromTheSpecsCode(ScpProblemCode code) {
        ProblemDetail problem = ScpProblems.problem(code, "Some detail.");

        assertThat(problem.getType()).isEqualTo(code.type());
        assertThat(problem.getTitle()).isEqualTo(code.title());
        assertThat(problem.getStatus()).isEqualTo(code.status());
        assertThat(problem.getDetail()).isEqualTo("Some detail.");
        assertThat(problem.getInstance()).as("set per request").isNull();
        assertThat(problem.getProperties()).containsEntry("code", code.code());
        assertThat(problem.getProperties()).containsEntry("errors", List.of(Map.of(
                "status", String.valueOf(code.status()),
                "code", code.code(),
                "title", code.title(),
                "detail", "Some detail.")));
    }

    @Test
    void anExceptionCarriesTheProblemAndItsStatus() {
        ErrorResponseException e = ScpProblems.exception(ScpProblemCode.ACTION_NOT_ALLOWED, "Not for you.");

        assertThat(e.getStatusCode().value()).isEqualTo(ScpProblemCode.ACTION_NOT_ALLOWED.status());
        assertThat(e.getBody().getProperties()).containsEntry("code", ScpProblemCode.ACTION_NOT_ALLOWED.code());
    }

    @Test
    void imageNotFoundQuotesThePrintableId() {
        ImageNotFoundException e = new ImageNotFoundException("bad\nid" + "x".repeat(100));

        assertThat(e.getBody().getProperties()).containsEntry("code", ScpProblemCode.IMAGE_NOT_FOUND.code());
        assertThat(e.getBody().getDetail()).startsWith("No image with id 'bad?id").contains("...'").doesNotContain("\n");
    }

    @Test
    void decoratingWithoutDetailLeavesDetailOutOfErrors() {
        ProblemDetail problem = ScpProblems.decorate(ProblemDetail.forStatus(405), ScpProblemCode.METHOD_NOT_ALLOWED, null);

        assertThat(problem.getProperties()).containsEntry("errors", List.of(Map.of(
                "status", "405", "code", ScpProblemCode.METHOD_NOT_ALLOWED.code(),
                "title", ScpProblemCode.METHOD_NOT_ALLOWED.title())));
    }
}
