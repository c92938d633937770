package io.github.scptoolkit.image.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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
 * <p><b>Errors.</b> 400/401/403/404 throw {@link ScpBadRequestException},
 * {@link ScpUnauthorizedException}, {@link ScpForbiddenException}, {@link ScpNotFoundException}
 * (all {@code FeignException}s carrying the server's problem, with {@code code()} and
 * {@code problemCode()}); I/O errors (also a body cut short) and 429/502/503/504 are retried as
 * the builder says; a 200 whose body is empty, {@code null} or not the declared JSON throws Feign's
 * {@code DecodeException} (status 200, not retried). README's "Client behaviour under faults" has
 * the table. Every {@code FeignException} thrown (by the conveniences and by every generated
 * interface this client hands out) carries a copy of the request with {@code Scp-Signature}
 * redacted: nothing in it can be replayed.
 */
public final class ScpImageClient {

    /** The Java name the generated methods give the {@code image_id} path parameter. */
    private static final String IMAGE_ID = "imageId";

    private final String endpoint;
    private final ScpServiceVersion version;
    private final Clock clock;
    private final Feign feign;
    private final Map<Class<?>, Object> apis = new ConcurrentHashMap<>();
    private final ImagesApi images;
    private final VersionsApi versionsApi;

    private ScpImageClient(String endpoint, ScpServiceVersion version, Clock clock, Feign feign) {
        this.endpoint = endpoint;
        this.version = version;
        this.clock = clock;
        this.feign = feign;
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

    /** The version this client is bound to. */
    public ScpServiceVersion serviceVersion() {
        return version;
    }

    /** The endpoint, normalized as it goes on the wire and into signatures. */
    public String endpoint() {
        return endpoint;
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
                type -> feign.newInstance(new Target.HardCodedTarget<>(type, endpoint))));
    }

    /**
     * The endpoint as it goes on the wire and into the signature: no trailing slash, and no port
     * when it is the scheme's default (a server rebuilds {@code https://host/...} for
     * {@code https://host:443/...}, so signing the explicit port would never verify). User info
     * ({@code user:password@}) is refused: SCP authenticates by signature, a server never sees it
     * in the URL it rebuilds (so every call would fail), and it would end up in messages and logs.
     * No message ever shows an endpoint that contains {@code @}.
     *
     * @throws IllegalArgumentException for anything but an absolute http(s) URL without user info
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
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new IllegalArgumentException("endpoint must be an absolute http(s) URL: " + printable(endpoint));
        }
        boolean defaultPort = uri.getPort() == (scheme.equals("https") ? 443 : 80);
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String port = uri.getPort() < 0 || defaultPort ? "" : ":" + uri.getPort();
        String normalized = scheme + "://" + uri.getHost() + port + path;
        return normalized.endsWith("/") ? normalized.substring(0, normalized.length() - 1) : normalized;
    }

    /** The endpoint for a message, unless it may carry user info (a password). */
    private static String printable(String endpoint) {
        return endpoint.indexOf('@') >= 0 ? "(not shown: it contains '@', which may carry a password)" : endpoint;
    }

    /**
     * Configures a {@link ScpImageClient}. Only the endpoint is required. Every request of a signed
     * operation is signed (see {@link ScpSigner}); without
     * {@link #credentials(ScpCredentialsProvider)} the credentials come from the environment
     * variables {@code SCP_ACCESS_KEY}, {@code SCP_SECRET_KEY} and {@code SCP_ACCOUNT_ID}, read on
     * each request: if they are not set, such calls fail with an {@link IllegalStateException}
     * before anything is sent. There is no unsigned mode for them; a server with signature checks
     * turned off ignores the headers. The versions document is never signed.
     *
     * <pre>
     * ScpImageClient.builder()
     *         .endpoint(URI.create("http://127.0.0.1:8080"))
     *         .connectTimeout(Duration.ofSeconds(2))
     *         .readTimeout(Duration.ofSeconds(10))
     *         .maxAttempts(3)                                  // 1 = no retries
     *         .backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
     *         .serviceVersion(ScpServiceVersion.getLatest())   // the default
     *         .build();
     * </pre>
     */
    public static final class Builder {
        private String endpoint;
        private ScpServiceVersion version = ScpServiceVersion.getLatest();
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(30);
        private int maxAttempts = 3;
        private Duration initialBackoff = Duration.ofMillis(100);
        private Duration maxBackoff = Duration.ofSeconds(2);
        private Duration maxRetryAfter = Duration.ofSeconds(30);
        private Clock clock = Clock.systemUTC();
        private final ObjectMapper mapper = ScpJson.newMapper();
        private ScpCredentialsProvider credentials = ScpCredentialsProvider.environment();
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
         *         user info ({@code user:password@}); the message never shows the password
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

        /** Time allowed to wait for the response (default 30 s). */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
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


        /** Where the signing credentials come from (default: {@link ScpCredentialsProvider#environment()}). */
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

        /** Builds the client. */
        public ScpImageClient build() {
            if (endpoint == null) {
                throw new IllegalStateException("endpoint is required");
            }
            Feign.Builder feign = Feign.builder()
                    .invocationHandlerFactory(ScpRedaction.handlers(new InvocationHandlerFactory.Default()))
                    .contract(new PathSegmentContract())
                    .requestInterceptor(new ScpVersionInterceptor(version))
                    .requestInterceptor(new ScpSigningInterceptor(credentials, clock))
                    .logger(logger != null ? logger : ScpMaskingLogger.javaUtilLogging())
                    .logLevel(logLevel)
                    .encoder(new JacksonEncoder(mapper))
                    .decoder(new ScpDecoder(mapper, version))
                    .options(new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                            readTimeout.toMillis(), TimeUnit.MILLISECONDS, false))
                    .errorDecoder(new ScpErrorDecoder(mapper, clock))
                    .retryer(retryer != null ? retryer : new ScpRetryer(maxAttempts, initialBackoff, maxBackoff,
                            maxRetryAfter, clock, sleeper));
            if (client != null) {
                feign.client(client);
            }
            ScpImageClient built = new ScpImageClient(endpoint, version, clock, feign.build());
            DeprecationWarning.warnIfDeprecated(version, clock);
            return built;
        }
    }
}
