package io.github.scptoolkit.image.server;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.accept.InvalidApiVersionException;
import org.springframework.web.accept.MissingApiVersionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of the stub (Spring's own 400/404/405/406/415, version errors, the
 * implementation's {@link ImageNotFoundException}, anything unexpected) into an
 * {@code application/problem+json} body with a stable {@code code}; never a stack trace, class
 * name or internal URL.
 */
@RestControllerAdvice
class ScpProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ScpProblemHandler.class);

    private static final String INVALID_PARAMETER =
            "A request parameter is not valid (image_id is 1 to 255 characters; Accept-Language at most 255).";

    private final VersionLifecycle lifecycle;

    ScpProblemHandler(VersionLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Bean Validation on the generated interface's parameters (e.g. an image_id over 255 characters). */
    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> handleConstraintViolation(ConstraintViolationException ex, WebRequest request) {
        ProblemDetail problem = ScpProblems.problem(HttpStatus.BAD_REQUEST, "INVALID_REQUEST", "Invalid request",
                INVALID_PARAMETER);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /** Anything not handled above: a 500 that says nothing about the server's insides. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
        log.error("Unexpected error while serving {}", ImageNotFoundException.printable(path(request)), ex);
        ProblemDetail problem = ScpProblems.problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
                "Internal error", ScpProblems.INTERNAL_ERROR_DETAIL);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            problem.setInstance(instance(path(request)));
        }
        if (request instanceof NativeWebRequest nwr && nwr.getNativeRequest() instanceof HttpServletRequest http
                && nwr.getNativeResponse() instanceof HttpServletResponse response) {
            VersionResponseHeaders.addTo(http, response, lifecycle);
        }
        HttpHeaders out = new HttpHeaders();
        out.putAll(headers);
        out.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(body, out, status);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        if (body == null && ex instanceof ErrorResponse er) {
            body = er.updateAndGetBody(getMessageSource(), java.util.Locale.ROOT);
        }
        if (body == null) {
            body = ProblemDetail.forStatus(statusCode);
        }
        if (body instanceof ProblemDetail problem && !hasCode(problem)) {
            describe(problem, ex, request);
        }
        return super.handleExceptionInternal(ex, body, headers, statusCode, request);
    }

    /** Gives a problem made by Spring a stable code, a plain title and a detail without internals. */
    private void describe(ProblemDetail problem, Exception ex, WebRequest request) {
        int status = problem.getStatus();
        if (ex instanceof InvalidApiVersionException) {
            VersionProblems.describe(problem, sentVersion(request), lifecycle);
        } else if (ex instanceof MissingApiVersionException) {
            problem.setDetail("The Scp-Api-Version header is required.");
            ScpProblems.decorate(problem, "MISSING_API_VERSION", "Missing API version");
        } else if (ex instanceof NoResourceFoundException || status == 404) {
            problem.setDetail(ScpProblems.NO_RESOURCE_DETAIL);
            ScpProblems.decorate(problem, "NOT_FOUND", "Not found");
        } else if (ex instanceof HttpRequestMethodNotSupportedException) {
            problem.setDetail(ScpProblems.METHOD_NOT_ALLOWED_DETAIL);
            ScpProblems.decorate(problem, "METHOD_NOT_ALLOWED", "Method not allowed");
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            problem.setDetail("The response can only be application/json or application/problem+json.");
            ScpProblems.decorate(problem, "NOT_ACCEPTABLE", "Not acceptable");
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            problem.setDetail("The request body's media type is not supported.");
            ScpProblems.decorate(problem, "UNSUPPORTED_MEDIA_TYPE", "Unsupported media type");
        } else if (ex instanceof HandlerMethodValidationException) {
            problem.setDetail(INVALID_PARAMETER);
            ScpProblems.decorate(problem, "INVALID_REQUEST", "Invalid request");
        } else if (status >= 500) {
            problem.setDetail(ScpProblems.INTERNAL_ERROR_DETAIL);
            ScpProblems.decorate(problem, "INTERNAL_ERROR", "Internal error");
        } else {
            problem.setDetail("The request is not valid.");
            ScpProblems.decorate(problem, status == 400 ? "INVALID_REQUEST" : "HTTP_" + status,
                    HttpStatus.resolve(status) != null ? HttpStatus.resolve(status).getReasonPhrase() : "Error");
        }
    }

    private static boolean hasCode(ProblemDetail problem) {
        return problem.getProperties() != null && problem.getProperties().containsKey("code");
    }

    /** The request path as a URI reference; re-encoded when the raw path is not a valid URI. */
    static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notValid) {
            try {
                return new URI(null, null, path, null);
            } catch (java.net.URISyntaxException stillNotValid) {
                return URI.create("/");
            }
        }
    }

    /** The version header exactly as sent (Spring's exception only has the parsed version). */
    private static String sentVersion(WebRequest request) {
        return request.getHeader(ScpImageApiConfiguration.VERSION_HEADER);
    }

    private static String path(WebRequest request) {
        if (request instanceof NativeWebRequest nwr && nwr.getNativeRequest() instanceof HttpServletRequest http) {
            return http.getRequestURI();
        }
        return "/";
    }
}
