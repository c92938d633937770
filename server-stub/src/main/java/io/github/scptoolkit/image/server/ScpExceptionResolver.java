package io.github.scptoolkit.image.server;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.accept.InvalidApiVersionException;
import org.springframework.web.accept.MissingApiVersionException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Answers every error of the spec's operations, and only theirs, with an
 * {@code application/problem+json} body whose {@code code} is one of the spec's problem codes:
 * Spring's own 400/404/405/406/415 (through {@link ResponseEntityExceptionHandler}), version
 * errors, parameter validation, an implementation's {@link ErrorResponse} (such as
 * {@link ImageNotFoundException} or {@link ScpProblems#exception}) and anything unexpected (a 500
 * that says nothing about the server's insides). Scope: the handler is one of the spec's
 * operations, or, for errors raised before a handler is found (no handler, wrong method, refused
 * version, unacceptable {@code Accept}), the request's path is an operation's path. Any other
 * request is left to the application's own handling (its advice, Spring's defaults, Boot's error
 * page), so this resolver runs before Spring's.
 *
 * <p>With Spring Boot, a bean of this type replaces the stub's, e.g. to add a member to every problem:
 * <pre>
 * &#64;Bean
 * ScpExceptionResolver scpExceptionResolver(ScpVersionLifecycle lifecycle) {
 *     return new ScpExceptionResolver(lifecycle) {
 *         &#64;Override
 *         protected ResponseEntity&lt;Object&gt; problemFor(Exception ex, ScpOperation op, WebRequest request) {
 *             ResponseEntity&lt;Object&gt; entity = super.problemFor(ex, op, request);
 *             if (entity != null &amp;&amp; entity.getBody() instanceof ProblemDetail problem) {
 *                 problem.setProperty("request_id", request.getHeader("X-Request-Id"));
 *             }
 *             return entity;
 *         }
 *     };
 * }
 * </pre>
 */
