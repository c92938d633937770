package io.github.scptoolkit.image.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import feign.Client;
import feign.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpConfig.Setting;
import io.github.scptoolkit.image.client.ScpConfigException;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpMaskingLogger;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * Where and how a command calls: the options every command shares, over the configuration chain
 * SCP's tools use ({@link ScpConfig}: {@code SCP_*}, then {@code SCP_TF_*} variables, then
 * {@code ~/.scpconf}). An option wins over the chain; {@code --endpoint} wins over
 * {@code --auth-url}, and an endpoint anywhere in the chain over an auth URL at the same level;
 * with neither anywhere the local emulator ({@value ScpImageCli#DEFAULT_ENDPOINT}) is called.
 *
 * <pre>
 * scp-image show &lt;id&gt;                                   # everything from ~/.scpconf
 * scp-image show &lt;id&gt; --auth-url http://127.0.0.1:8080/v1 --region kr-west1 --timeout 10s --retries 0 --debug
 * </pre>
 */
final class ConnectionOptions {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_RETRIES = 2;
    static final int MAX_RETRIES = 10;

    @Option(names = "--endpoint", paramLabel = "<url>", converter = UrlOption.Endpoint.class,
            description = "Base URL of the service (default: SCP_ENDPOINT, SCP_TF_ENDPOINT_OVERRIDE, endpoint-override in"
                    + " ~/.scpconf/config.json; else found from the auth URL; else " + ScpImageCli.DEFAULT_ENDPOINT
                    + ", the local emulator).")
    String endpoint;

    @Option(names = "--auth-url", paramLabel = "<url>", converter = UrlOption.AuthUrl.class,
            description = "Find the endpoint in this auth URL's endpoint catalog, as SCP's tools do (default: SCP_AUTH_URL,"
                    + " SCP_TF_AUTH_URL, auth-url in ~/.scpconf/config.json).")
    String authUrl;

    @Option(names = "--region", paramLabel = "<region>",
            description = "Region to prefer in the endpoint catalog (default: SCP_REGION, then the default region:"
                    + " SCP_TF_DEFAULT_REGION, default-region in ~/.scpconf/config.json).")
    String region;

    @Option(names = "--access-key", paramLabel = "<key>",
            description = "Access key (default: SCP_ACCESS_KEY, SCP_TF_ACCESS_KEY, access-key in ~/.scpconf/credentials.json).")
    String accessKey;

    @Option(names = "--secret-key", paramLabel = "<secret>",
            description = "Secret key (default: SCP_SECRET_KEY, SCP_TF_SECRET_KEY, secret-key in ~/.scpconf/credentials.json).")
    String secretKey;

    @Option(names = "--account-id", paramLabel = "<id>",
            description = "Account (project) id to sign for (default: SCP_ACCOUNT_ID, SCP_TF_ACCOUNT_ID, account-id in"
                    + " ~/.scpconf/config.json).")
    String accountId;

    @Option(names = "--connect-timeout", paramLabel = "<duration>", converter = DurationOption.class,
            description = "Time allowed to connect, per attempt (default: 5s).")
    Duration connectTimeout;

    @Option(names = "--timeout", paramLabel = "<duration>", converter = DurationOption.class,
            description = "Deadline for the whole call, retries and endpoint discovery included (default: 60s).")
    Duration timeout;

    @Option(names = "--retries", paramLabel = "<n>",
            description = "Retries after a failed attempt (I/O errors, 429, 502, 503, 504 only; default: 2; 0 = none).")
    Integer retries;

    @Option(names = "--debug", description = "Print the configuration used and the HTTP exchange on stderr"
            + " (the signature and the secret key masked).")
    boolean debug;

    /** What a command calls with: the client, the recording HTTP client under it and the deadline. */
    record Connection(ScpImageClient client, Exchanges http, ScpConfig config, Duration timeout, Instant deadline,
            String target, int maxAttempts) {
    }

    /**
     * The client for a command, from the options over the chain read from {@code env}.
     *
     * @param needsCredentials whether the command signs a request of its own (discovery signs anyway)
     * @throws CommandLine.ParameterException for every usage error: an unusable configuration, an
     *         unusable URL, no credentials, bad numbers
     */
    Connection connect(CommandLine cli, Map<String, String> env, Clock clock, ScpServiceVersion version,
            boolean needsCredentials, PrintWriter err) {
        ScpConfig config;
        try {
            config = ScpConfig.load(env)
                    .with(Setting.ACCESS_KEY, accessKey, "option --access-key")
                    .with(Setting.SECRET_KEY, secretKey, "option --secret-key")
                    .with(Setting.ACCOUNT_ID, accountId, "option --account-id")
                    .with(Setting.REGION, region, "option --region");
        } catch (ScpConfigException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
        // Which endpoint: an option, else the chain's endpoint, else its auth URL, else the emulator.
        String fixed = endpoint;
        String discoverAt = fixed == null ? authUrl : null;
        String target;
        if (fixed != null) {
            target = "endpoint " + fixed + " (from option --endpoint)";
        } else if (discoverAt != null) {
            target = "auth URL " + discoverAt + " (from option --auth-url)";
        } else if (config.endpoint().isPresent()) {
            fixed = checked(cli, config, Setting.ENDPOINT);
            target = "endpoint " + fixed + " (from " + config.source(Setting.ENDPOINT).orElseThrow() + ")";
        } else if (config.authUrl().isPresent()) {
            discoverAt = checked(cli, config, Setting.AUTH_URL);
            target = "auth URL " + discoverAt + " (from " + config.source(Setting.AUTH_URL).orElseThrow() + ")";
        } else {
            fixed = ScpImageCli.DEFAULT_ENDPOINT;
            target = "endpoint " + fixed + " (the default: the local emulator)";
        }
        Optional<ScpCredentials> credentials;
        try {
            credentials = config.credentials();
        } catch (ScpConfigException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cli, "the credentials cannot be used: " + e.getMessage());
        }
        if (credentials.isEmpty() && (needsCredentials || discoverAt != null)) {
            throw new CommandLine.ParameterException(cli, "no credentials" + (needsCredentials ? ""
                    : " (finding the endpoint at the auth URL is a signed call)") + ": give --access-key and --secret-key,"
                    + " set SCP_ACCESS_KEY and SCP_SECRET_KEY (or SCP_TF_ACCESS_KEY and SCP_TF_SECRET_KEY), or write"
                    + " access-key and secret-key to " + config.directory().map(d -> d.resolve(ScpConfig.CREDENTIALS_FILE)
                            .toString()).orElse("~/.scpconf/credentials.json")
                    + " (the local emulator's demo pair is test/test)");
        }
        int maxRemainDays;
        try {
            maxRemainDays = config.maxRemainDays();
        } catch (ScpConfigException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
        int retryCount = retries == null ? DEFAULT_RETRIES : retries;
        if (retryCount < 0 || retryCount > MAX_RETRIES) {
            throw new CommandLine.ParameterException(cli, "--retries must be 0 to " + MAX_RETRIES + ": " + retryCount);
        }
        Duration deadline = timeout == null ? DEFAULT_TIMEOUT : timeout;
        Duration connect = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        // The client's per-attempt read timeout never outlasts the whole call's deadline.
        Duration read = deadline.compareTo(Duration.ofSeconds(30)) < 0 ? deadline : Duration.ofSeconds(30);
        // wall-clock time, whatever clock dates the versions and signs (tests fix that one)
        Instant until = Instant.now().plus(deadline);
        Exchanges http = new Exchanges(new Client.Default(null, null), until, Clock.systemUTC());

        ScpImageClient.Builder builder = ScpImageClient.builder()
                .configuration(config)
                .serviceVersion(version)
                .clock(clock)
                .connectTimeout(connect.compareTo(deadline) < 0 ? connect : deadline)
                .readTimeout(read)
                .callTimeout(deadline)
                .maxAttempts(retryCount + 1)
                .maxRemainDays(maxRemainDays)
                .client(http);
        credentials.ifPresent(builder::credentials);
        if (fixed != null) {
            builder.endpoint(fixed);
        } else {
            builder.authUrl(discoverAt);
        }
        if (debug) {
            builder.logger(ScpMaskingLogger.to(line -> {
                err.println("debug: " + line);
                err.flush();
            })).logLevel(Logger.Level.FULL);
            err.println("debug: calling " + target);
            err.println("debug: configuration " + config);
        }
        try {
            return new Connection(builder.build(), http, config, deadline, until, target, retryCount + 1);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }

    private static String checked(CommandLine cli, ScpConfig config, Setting setting) {
        String what = setting.displayName() + " (from " + config.source(setting).orElseThrow() + ")";
        try {
            return UrlOption.check(what, config.get(setting).orElseThrow());
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(cli, e.getMessage());
        }
    }
}
