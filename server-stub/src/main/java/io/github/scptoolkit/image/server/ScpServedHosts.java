package io.github.scptoolkit.image.server;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The hosts this server accepts signed requests for. A signature covers the URL the client sent
 * the request to, host included, but a server rebuilds that URL from the request's {@code Host}
 * (or, behind a proxy, {@code X-Forwarded-Host}), which the sender chooses: without this list, a
 * request captured on one deployment would replay on any other that shares the key.
 *
 * <p>Configured ({@code scp.auth.allowed-hosts}): comma-separated {@code host} or
 * {@code host:port}, the host part of the URLs clients use (host names are case-insensitive, IPv6
 * addresses in brackets); {@code host} alone stands for the scheme's default port (80 for http,
 * 443 for https), as in a URL without a port. Not configured: the loopback names
 * {@code localhost}, {@code 127.0.0.1}, {@code [::1]} and {@code server.address} (unless it is a
 * wildcard), each at the port the request arrived on (the server reached directly). With
 * {@code server.address} a wildcard ({@code 0.0.0.0}, {@code ::}) and no list, there is no sensible
 * default: start-up fails.
 *
 * <pre>
 * ScpServedHosts hosts = ScpServedHosts.fromCommaSeparated("virtualserver.example.com, 10.0.0.5:8080", null);
 * hosts.serves("https", "virtualserver.example.com", 443, 8080);   // true
 * hosts.serves("http", "evil.example", 8080, 8080);                // false
 * </pre>
 */
final class ScpServedHosts {

    private static final String PROPERTY = ScpAuthConfiguration.ALLOWED_HOSTS_PROPERTY;

    /** The loopback names a server reached directly answers to by default. */
    static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

