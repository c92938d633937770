package io.github.scptoolkit.image.reference;

import java.util.List;

/**
 * The catalog file cannot be served: unreadable, not JSON, or not valid against the spec. Stops
 * start-up; {@link InvalidCatalogFailureAnalyzer} prints the problems instead of a stack trace.
 */
final class InvalidCatalogException extends RuntimeException {

    private final String location;
    private final List<String> problems;

    InvalidCatalogException(String location, List<String> problems, Throwable cause) {
        super("Invalid image catalog " + location + ":\n  - " + String.join("\n  - ", problems), cause);
        this.location = location;
        this.problems = List.copyOf(problems);
    }

    String location() {
        return location;
    }

    List<String> problems() {
        return problems;
    }
}
