package io.github.scptoolkit.image.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.Target;
import feign.jackson.JacksonEncoder;

import io.github.scptoolkit.image.client.generated.api.ImagesApi;
import io.github.scptoolkit.image.client.generated.api.VersionsApi;
import io.github.scptoolkit.image.client.generated.iam.EndpointsApi;
import io.github.scptoolkit.image.client.generated.invoker.ApiClient;
import io.github.scptoolkit.image.client.generated.model.ApiVersionList;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * A ready client for the SCP Virtual Server image API, bound to one endpoint and one version
 * ({@link ScpServiceVersion}, default {@link ScpServiceVersion#getLatest()}, the CURRENT one).
 * Thread-safe; build once and share.
 *
 * <pre>
 * ScpImageClient images = ScpImageClient.builder()
 *         .endpoint("https://virtualserver.kr-west1.e.samsungsdscloud.com")
 *         .credentials(ScpCredentials.of(accessKey, secretKey))   // default: SCP_ACCESS_KEY/SCP_SECRET_KEY
 *         .build();                                                // the CURRENT version
 * Image image = images.showImage("70a599e0-31e7-49b7-b260-868f441e862b");
 *
 * ScpImageClient pinned = ScpImageClient.builder()
 *         .endpoint("http://127.0.0.1:8080")
 *         .serviceVersion(ScpServiceVersion.fromVersion(configuredVersion).orElseThrow())
 *         .build();                                    // logs one warning if that version is DEPRECATED
 * pinned.showImageWithResponse(id).metadata().sunset();  // when it stops being served
 * pinned.versionCheck().daysLeft();                      // from the service's versions document
 * </pre>
 *
 * <p><b>Versions.</b> The version is a value, not a type: {@link ScpServiceVersion} has one
 * constant per version of the spec and every call returns one model per resource ({@link Image}
 * holds the fields of every version; those the bound version does not send are {@code null}). A
 * new version of the spec only <em>adds</em> a constant (and, maybe, nullable fields to the
 * models), so code that compiles against this client keeps compiling: {@code build()} moves to
 * the new CURRENT version, a client pinned with {@link Builder#serviceVersion} keeps its version.
 * A {@code switch} over {@link ScpServiceVersion} should have a {@code default} branch.
 *
 * <p><b>Operations.</b> Every operation of the spec is a method of a generated Feign interface;
 * {@link #images()}, {@link #versionsApi()} and {@link #api(Class)} give them with this client's
 * configuration: signing (operations whose spec has security), the version header (versioned
 * operations, when the caller passes {@code null}), decoding and typed errors, all decided from
 * the spec's data ({@link ScpApi}) for whatever method is called. A new operation in the spec is
 * callable through them with no change to this class; {@link #showImage} and {@link #versions()}
 * are conveniences.
 *
 * <p><b>Endpoint and configuration.</b> The endpoint is given ({@link Builder#endpoint}), or found
 * in the endpoint catalog of an auth URL ({@link Builder#authUrl} and {@link Builder#region}), as
 * SCP's own tools do, on the first call that needs it; what the builder is not given comes from
 * the {@link ScpConfig} chain (environment variables, then {@code ~/.scpconf}), so a machine set
 * up for SCP's tools needs no settings in code:
 * <pre>
 * ScpImageClient images = ScpImageClient.builder().build();   // auth-url, default-region, keys from ~/.scpconf
 * images.checkVersionSupport();    // logs "Supported Until - Warning ..." when the version's days are few
 * </pre>
 *
 * <p><b>Errors.</b> 400/401/403/404 throw {@link ScpBadRequestException},
 * {@link ScpUnauthorizedException}, {@link ScpForbiddenException}, {@link ScpNotFoundException}
 * (all {@code FeignException}s carrying the server's problem, with {@code code()} and
 * {@code problemCode()}, read from an RFC 9457 problem or the other common cloud error shapes); I/O
 * errors (also a body cut short) and 429/502/503/504 are retried as the builder says; a 200 whose
 * body is empty, {@code null}, breaks the contract of the version asked for (a required field
 * missing, {@code null} where not nullable, an empty or unparsable timestamp) or is not the
 * declared JSON throws Feign's {@code DecodeException} (status 200, not retried, naming the field
 * and the version); a call that outlives {@link Builder#callTimeout} throws
 * {@link ScpCallTimeoutException}. docs/contract.md, "Client behaviour under faults", has the table. Every {@code FeignException} thrown (by the conveniences and by every generated
 * interface this client hands out) carries a copy of the request with {@code Scp-Signature}
 * redacted: nothing in it can be replayed.
 */
public final class ScpImageClient {

    /** The default of {@link Builder#callTimeout}: a call never takes longer. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    /** The Java name the generated methods give the {@code image_id} path parameter. */
    private static final String IMAGE_ID = "imageId";

    private final Supplier<String> endpoint;
    private final Supplier<Optional<String>> region;
    private final ScpServiceVersion version;
    private final Clock clock;
    private final Feign feign;
    private final Supplier<Integer> maxRemainDays;
    private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
    private final ImagesApi images;
    private final VersionsApi versionsApi;

    private ScpImageClient(Supplier<String> endpoint, Supplier<Optional<String>> region, ScpServiceVersion version,
            Clock clock, Feign feign, Supplier<Integer> maxRemainDays) {
        this.endpoint = endpoint;
        this.region = region;
        this.version = version;
        this.clock = clock;
        this.feign = feign;
        this.maxRemainDays = maxRemainDays;
        this.images = api(ImagesApi.class);
        this.versionsApi = api(VersionsApi.class);
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Shows one image in the client's version. The id is sent as one path segment,
     * percent-encoded as the vendor's SDK does ({@code /} as {@code %2F}, {@code %} as {@code %25},
     * space as {@code %20}).
     *
     * @return the image, never null; fields the version does not send are null
     * @throws IllegalArgumentException before sending, when the id is null, blank, {@code .} or
     *         {@code ..}, or contains CR or LF
     */
    public Image showImage(String imageId) {
        PathSegmentContract.requireValid(IMAGE_ID, imageId);
        return images.showImage(imageId, null, null);
    }

    /**
     * Shows one image, with the response's {@link ResponseMetadata}: status, headers, the version
     * that served it and, for a deprecated version, its {@code Deprecation}/{@code Sunset} dates.
     */
    public ScpResponse<Image> showImageWithResponse(String imageId) {
        PathSegmentContract.requireValid(IMAGE_ID, imageId);
        return ScpResponse.of(images.showImageWithHttpInfo(imageId, null, null));
    }

    /**
     * The service's versions document ({@code GET /} on the endpoint, unsigned and unversioned,
     * so it needs no credentials): every version with its state and Not Before date.
     */
    public ApiVersionList versions() {
        return versionsApi.listVersions();
    }

    /**
     * The client's version as the service's versions document describes it today (in
     * {@link ScpApi#NOT_BEFORE_ZONE}, by the builder's clock), or as the spec does when the
     * document does not list it: state, Not Before date, days left.
     */
    public VersionCheck versionCheck() {
        return VersionCheck.of(version, versions(), ServiceVersion.today(clock));
    }

    /**
     * Checks the client's version against the service's versions document as SCP's tools do at
     * start, and logs (through {@link System.Logger}, logger {@code io.github.scptoolkit.image.client.ScpImageClient})
     * one warning in their wording when it has {@code max-remain-days} or fewer left
     * ({@code Supported Until - Warning virtualserver(kr-west1) [v<version>], Until Supported date <not-before>: <n> days left})
     * or when the document does not list it (an unsupported version: update). The threshold is
     * {@link Builder#maxRemainDays}, else the configuration's {@code max-remain-days}, else
     * {@value VersionCheck#DEFAULT_MAX_REMAIN_DAYS}.
     *
     * <pre>
     * VersionCheck check = client.checkVersionSupport();   // and one log line if it is due
     * </pre>
     *
     * @return the check of the client's version
     */
    public VersionCheck checkVersionSupport() {
        VersionCheck check = versionCheck();
        check.supportWarning(ScpApi.SERVICE + "(" + region().orElse(endpoint()) + ")", maxRemainDays())
                .ifPresent(warning -> DeprecationWarning.LOG.log(System.Logger.Level.WARNING, warning));
        return check;
    }

    /** The threshold {@link #checkVersionSupport()} warns within, in days. */
    public int maxRemainDays() {
        return maxRemainDays.get();
    }

    /** The version this client is bound to. */
    public ScpServiceVersion serviceVersion() {
        return version;
    }

    /**
     * The endpoint, normalized as it goes on the wire and into signatures. When the client finds
     * it from an auth URL, the first call of this (or of any operation) asks the endpoint catalog.
     *
     * @throws ScpEndpointDiscoveryException when it cannot be found
     */
    public String endpoint() {
        return endpoint.get();
    }

    /**
     * The region of the endpoint: the region of the catalog entry the client found it in, else the
     * region it was configured with; empty when neither is known.
     */
    public Optional<String> region() {
        return region.get();
    }

    /** The generated interface of the Images operations, with this client's configuration. */
    public ImagesApi images() {
        return images;
    }

    /** The generated interface of the versions document, with this client's configuration. */
    public VersionsApi versionsApi() {
        return versionsApi;
    }

    /**
     * Any generated interface (one per tag of the spec) with this client's configuration: signed,
     * versioned, decoded and mapped to typed errors as the spec says for each of its operations,
     * every exception carrying the request with {@code Scp-Signature} redacted.
     * Pass {@code null} for the version header parameter to use the client's version.
     *
     * <pre>
     * ImagesApi api = client.api(ImagesApi.class);
     * Image image = api.showImage(id, null, null);   // signed, sent with the client's version
     * </pre>
     */
    public <A extends ApiClient.Api> A api(Class<A> generatedInterface) {
        Objects.requireNonNull(generatedInterface, "generatedInterface");
        return generatedInterface.cast(apis.computeIfAbsent(generatedInterface,
                type -> feign.newInstance(new EndpointTarget<>(type, endpoint))));
    }

    /**
     * Feign's {@code HardCodedTarget}, with the URL asked for when a request is built: the endpoint
     * may be found by discovery on the first call rather than when the client is built.
     */
    private record EndpointTarget<T>(Class<T> type, Supplier<String> endpoint) implements Target<T> {

        @Override
        public String name() {
            return type.getSimpleName();
        }

        @Override
        public String url() {
            return endpoint.get();
        }

        @Override
        public feign.Request apply(feign.RequestTemplate input) {
            if (input.url().indexOf("http") != 0) {
                input.target(url());
            }
            return input.request();
        }
    }

    /**
     * The endpoint as it goes on the wire and into the signature: no trailing slash, and no port
     * when it is the scheme's default (a server rebuilds {@code https://host/...} for
     * {@code https://host:443/...}, so signing the explicit port would never verify). User info
     * ({@code user:password@}) is refused: SCP authenticates by signature, a server never sees it
     * in the URL it rebuilds (so every call would fail), and it would end up in messages and logs.
     * No message ever shows an endpoint that contains {@code @}. A port outside 1-65535, a query
     * ({@code ?...}) or a fragment ({@code #...}) is refused too: the client appends each
     * operation's path to the endpoint, so they could only break every request (or fail late).
     *
     * @throws IllegalArgumentException for anything but an absolute http(s) URL without user info,
     *         query or fragment, with a port (if any) in 1-65535; the message names the problem
     */
    static String normalizeEndpoint(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            // Not chained: the parser's message repeats the whole input, user info included.
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URL: " + printable(endpoint));
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new IllegalArgumentException("endpoint must not contain user info (user:password@): requests are "
                    + "authenticated by their signature; give the keys with credentials(...)");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URL: " + printable(endpoint));
        }
        java.util.regex.Matcher bigPort = uri.getRawAuthority() == null ? null
                : HUGE_PORT.matcher(uri.getRawAuthority());
        if (uri.getHost() == null && bigPort != null && bigPort.find()) {
            // URI does not parse a port beyond an int: it sees no host at all
            throw new IllegalArgumentException("endpoint port must be between 1 and 65535: " + bigPort.group(1));
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URL: " + printable(endpoint));
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new IllegalArgumentException("endpoint port must be between 1 and 65535: " + uri.getPort());
        }
        if (uri.getRawQuery() != null) {
            // Not echoed: a query may carry a token.
            throw new IllegalArgumentException("endpoint must not have a query ('?...'): the client appends each "
                    + "operation's path and query to it");
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("endpoint must not have a fragment ('#...'): the client appends each "
                    + "operation's path to it");
        }
        boolean defaultPort = uri.getPort() == (scheme.equals("https") ? 443 : 80);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String port = uri.getPort() < 0 || defaultPort ? "" : ":" + uri.getPort();
        String normalized = scheme + "://" + uri.getHost() + port + path;
        return normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    /** An authority ending in a port of six digits or more, which is out of range whatever its value. */
    private static final java.util.regex.Pattern HUGE_PORT = java.util.regex.Pattern.compile(":(\\d{6,})$");

    /** The endpoint for a message, unless it may carry user info (a password). */
    private static String printable(String endpoint) {
        return endpoint.indexOf('@') >= 0 ? "(not shown: it contains '@', which may carry a password)" : endpoint;
    }

    /**
     * Configures a {@link ScpImageClient}. Every request of a signed operation is signed (see
     * {@link ScpSigner}); the versions document is never signed. There is no unsigned mode; a
     * server with signature checks turned off ignores the headers.
     *
     * <p><b>Where each setting comes from.</b> A value given to this builder always wins. What it is
     * not given comes from the {@link ScpConfig} chain ({@link #configuration(ScpConfig)}; by
     * default {@link ScpConfig#load()}: this toolkit's environment variables, then the vendor's
     * {@code SCP_TF_*} ones, then {@code ~/.scpconf/credentials.json} and {@code config.json}),
     * read only when something is missing:
     * <ul>
     * <li>the endpoint: {@link #endpoint}; else {@link #authUrl} (discovery); else the chain's
     *     endpoint ({@code SCP_ENDPOINT}, {@code endpoint-override}); else its auth URL
     *     ({@code SCP_AUTH_URL}, {@code auth-url}) for discovery, preferring {@link #region} (else
     *     the chain's {@code SCP_REGION}), then the chain's {@code default-region}; with none of
     *     them {@code build()} fails;</li>
     * <li>the credentials: {@link #credentials}; else the chain's key pair and account id, looked up
     *     on the first signed call (without them such calls fail with an
     *     {@link IllegalStateException} before anything is sent);</li>
     * <li>{@link #maxRemainDays}: else the chain's {@code max-remain-days}, else 90.</li>
     * </ul>
     *
     * <pre>
     * ScpImageClient.builder()
     *         .endpoint(URI.create("http://127.0.0.1:8080"))
     *         .connectTimeout(Duration.ofSeconds(2))
     *         .readTimeout(Duration.ofSeconds(10))
     *         .callTimeout(Duration.ofSeconds(30))             // the whole call, retries included
     *         .maxAttempts(3)                                  // 1 = no retries
     *         .backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
     *         .serviceVersion(ScpServiceVersion.getLatest())   // the default
     *         .build();
     * </pre>
     */
    public static final class Builder {
        private String endpoint;
        private String authUrl;
        private String region;
        private ScpConfig configuration;
        private Integer maxRemainDays;
        private ScpServiceVersion version = ScpServiceVersion.getLatest();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
        private LongSupplier ticker = System::nanoTime;
        private Clock clock = Clock.systemUTC();
        private final ObjectMapper mapper = ScpJson.newMapper();
        private ScpCredentialsProvider credentials;
        private Retryer retryer;
        private Logger logger;
        private Logger.Level logLevel = Logger.Level.NONE;
        private Client client;
        private ScpRetryer.Sleeper sleeper = Thread::sleep;

        private Builder() {
        }

        /**
         * Base URL of the service, e.g. {@code https://virtualserver.kr-west1.e.samsungsdscloud.com}.
         *
         * @throws IllegalArgumentException for anything but an absolute http(s) URL, or one with
         *         user info ({@code user:password@}; the message never shows the password), a port
         *         outside 1-65535, a query or a fragment; the message names the problem
         */
        public Builder endpoint(String endpoint) {
            this.endpoint = normalizeEndpoint(Objects.requireNonNull(endpoint, "endpoint"));
            return this;
        }

        /** Base URL of the service. */
        public Builder endpoint(URI endpoint) {
            return endpoint(endpoint.toString());
        }

        /**
         * Finds the endpoint in the endpoint catalog of this auth URL (SCP IAM's, e.g.
         * {@code https://iam.e.samsungsdscloud.com/v1}, or the emulator's {@code http://127.0.0.1:8080/v1}),
         * as SCP's tools do: {@code GET <auth-url>/endpoints}, signed, on the first call that needs
         * the endpoint, once per client; the entry of this service in {@link #region}, else in the
         * configuration's default region, else the first by URL. {@link #endpoint} wins over it.
         */
        public Builder authUrl(String authUrl) {
            this.authUrl = normalizeEndpoint(Objects.requireNonNull(authUrl, "authUrl"));
            return this;
        }

        /** The auth URL whose endpoint catalog names the endpoint. */
        public Builder authUrl(URI authUrl) {
            return authUrl(authUrl.toString());
        }

        /** The region whose endpoint discovery prefers (default: the configuration's {@code SCP_REGION}). */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region").isBlank() ? null : region.trim();
            return this;
        }

        /**
         * Where the settings this builder is not given come from (default {@link ScpConfig#load()}:
         * environment variables and {@code ~/.scpconf}); {@link ScpConfig#empty()} uses none.
         */
        public Builder configuration(ScpConfig configuration) {
            this.configuration = Objects.requireNonNull(configuration, "configuration");
            return this;
        }

        /**
         * {@link ScpImageClient#checkVersionSupport()} warns when the version has this many days or
         * fewer left (default: the configuration's {@code max-remain-days}, else 90).
         */
        public Builder maxRemainDays(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("maxRemainDays must not be negative: " + days);
            }
            this.maxRemainDays = days;
            return this;
        }

        /**
         * The version the client calls versioned operations in (default
         * {@link ScpServiceVersion#getLatest()}, the CURRENT version of the spec this client was
         * built from). A DEPRECATED version logs one warning when the client is built.
         */
        public Builder serviceVersion(ScpServiceVersion version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** Time allowed to connect (default 5 s). */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Time allowed to wait for the response, per read (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Time allowed for a whole call, from the moment a method is invoked to the moment it
         * returns or throws (default 60 s): every attempt, backoff and {@code Retry-After} wait,
         * and reading the body however slowly the server sends it. Each attempt connects and
         * reads with at most the time left; a wait before a retry that would end past the
         * deadline is not started. When it passes the call ends with a
         * {@link ScpCallTimeoutException} (status -1), which is never retried.
         *
         * <pre>
         * ScpImageClient.builder().endpoint(url).callTimeout(Duration.ofSeconds(10)).build();
         * </pre>
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder callTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException("callTimeout must be positive: " + timeout);
            }
            this.callTimeout = timeout;
            return this;
        }

        /**
         * Attempts per call in all, retries included (default 3; 1 = no retry). Only I/O errors and
         * 429/502/503/504 are retried, never 400/401/403/404.
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Wait before the first retry, doubled per retry up to {@code max} (default 100 ms, 2 s). */
        public Builder backoff(Duration initial, Duration max) {
            if (initial.isNegative() || max.compareTo(initial) < 0) {
                throw new IllegalArgumentException("backoff must satisfy 0 <= initial <= max");
            }
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /**
         * Longest {@code Retry-After} the client waits (default 30 s); a server asking for longer gets
         * the error back at once rather than an early retry.
         */
        public Builder maxRetryAfter(Duration max) {
            if (max.isNegative()) {
                throw new IllegalArgumentException("maxRetryAfter must not be negative");
            }
            this.maxRetryAfter = max;
            return this;
        }


        /** Where the signing credentials come from (default: the configuration's, see {@link ScpConfig#credentials()}). */
        public Builder credentials(ScpCredentialsProvider credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** Signs with fixed credentials. */
        public Builder credentials(ScpCredentials credentials) {
            return credentials(ScpCredentialsProvider.of(credentials));
        }

        /** The clock that timestamps each signature and dates Retry-After and the deprecation warning (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Replaces the retry policy built from the options above; every attempt is signed afresh. */
        public Builder retryer(Retryer retryer) {
            this.retryer = Objects.requireNonNull(retryer, "retryer");
            return this;
        }

        /** Where Feign's log lines go; only the masking logger is accepted, so no signature is ever logged. */
        public Builder logger(ScpMaskingLogger logger) {
            this.logger = Objects.requireNonNull(logger, "logger");
            return this;
        }

        /** How much Feign logs (default NONE); without {@link #logger} lines go to java.util.logging. */
        public Builder logLevel(Logger.Level level) {
            this.logLevel = Objects.requireNonNull(level, "level");
            return this;
        }

        /** The HTTP client Feign uses (default: Feign's {@code HttpURLConnection} client). */
        public Builder client(Client client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** How the built-in retry policy waits (default {@code Thread::sleep}); tests simulate time. */
        Builder sleeper(ScpRetryer.Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The nanosecond time the call deadline runs on (default {@code System::nanoTime}); tests add simulated waits. */
        Builder ticker(LongSupplier ticker) {
            this.ticker = Objects.requireNonNull(ticker, "ticker");
            return this;
        }

        /**
         * Builds the client.
         *
         * @throws IllegalStateException when no endpoint and no auth URL is given or configured
         * @throws ScpConfigException when the configuration is needed and cannot be used
         */
        public ScpImageClient build() {
            Supplier<ScpConfig> config = memoized(() -> configuration != null ? configuration : ScpConfig.load());
            String configuredEndpoint = endpoint;
            String discoverAt = authUrl;
            if (configuredEndpoint == null && discoverAt == null) {
                ScpConfig c = config.get();
                if (c.endpoint().isPresent()) {
                    configuredEndpoint = configuredUrl(c, ScpConfig.Setting.ENDPOINT);
                } else if (c.authUrl().isPresent()) {
                    discoverAt = configuredUrl(c, ScpConfig.Setting.AUTH_URL);
                } else {
                    throw new IllegalStateException("no endpoint: give endpoint(...) or authUrl(...), or "
                            + ScpConfig.whereToSet(ScpConfig.Setting.AUTH_URL) + " (or "
                            + ScpConfig.whereToSet(ScpConfig.Setting.ENDPOINT).substring("set ".length()) + ")");
                }
            }
            ScpCredentialsProvider signWith = credentials != null ? credentials : configured(config);
            Feign.Builder feign = Feign.builder()
                    .invocationHandlerFactory(ScpRedaction.handlers(
                            CallDeadline.handlers(new InvocationHandlerFactory.Default(), callTimeout, ticker)))
                    .contract(new PathSegmentContract())
                    .requestInterceptor(new ScpVersionInterceptor(version))
                    .requestInterceptor(new ScpSigningInterceptor(signWith, clock))
                    .logger(logger != null ? logger : ScpMaskingLogger.javaUtilLogging())
                    .logLevel(logLevel)
                    .encoder(new JacksonEncoder(mapper))
                    .decoder(new ScpDecoder(mapper, version))
                    .options(new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                            readTimeout.toMillis(), TimeUnit.MILLISECONDS, false))
                    .errorDecoder(new ScpErrorDecoder(mapper, clock))
                    .retryer(CallDeadline.retryer(retryer != null ? retryer : new ScpRetryer(maxAttempts,
                            initialBackoff, maxBackoff, maxRetryAfter, clock, sleeper)))
                    .client(client != null ? DeadlineClient.around(client) : DeadlineClient.jdk());
            Feign built = feign.build();
            Supplier<String> serviceEndpoint;
            Supplier<Optional<String>> endpointRegion;
            if (configuredEndpoint != null) {
                String fixed = configuredEndpoint;
                serviceEndpoint = () -> fixed;
                // The region is only a label then: the builder's, else the configuration's when it was
                // given or read for the endpoint (an explicit endpoint never makes the client read files).
                ScpConfig labels = endpoint == null ? config.get() : configuration;
                Optional<String> label = Optional.ofNullable(region)
                        .or(() -> labels == null ? Optional.empty() : labels.region().or(labels::defaultRegion));
                endpointRegion = () -> label;
            } else {
                ScpConfig c = config.get();
                EndpointDiscovery discovery = new EndpointDiscovery(discoverAt, region != null ? region
                        : c.region().orElse(null), c.defaultRegion().orElse(null),
                        url -> built.newInstance(new Target.HardCodedTarget<>(EndpointsApi.class, url)));
                serviceEndpoint = () -> discovery.endpoint().url();
                endpointRegion = () -> Optional.ofNullable(discovery.endpoint().region());
            }
            Integer explicitDays = maxRemainDays;
            Supplier<Integer> remainDays = explicitDays != null ? () -> explicitDays
                    : memoized(() -> config.get().maxRemainDays());
            ScpImageClient client = new ScpImageClient(serviceEndpoint, endpointRegion, version, clock, built, remainDays);
            DeprecationWarning.warnIfDeprecated(version, clock);
            return client;
        }

        /** The configuration's URL setting, normalized; an unusable one names its source (never user info). */
        private static String configuredUrl(ScpConfig config, ScpConfig.Setting setting) {
            try {
                return normalizeEndpoint(config.get(setting).orElseThrow());
            } catch (IllegalArgumentException notAUrl) {
                throw new ScpConfigException(config.described(setting) + " must be an absolute http(s) URL", null);
            }
        }

        /** The configuration's credentials, looked up on the first signed call. */
        private static ScpCredentialsProvider configured(Supplier<ScpConfig> config) {
            Supplier<ScpCredentials> pair = memoized(() -> config.get().credentials()
                    .orElseThrow(() -> new IllegalStateException(noCredentials())));
            return new ScpCredentialsProvider() {
                @Override
                public ScpCredentials credentials() {
                    return pair.get();
                }

                @Override
                public String toString() {
                    return "ScpCredentialsProvider(configuration)";
                }
            };
        }
    }

    /** What to do when no credentials are found anywhere: every place they may be set. */
    static String noCredentials() {
        ScpConfig.Setting key = ScpConfig.Setting.ACCESS_KEY;
        ScpConfig.Setting secret = ScpConfig.Setting.SECRET_KEY;
        return "No SCP credentials: set the environment variables " + key.variable().orElseThrow() + " and "
                + secret.variable().orElseThrow() + " (or " + key.vendorVariable().orElseThrow() + " and "
                + secret.vendorVariable().orElseThrow() + "), write \"" + key.key().orElseThrow() + "\" and \""
                + secret.key().orElseThrow() + "\" to ~/" + ScpConfig.DIRECTORY_NAME + "/" + key.file().orElseThrow()
                + ", or configure ScpImageClient.builder().credentials(...)";
    }

    /** {@code supplier}'s first successful result, kept; a failure is not kept (the next call tries again). */
    static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) {
                            v = Objects.requireNonNull(supplier.get());
                            value = v;
                        }
                    }
                }
                return v;
            }
        };
    }
}
