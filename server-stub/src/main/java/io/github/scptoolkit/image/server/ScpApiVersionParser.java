package io.github.scptoolkit.image.server;

import org.springframework.web.accept.ApiVersionParser;
import org.springframework.web.accept.InvalidApiVersionException;
import org.springframework.web.accept.SemanticApiVersionParser;

/**
 * Parses {@code virtualserver 1.3}. Spring's default parser skips any leading non-digits, so it
 * would accept {@code blockstorage 1.3}; this one checks the service name and the single space.
 * Matching is exact and case-sensitive ({@code VIRTUALSERVER 1.3} is a 400), as the vendor sends
 * the value and as the spec's {@code ScpApiVersion} enum lists it; the header's name is not.
 */
final class ScpApiVersionParser implements ApiVersionParser<SemanticApiVersionParser.Version> {

    private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d{1,3}\\.\\d{1,3}");

    private static final String PREFIX = ApiVersionFacts.SERVICE + " ";

    private final SemanticApiVersionParser semantic = new SemanticApiVersionParser();

    @Override
    public SemanticApiVersionParser.Version parseVersion(String value) {
        if (value == null || !value.startsWith(PREFIX)) {
            throw new InvalidApiVersionException(value, "Scp-Api-Version must be 'virtualserver <major>.<minor>'", null);
        }
        String number = value.substring(PREFIX.length());
        if (!NUMBER.matcher(number).matches()) {
            throw new InvalidApiVersionException(value, "Scp-Api-Version must be 'virtualserver <major>.<minor>'", null);
        }
        return semantic.parseVersion(number);
    }
}
