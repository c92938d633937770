package io.github.scptoolkit.image.reference;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a bad catalog into a short start-up failure report: which file, which entries, which fields. */
class InvalidCatalogFailureAnalyzer extends AbstractFailureAnalyzer<InvalidCatalogException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidCatalogException cause) {
        return new FailureAnalysis(
                "The image catalog " + cause.location() + " is not valid:\n  - " + String.join("\n  - ", cause.problems()),
                "Fix the entries above (each 'image' must be a Show Image body valid against the spec's "
                        + CatalogValidator.SCHEMA + "), or start with the bundled catalog (omit --scp.catalog).",
                cause);
    }
}
