package io.github.scptoolkit.image.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import picocli.CommandLine;

/**
 * Checks a URL the user gives ({@code --endpoint}, {@code --auth-url}, or the same settings from the
 * environment or {@code ~/.scpconf}) before anything is built from it: an absolute http(s) URL with a
 * host, a port in 1-65535 if any, and no user name or password (credentials never go in URLs). A
 * refusal is a usage error that never repeats a user name or password.
 *
 * <pre>
 * UrlOption.check("endpoint-override (from environment variable SCP_ENDPOINT)", "http://127.0.0.1:99999");
 * // "endpoint-override (from environment variable SCP_ENDPOINT): port 99999 is out of range (1-65535)"
 * </pre>
 */
final class UrlOption {

    private UrlOption() {
    }

    /** Converter of {@code --endpoint} (picocli names the option in its message). */
    static final class Endpoint implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return check("", value);
        }
    }

    /** Converter of {@code --auth-url}. */
    static final class AuthUrl implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return check("", value);
        }
    }

    /**
     * {@code value}, trimmed, when it is a usable URL.
     *
     * @param what what the URL is, prefixed to messages (empty: nothing)
     * @throws CommandLine.TypeConversionException saying what is wrong, never quoting user info
     */
    static String check(String what, String value) {
        String prefix = what == null || what.isEmpty() ? "" : what + ": ";
        String v = value == null ? "" : value.trim();
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException notAUrl) {
            throw refuse(prefix + "not a valid URL" + (v.contains("@") ? "" : ": '" + v + "'")
                    + " (expected e.g. http://127.0.0.1:8080)");
        }
        if (uri.getRawUserInfo() != null || (uri.getHost() == null && uri.getRawAuthority() != null
                && uri.getRawAuthority().contains("@"))) {
            throw refuse(prefix + "a URL with a user name or password is not accepted: give the key pair with"
                    + " --access-key and --secret-key, the SCP_* variables or ~/.scpconf/credentials.json");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw refuse(prefix + "not an absolute http or https URL (e.g. http://127.0.0.1:8080): '" + v + "'");
        }
        if (uri.getHost() == null) {
            String authority = uri.getRawAuthority();
            int colon = authority == null ? -1 : authority.lastIndexOf(':');
            if (colon >= 0 && !authority.endsWith("]")) {
                throw refuse(prefix + "'" + authority.substring(colon + 1) + "' is not a port (1-65535)");
            }
            throw refuse(prefix + "no host in '" + v + "'");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
            throw refuse(prefix + "port " + uri.getPort() + " is out of range (1-65535)");
        }
        return v;
    }

    private static CommandLine.TypeConversionException refuse(String message) {
        return new CommandLine.TypeConversionException(message);
    }
}