    /** Port of an entry without one: the scheme's default port. */
    private static final int SCHEME_DEFAULT = -1;
    /** Port of a default entry: the port the request arrived on. */
    private static final int LOCAL = -2;

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9_.-]*[a-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]+(%[a-z0-9_.-]+)?]");

    private record Entry(String host, int port) {
        @Override
        public String toString() {
            return port == SCHEME_DEFAULT || port == LOCAL ? host : host + ":" + port;
        }
    }

    private final List<Entry> entries;
    private final boolean configured;

    private ScpServedHosts(List<Entry> entries, boolean configured) {
        this.entries = List.copyOf(entries);
        this.configured = configured;
    }

    /** Like {@link #of(List, String)} for a comma-separated list (null: not configured). */
    static ScpServedHosts fromCommaSeparated(String allowedHosts, String serverAddress) {
        return of(allowedHosts == null ? List.of() : List.of(allowedHosts.split(",", -1)), serverAddress);
    }

    /**
     * The hosts of {@code allowedHosts} ({@code scp.auth.allowed-hosts}), or when it is empty the
     * default described in the class comment.
     *
     * @param serverAddress {@code server.address}, may be null
     * @throws ScpConfigurationException for an entry that is not {@code host[:port]}, a list of
     *         blank entries only, or no list while {@code serverAddress} is a wildcard
     */
    static ScpServedHosts of(List<String> allowedHosts, String serverAddress) {
        if (!allowedHosts.isEmpty()) {
            List<Entry> entries = new ArrayList<>();
            for (String raw : allowedHosts) {
                if (raw != null && !raw.isBlank()) {
                    entries.add(parse(raw.trim()));
                }
            }
            if (entries.isEmpty()) {
                throw new ScpConfigurationException(PROPERTY, PROPERTY + " is set but names no host.",
                        "List the hosts clients send signed requests to (host or host:port), or remove it for the "
                                + "default (the loopback names at the server's port).");
            }
            return new ScpServedHosts(entries, true);
        }
        Set<String> hosts = new LinkedHashSet<>(LOOPBACK);
        if (serverAddress != null && !serverAddress.isBlank()) {
            String address = normalizeHost(serverAddress.trim());
            if (isWildcard(address)) {
                throw new ScpConfigurationException(PROPERTY, "server.address=" + serverAddress.trim() + " serves every "
                        + "interface, but " + PROPERTY + " is not set, so signed requests would only be accepted for "
                        + "the loopback names.", "Set " + PROPERTY + " to the hosts clients use (e.g. " + PROPERTY
                        + "=myhost:8080).");
            }
            hosts.add(address);
        }
        return new ScpServedHosts(hosts.stream().map(h -> new Entry(h, LOCAL)).toList(), false);
    }

    /**
     * Whether a request sent to {@code scheme://host:port} (as the server sees it: after
     * {@code X-Forwarded-*} behind a proxy) is for a host this server serves.
     *
     * @param localPort the port the connection arrived on
     */
    boolean serves(String scheme, String host, int port, int localPort) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String normalized = normalizeHost(host);
        for (Entry entry : entries) {
            if (entry.host.equals(normalized) && port == expectedPort(entry, scheme, localPort)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the list was configured (else it is the loopback default). */
    boolean configured() {
        return configured;
    }

    /** One line for the start-up log. */
    String describe() {
        String list = entries.stream().map(Entry::toString).collect(Collectors.joining(", "));
        return configured ? list : list + " (at the server's own port; " + ScpAuthConfiguration.ALLOWED_HOSTS_PROPERTY
                + " not set)";
    }

    @Override
    public String toString() {
        return "ScpServedHosts[" + describe() + "]";
    }

    private static int expectedPort(Entry entry, String scheme, int localPort) {
        if (entry.port == LOCAL) {
            return localPort;
        }
        if (entry.port == SCHEME_DEFAULT) {
            return "https".equalsIgnoreCase(scheme) ? 443 : 80;
        }
        return entry.port;
    }

    /** {@code host} or {@code host:port}; an IPv6 address in brackets. */
    private static Entry parse(String raw) {
        String value = raw.toLowerCase(Locale.ROOT);
        String host;
        String port = null;
        if (value.startsWith("[")) {
            int close = value.indexOf(']');
            host = close < 0 ? value : value.substring(0, close + 1);
            String rest = close < 0 ? "" : value.substring(close + 1);
            if (rest.startsWith(":")) {
                port = rest.substring(1);
            } else if (!rest.isEmpty()) {
                throw invalid(raw);
            }
            if (!IPV6.matcher(host).matches()) {
                throw invalid(raw);
            }
        } else {
            int colon = value.indexOf(':');
            if (colon >= 0 && value.indexOf(':', colon + 1) >= 0) {
                throw invalid(raw); // an IPv6 address without brackets
            }
            host = colon < 0 ? value : value.substring(0, colon);
            port = colon < 0 ? null : value.substring(colon + 1);
            if (!NAME.matcher(host).matches()) {
                throw invalid(raw);
            }
        }
        if (isWildcard(host)) {
            throw new ScpConfigurationException(PROPERTY, PROPERTY + ": '" + raw + "' is a wildcard address, not a "
                    + "host clients send requests to.", "List the host names or addresses clients use.");
        }
        if (port == null) {
            return new Entry(host, SCHEME_DEFAULT);
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw invalid(raw);
        }
        return new Entry(host, Integer.parseInt(port));
    }

    private static ScpConfigurationException invalid(String raw) {
        // User info may hold a password: never echo an entry with '@'.
        String shown = raw.indexOf('@') >= 0 ? "(an entry with user info, not shown)" : "'" + raw + "'";
        return new ScpConfigurationException(PROPERTY, PROPERTY + ": " + shown + " is not host or host:port.",
                "Write each entry as host or host:port (e.g. virtualserver.example.com, 10.0.0.5:8080, [::1]:8080; "
                        + "no scheme, path or user info).");
    }

    /** Lower case; an IPv6 address (it has colons) in brackets. */
    static String normalizeHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.indexOf(':') >= 0 && !h.startsWith("[") ? "[" + h + "]" : h;
    }

    /** {@code 0.0.0.0}, {@code [::]} and other spellings of "every interface". */
    private static boolean isWildcard(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return bare.equals("0.0.0.0") || (!bare.isEmpty() && bare.chars().allMatch(c -> c == '0' || c == ':')
                && bare.indexOf(':') >= 0);
    }
}
