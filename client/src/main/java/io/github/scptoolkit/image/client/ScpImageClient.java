package io.github.scptoolkit.image.client;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import feign.Client;
import feign.Feign;
import feign.InvocationHandlerFactory;
import feign.Logger;
import feign.Request;
import feign.Retryer;
import feign.jackson.JacksonEncoder;

import io.github.scptoolkit.image.client.generated.api.ImagesApi;
import io.github.scptoolkit.image.client.generated.model.ApiResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponse;
import io.github.scptoolkit.image.client.generated.model.ImageShowResponseV1Dot2;
import io.github.scptoolkit.image.client.generated.model.ScpApiVersion;

/**
 * A ready client for Show Image, bound to one endpoint and one version; {@code T} is that
 * version's 200 body type. Thread-safe; build once and share.
 *
 * <pre>
 * ScpImageClient&lt;ImageShowResponseV1Dot2&gt; images = ScpImageClient.builder()
 *         .endpoint("https://virtualserver.kr-west1.e.samsungsdscloud.com")
 *         .credentials(ScpCredentials.of(accessKey, secretKey))   // default: SCP_ACCESS_KEY/SCP_SECRET_KEY
 *         .build();                                   // latest version, 1.3
 * ImageShowResponseV1Dot2 image = images.showImage("70a599e0-31e7-49b7-b260-868f441e862b");
 * image.getScpGpuDriver();
 *
 * ScpImageClient&lt;ImageShowResponse&gt; old = ScpImageClient.builder()
 *         .endpoint("http://127.0.0.1:8080")
 *         .build(ImageVersion.V1_1);                 // logs one deprecation warning
 * old.showImageWithMetadata(id).metadata().sunset();  // when 1.1 stops being served
 * </pre>
 *
 * Errors: 400/401/403/404 throw {@link ScpBadRequestException}, {@link ScpUnauthorizedException},
 * {@link ScpForbiddenException}, {@link ScpNotFoundException} (all {@code FeignException}s carrying
 * the server's problem); I/O errors (also a body cut short) and 429/502/503/504 are retried as the
 * builder says; a 200 whose body is empty or not the version's JSON throws Feign's
 * {@code DecodeException} (status 200, not retried). README's "Client behaviour under faults" has the table.
 * Every {@code FeignException} thrown (also through {@link #api()}) carries a copy of the request
 * with {@code Scp-Signature} redacted: nothing in it can be replayed.
 *
 * @param <T> the 200 body type of the bound version
 */
public final class ScpImageClient<T extends ImageShowResponse> {

    private final ImagesApi api;
    private final ImageVersion<T> version;
    private final ScpApiVersion header;

    private ScpImageClient(ImagesApi api, ImageVersion<T> version) {
        this.api = api;
        this.version = version;
        this.header = ScpApiVersion.fromValue(version.version().headerValue());
    }

    /** Starts a builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Shows one image. The id is sent as one path segment, percent-encoded as the vendor's SDK
     * does ({@code /} as {@code %2F}, {@code %} as {@code %25}, space as {@code %20}).
     *
     * @throws IllegalArgumentException before sending, when the id is null, blank, {@code .} or
     *         {@code ..}, or contains CR or LF
     */
    public T showImage(String imageId) {
        ImageIdContract.requireValid(imageId);
        return version.responseType().cast(api.showImage(imageId, header, null));
    }

    /** Shows one image, with the status code and headers of the response. */
    @SuppressWarnings("unchecked")
    public ApiResponse<T> showImageWithHttpInfo(String imageId) {
        ImageIdContract.requireValid(imageId);
        return (ApiResponse<T>) (ApiResponse<?>) api.showImageWithHttpInfo(imageId, header, null);
    }

    /**
     * Shows one image, with the response's {@link ResponseMetadata}: the version that served it and,
     * for a deprecated version, its {@code Deprecation}/{@code Sunset} dates.
     */
    public ShowImageResponse<T> showImageWithMetadata(String imageId) {
        ApiResponse<T> response = showImageWithHttpInfo(imageId);
        return new ShowImageResponse<>(version.responseType().cast(response.getData()),
                ResponseMetadata.of(response.getStatusCode(), response.getHeaders()));
    }

    /** The version this client is bound to. */
    public ImageVersion<T> version() {
        return version;
    }

    /** The generated Feign interface behind this client, for calls this class does not wrap. */
    public ImagesApi api() {
        return api;
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
     * Configures a {@link ScpImageClient}. Only the endpoint is required. Every request is signed
     * (see {@link ScpSigner}); without {@link #credentials(ScpCredentialsProvider)} the credentials
     * come from the environment variables {@code SCP_ACCESS_KEY}, {@code SCP_SECRET_KEY} and
     * {@code SCP_ACCOUNT_ID}, read on each request: if they are not set, calls fail with an
     * {@link IllegalStateException} before anything is sent. There is no unsigned mode; a server
     * with signature checks turned off ignores the headers.
     *
     * <pre>
     * ScpImageClient.builder()
     *         .endpoint(URI.create("http://127.0.0.1:8080"))
     *         .connectTimeout(Duration.ofSeconds(2))
     *         .readTimeout(Duration.ofSeconds(10))
     *         .maxAttempts(3)                                  // 1 = no retries
     *         .backoff(Duration.ofMillis(200), Duration.ofSeconds(2))
     *         .build(ImageVersion.V1_2);
     * </pre>
     */
    public static final class Builder {
        private String endpoint;
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

        /** Builds a client for the latest version (1.3). */
        public ScpImageClient<ImageShowResponseV1Dot2> build() {
            return build(ImageVersion.latest());
        }

        /** Builds a client for {@code version}. */
        public <T extends ImageShowResponse> ScpImageClient<T> build(ImageVersion<T> version) {
            Objects.requireNonNull(version, "version");
            if (endpoint == null) {
                throw new IllegalStateException("endpoint is required");
            }
            Feign.Builder feign = Feign.builder()
                    .invocationHandlerFactory(ScpRedaction.handlers(new InvocationHandlerFactory.Default()))
                    .contract(new ImageIdContract())
                    .requestInterceptor(new ScpSigningInterceptor(credentials, clock))
                    .logger(logger != null ? logger : ScpMaskingLogger.javaUtilLogging())
                    .logLevel(logLevel)
                    .encoder(new JacksonEncoder(mapper))
                    .decoder(new VersionedDecoder(mapper, version.responseType()))
                    .options(new Request.Options(connectTimeout.toMillis(), TimeUnit.MILLISECONDS,
                            readTimeout.toMillis(), TimeUnit.MILLISECONDS, false))
                    .errorDecoder(new ScpErrorDecoder(mapper, clock))
                    .retryer(retryer != null ? retryer : new ScpRetryer(maxAttempts, initialBackoff, maxBackoff,
                            maxRetryAfter, clock, sleeper));
            if (client != null) {
                feign.client(client);
            }
            ImagesApi api = feign.target(ImagesApi.class, endpoint);
            DeprecationWarning.warnIfDeprecated(version.version(), clock);
            return new ScpImageClient<>(api, version);
        }
    }
}