public class ScpExceptionResolver implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ScpExceptionResolver.class);

    /** Before Spring MVC's own resolvers (order 0), after Boot's error attributes recorder. */
    static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private final ScpOperations operations;
    private final ScpVersionLifecycle lifecycle;
    private final SpringProblems spring = new SpringProblems();

    /** Answers for the spec's operations, refusing versions as {@code lifecycle} says. */
    public ScpExceptionResolver(ScpVersionLifecycle lifecycle) {
        this(ScpOperations.SPEC, lifecycle);
    }

    ScpExceptionResolver(ScpOperations operations, ScpVersionLifecycle lifecycle) {
        this.operations = operations;
        this.lifecycle = lifecycle;
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception ex) {
        ScpOperation op = handler != null ? operations.forHandler(handler).orElse(null)
                : operations.matchPath(request).orElse(null);
        if (op == null || response.isCommitted()) {
            return null;
        }
        ResponseEntity<Object> entity = problemFor(ex, op, new ServletWebRequest(request, response));
        if (entity != null && entity.getBody() instanceof ProblemDetail problem) {
            VersionResponseHeaders.addTo(request, response, op);
            write(problem, entity.getHeaders(), request, response);
        }
        return new ModelAndView();
    }

    /**
     * Bean Validation's {@code ConstraintViolationException} (thrown by an implementation's own
     * {@code @Validated} beans), or null when Bean Validation is not on the class path: the stub
     * runs without it (the test kit leaves it out), so it is never referenced directly.
     */
    private static final Class<?> CONSTRAINT_VIOLATION = ClassUtils.isPresent(
            "jakarta.validation.ConstraintViolationException", ScpExceptionResolver.class.getClassLoader())
            ? ClassUtils.resolveClassName("jakarta.validation.ConstraintViolationException",
                    ScpExceptionResolver.class.getClassLoader())
            : null;

    private static boolean isConstraintViolation(Exception ex) {
        return CONSTRAINT_VIOLATION != null && CONSTRAINT_VIOLATION.isInstance(ex);
    }

    /**
     * The problem for {@code ex} on {@code op} (null when there is nothing to answer, e.g. the
     * client left): a {@link ProblemDetail} body with one of the spec's codes, and its headers.
     */
    protected ResponseEntity<Object> problemFor(Exception ex, ScpOperation op, WebRequest request) {
        ResponseEntity<Object> entity;
        try {
            entity = spring.handleException(ex, request);
        } catch (Exception notSpringsOwn) {
            entity = null;
            if (isConstraintViolation(ex)) {
                entity = ResponseEntity.badRequest().body(ProblemDetail.forStatus(400));
            } else {
                log.error("Unexpected error while serving {}", ScpProblems.printable(path(request)), ex);
                entity = ResponseEntity.internalServerError().body(ProblemDetail.forStatus(500));
            }
        }
        if (entity == null) {
            return null;
        }
        Object body = entity.getBody();
        if (body == null && ex instanceof ErrorResponse er) {
            body = er.getBody();
        }
        ProblemDetail problem = body instanceof ProblemDetail p ? p : ProblemDetail.forStatus(entity.getStatusCode());
        if (!ScpProblems.hasCode(problem)) {
            describe(problem, ex, op, request);
        }
        return new ResponseEntity<>(problem, entity.getHeaders(), HttpStatusCode.valueOf(problem.getStatus()));
    }

    /** Gives a problem made by Spring a code of the spec, a plain title and a detail without internals. */
    private void describe(ProblemDetail problem, Exception ex, ScpOperation op, WebRequest request) {
        int status = problem.getStatus();
        if (ex instanceof ScpVersionResolver.AmbiguousApiVersionException ambiguous) {
            VersionProblems.ambiguous(problem, ambiguous.values(), op, lifecycle);
        } else if (ex instanceof InvalidApiVersionException) {
            VersionProblems.describe(problem, request.getHeader(ScpApi.VERSION_HEADER), op, lifecycle);
        } else if (ex instanceof MissingApiVersionException) {
            ScpProblems.decorate(problem, ScpProblemCode.MISSING_API_VERSION,
                    "The " + ScpApi.VERSION_HEADER + " header is required.");
        } else if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException || status == 404) {
            ScpProblems.decorate(problem, ScpProblemCode.NOT_FOUND, ScpProblems.NO_RESOURCE_DETAIL);
        } else if (ex instanceof HttpRequestMethodNotSupportedException) {
            ScpProblems.decorate(problem, ScpProblemCode.METHOD_NOT_ALLOWED, ScpProblems.METHOD_NOT_ALLOWED_DETAIL);
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            ScpProblems.decorate(problem, ScpProblemCode.NOT_ACCEPTABLE,
                    "The response can only be application/json or application/problem+json.");
        } else if (ex instanceof HttpMediaTypeNotSupportedException) {
            ScpProblems.decorate(problem, ScpProblemCode.UNSUPPORTED_MEDIA_TYPE,
                    "The request body's media type is not supported.");
        } else if (ex instanceof HandlerMethodValidationException || ex instanceof MethodValidationException
                || isConstraintViolation(ex)) {
            ScpProblems.decorate(problem, ScpProblemCode.INVALID_REQUEST, invalidParameters(op));
        } else if (status >= 500) {
            ScpProblems.decorate(problem, ScpProblemCode.INTERNAL_ERROR, ScpProblems.INTERNAL_ERROR_DETAIL);
        } else {
            ScpProblems.decorate(problem, ScpProblemCode.INVALID_REQUEST, ScpProblems.INVALID_REQUEST_DETAIL);
        }
    }

    /** "A request parameter is not valid (image_id is 1 to 255 characters; ...)", from the operation's parameters. */
    static String invalidParameters(ScpOperation op) {
        List<String> rules = op.parameters().stream().map(ScpExceptionResolver::rule).filter(r -> r != null).toList();
        return "A request parameter is not valid" + (rules.isEmpty() ? "." : " (" + String.join("; ", rules) + ").");
    }

    private static String rule(ScpParameter p) {
        String length = p.minLength() != null && p.maxLength() != null
                ? " is " + p.minLength() + " to " + p.maxLength() + " characters"
                : p.maxLength() != null ? " at most " + p.maxLength() + " characters"
                : p.minLength() != null ? " at least " + p.minLength() + " characters" : null;
        String pattern = p.pattern() == null ? null : " matches " + p.pattern();
        if (length == null && pattern == null) {
            return null;
        }
        return p.name() + (length == null ? "" : length) + (pattern == null ? "" : (length == null ? "" : " and") + pattern);
    }

    private static void write(ProblemDetail problem, HttpHeaders headers, HttpServletRequest request,
            HttpServletResponse response) {
        problem.setInstance(instance(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        headers.forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) && !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
                values.forEach(value -> response.addHeader(name, value));
            }
        });
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        byte[] body = ScpContainerErrors.json(problem);
        response.setContentLength(body.length);
        try {
            response.getOutputStream().write(body);
        } catch (IOException | IllegalStateException gone) {
            // The client is gone or the response is unusable: nothing more to tell it.
        }
    }

    /** The request path as a URI reference; re-encoded when the raw path is not a valid URI. */
    static URI instance(String path) {
        try {
            return URI.create(path);
        } catch (IllegalArgumentException notValid) {
            try {
                return new URI(null, null, path, null);
            } catch (URISyntaxException stillNotValid) {
                return URI.create("/");
            }
        }
    }

    private static String path(WebRequest request) {
        return request instanceof ServletWebRequest servlet ? servlet.getRequest().getRequestURI() : "/";
    }

    /** Spring's mapping of its own exceptions to problems, with the problem bodies as Spring makes them. */
    private static final class SpringProblems extends ResponseEntityExceptionHandler {
        @Override
        protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
                WebRequest request) {
            return new ResponseEntity<>(body, headers, status);
        }
    }

}
