package io.github.scptoolkit.image.server;

import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpProblemCode;

/**
 * Checks each request to one of the spec's operations against its parameters' rules
 * ({@link ScpParameter#minLength()}, {@link ScpParameter#maxLength()}, {@link ScpParameter#pattern()})
 * before the implementation runs, and refuses a request that breaks one with a 400
 * {@code INVALID_REQUEST} naming the operation's rules. The rules are read from the spec once per
 * operation at start-up, so a check costs a map look-up and a length comparison: this replaces
 * Bean Validation of the generated interface's parameter annotations, which the generator no
 * longer emits (Hibernate Validator's method validation cost about a tenth of the server's CPU
 * per request). Values are the ones the implementation receives: a path variable as Spring
 * matched and decoded it, a header's or query parameter's values joined with {@code ,} (how Spring
 * binds several values to one {@code String}). Lengths count UTF-16 chars, as {@code @Size} did; a
 * pattern must be found in the value (JSON Schema's rule). Absent values are left to Spring (a
 * required header it reports missing).
 */
final class ScpParameterCheck implements HandlerInterceptor {

    private record Rule(ScpParameter parameter, Pattern pattern) {
        boolean accepts(String value) {
            int length = value.length();
            return (parameter.minLength() == null || length >= parameter.minLength())
                    && (parameter.maxLength() == null || length <= parameter.maxLength())
                    && (pattern == null || pattern.matcher(value).find());
        }
    }

    /** An operation's rules (of its parameters that have any) and the detail of the problem that breaking one gets. */
    private record Rules(List<Rule> rules, String detail) {
    }

    private final ScpOperations operations;
    /** Per operation that has any rules. */
    private final Map<ScpOperation, Rules> rules = new HashMap<>();

    ScpParameterCheck(ScpOperations operations) {
        this.operations = operations;
        for (ScpOperation op : operations.operations()) {
            List<Rule> list = new ArrayList<>();
            for (ScpParameter p : op.parameters()) {
                if (p.minLength() != null || p.maxLength() != null || p.pattern() != null) {
                    list.add(new Rule(p, p.pattern() == null ? null : Pattern.compile(p.pattern())));
                }
            }
            if (!list.isEmpty()) {
                rules.put(op, new Rules(List.copyOf(list), ScpExceptionResolver.invalidParameters(op)));
            }
        }
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        ScpOperation op = operations.forHandler(handler).orElse(null);
        Rules checks = op == null ? null : rules.get(op);
        if (checks == null) {
            return true;
        }
        for (Rule rule : checks.rules()) {
            String value = value(request, rule.parameter());
            if (value != null && !rule.accepts(value)) {
                throw ScpProblems.exception(ScpProblemCode.INVALID_REQUEST, checks.detail());
            }
        }
        return true;
    }

    private static String value(HttpServletRequest request, ScpParameter p) {
        return switch (p.in()) {
            case PATH -> request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
                    && vars.get(p.name()) instanceof String s ? s : null;
            case HEADER -> joined(request.getHeaders(p.name()));
            case QUERY -> {
                String[] values = request.getParameterValues(p.name());
                yield values == null ? null : String.join(",", values);
            }
            case COOKIE -> null;
        };
    }

    private static String joined(Enumeration<String> values) {
        if (values == null || !values.hasMoreElements()) {
            return null;
        }
        String first = values.nextElement();
        if (!values.hasMoreElements()) {
            return first;
        }
        StringBuilder all = new StringBuilder(first);
        while (values.hasMoreElements()) {
            all.append(',').append(values.nextElement());
        }
        return all.toString();
    }
}
