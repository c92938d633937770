package io.github.scptoolkit.image.client;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SCP settings of this machine, found the way SCP's own tools (the Terraform provider v2, the
 * Go SDK) find theirs, so that a machine set up for them needs nothing more. Each {@link Setting}
 * is taken from the first of these that has it:
 * <ol>
 * <li>a value given in code ({@link #with(Setting, String, String)}; the client builder's own
 *     setters, such as {@code endpoint(...)}, win over the whole configuration);</li>
 * <li>this toolkit's environment variable ({@code SCP_ACCESS_KEY}, {@code SCP_SECRET_KEY},
 *     {@code SCP_ACCOUNT_ID}, {@code SCP_ENDPOINT}, {@code SCP_AUTH_URL}, {@code SCP_REGION});</li>
 * <li>the vendor's environment variable ({@code SCP_TF_ACCESS_KEY}, {@code SCP_TF_AUTH_URL}, ...);</li>
 * <li>{@code ~/.scpconf/credentials.json} ({@code access-key}, {@code secret-key}) and
 *     {@code ~/.scpconf/config.json} ({@code auth-url}, {@code default-region}, {@code account-id},
 *     {@code endpoint-override}, {@code max-remain-days}).</li>
 * </ol>
 * The directory is {@code $SCP_CONFIG_DIR} when set, else {@code .scpconf} in the home directory
 * ({@code $HOME}; {@code %USERPROFILE%} on Windows; else the JVM's {@code user.home}). A missing file
 * is skipped; one that exists but cannot be read or is not valid JSON is a {@link ScpConfigException}
 * naming it and the line. An empty variable counts as unset. Secrets never appear in
 * {@link #toString()} or in messages.
 *
 * <pre>
 * ScpConfig config = ScpConfig.load();                  // System.getenv() and ~/.scpconf
 * config.authUrl();                                     // Optional[https://iam.e.samsungsdscloud.com/v1]
 * config.source(ScpConfig.Setting.AUTH_URL);            // Optional[/home/me/.scpconf/config.json line 2]
 * ScpImageClient client = ScpImageClient.builder().configuration(config).build();
 *
 * ScpConfig forTests = ScpConfig.load(Map.of("SCP_CONFIG_DIR", tempDir.toString()));
 * </pre>
 */
public final class ScpConfig {

    /** Environment variable naming the configuration directory (default {@code ~/.scpconf}). */
    public static final String CONFIG_DIR_VARIABLE = "SCP_CONFIG_DIR";
    /** The directory's name in the home directory. */
    public static final String DIRECTORY_NAME = ".scpconf";
    /** The file with the service settings. */
    public static final String CONFIG_FILE = "config.json";
    /** The file with the key pair. */
    public static final String CREDENTIALS_FILE = "credentials.json";
    /** What SCP's tools warn within when {@code max-remain-days} is not set. */
    public static final int DEFAULT_MAX_REMAIN_DAYS = VersionCheck.DEFAULT_MAX_REMAIN_DAYS;

    /**
     * One setting and where the chain looks for it. A setting the vendor's tools do not have has no
     * vendor variable or file key ({@link #REGION}); {@link #DEFAULT_REGION} and
     * {@link #MAX_REMAIN_DAYS} have no variable of this toolkit.
     */
    public enum Setting {
        /** The IAM URL whose endpoint catalog names the service's endpoint. */
        AUTH_URL("SCP_AUTH_URL", "SCP_TF_AUTH_URL", CONFIG_FILE, "auth-url"),
        /** The service's endpoint; when set, no endpoint is discovered. */
        ENDPOINT("SCP_ENDPOINT", "SCP_TF_ENDPOINT_OVERRIDE", CONFIG_FILE, "endpoint-override"),
        /** The region to prefer when discovering the endpoint. */
        REGION("SCP_REGION", null, null, null),
        /** The region to prefer when no region is requested (or it has no endpoint). */
        DEFAULT_REGION(null, "SCP_TF_DEFAULT_REGION", CONFIG_FILE, "default-region"),
        /** The account (project) id requests are signed for. */
        ACCOUNT_ID("SCP_ACCOUNT_ID", "SCP_TF_ACCOUNT_ID", CONFIG_FILE, "account-id"),
        /** The access key. */
        ACCESS_KEY("SCP_ACCESS_KEY", "SCP_TF_ACCESS_KEY", CREDENTIALS_FILE, "access-key"),
        /** The secret key (never shown). */
        SECRET_KEY("SCP_SECRET_KEY", "SCP_TF_SECRET_KEY", CREDENTIALS_FILE, "secret-key"),
        /** Warn when the client's version has this many days or fewer left (default 90). */
        MAX_REMAIN_DAYS(null, "SCP_TF_MAX_REMAIN_DAYS", CONFIG_FILE, "max-remain-days");

        private final String variable;
        private final String vendorVariable;
        private final String file;
        private final String key;

        Setting(String variable, String vendorVariable, String file, String key) {
            this.variable = variable;
            this.vendorVariable = vendorVariable;
            this.file = file;
            this.key = key;
        }

        /** This toolkit's environment variable, if the setting has one. */
        public Optional<String> variable() {
            return Optional.ofNullable(variable);
        }

        /** The vendor's ({@code SCP_TF_*}) environment variable, if the setting has one. */
        public Optional<String> vendorVariable() {
            return Optional.ofNullable(vendorVariable);
        }

        /** The file of {@code ~/.scpconf} holding it ({@value #CONFIG_FILE} or {@value #CREDENTIALS_FILE}), if any. */
        public Optional<String> file() {
            return Optional.ofNullable(file);
        }

        /** Its key in that file, e.g. {@code auth-url}. */
        public Optional<String> key() {
            return Optional.ofNullable(key);
        }

        /** Whether the value is a secret (never shown). */
        public boolean secret() {
            return this == SECRET_KEY;
        }

        /** The setting's usual name, its file key or else its variable (e.g. {@code auth-url}, {@code SCP_REGION}). */
        public String displayName() {
            return key != null ? key : variable;
        }
    }

    /** A value and where it came from. */
    private record Value(String text, String source) {
    }

    private final Map<Setting, Value> values;
    private final Path directory;

    private ScpConfig(Map<Setting, Value> values, Path directory) {
        Map<Setting, Value> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        this.values = Collections.unmodifiableMap(copy);
        this.directory = directory;
    }

    /** No settings at all (for code that configures everything itself, and for tests). */
    public static ScpConfig empty() {
        return new ScpConfig(new EnumMap<>(Setting.class), null);
    }

    /** The chain over {@link System#getenv()} and the configuration directory it names. */
    public static ScpConfig load() {
        return load(System.getenv());
    }

    /**
     * The chain over {@code environment} (instead of the process's, e.g. in tests), including the
     * configuration directory: {@code SCP_CONFIG_DIR}, else {@code .scpconf} in {@code HOME}
     * ({@code USERPROFILE} on Windows), else in the JVM's {@code user.home}.
     *
     * @throws ScpConfigException when a file exists but cannot be used, or a value is of the wrong type
     */
    public static ScpConfig load(Map<String, String> environment) {
        Objects.requireNonNull(environment, "environment");
        return load(environment, directory(environment));
    }

    /** The chain over {@code environment} and the configuration files in {@code directory}. */
    public static ScpConfig load(Map<String, String> environment, Path directory) {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(directory, "directory");
        Map<Setting, Value> values = new EnumMap<>(Setting.class);
        Map<String, Map<String, ConfigFile.Value>> files = new java.util.HashMap<>();
        for (String file : List.of(CONFIG_FILE, CREDENTIALS_FILE)) {
            Set<String> keys = Arrays.stream(Setting.values()).filter(s -> file.equals(s.file)).map(s -> s.key)
                    .collect(Collectors.toSet());
            files.put(file, ConfigFile.read(directory.resolve(file), keys, Set.of(Setting.MAX_REMAIN_DAYS.key),
                    CREDENTIALS_FILE.equals(file)));
        }
        for (Setting setting : Setting.values()) {
            Value value = fromVariable(environment, setting.variable);
            if (value == null) {
                value = fromVariable(environment, setting.vendorVariable);
            }
            if (value == null && setting.file != null) {
                ConfigFile.Value inFile = files.get(setting.file).get(setting.key);
                if (inFile != null) {
                    value = new Value(inFile.text(), directory.resolve(setting.file) + " line " + inFile.line());
                }
            }
            if (value != null) {
                values.put(setting, value);
            }
        }
        ScpConfig config = new ScpConfig(values, directory);
        config.maxRemainDays();   // a value that is not a number fails here, naming its source
        return config;
    }

    /** The configuration directory {@link #load(Map)} reads for {@code environment}. */
    public static Path directory(Map<String, String> environment) {
        String explicit = environment.get(CONFIG_DIR_VARIABLE);
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit.trim());
        }
        boolean windows = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
        String home = environment.get(windows ? "USERPROFILE" : "HOME");
        if (home == null || home.isBlank()) {
            home = System.getProperty("user.home");
        }
        return Path.of(home).resolve(DIRECTORY_NAME);
    }

    private static Value fromVariable(Map<String, String> environment, String variable) {
        if (variable == null) {
            return null;
        }
        String value = environment.get(variable);
        return value == null || value.isBlank() ? null : new Value(value.trim(), "environment variable " + variable);
    }

    /**
     * This configuration with {@code setting} set to {@code value} (null or blank: left as it is),
     * which wins over everything the chain found; {@code source} says where it came from in
     * messages, e.g. {@code "option --region"}.
     */
    public ScpConfig with(Setting setting, String value, String source) {
        Objects.requireNonNull(setting, "setting");
        if (value == null || value.isBlank()) {
            return this;
        }
        Map<Setting, Value> copy = new EnumMap<>(Setting.class);
        copy.putAll(values);
        copy.put(setting, new Value(value.trim(), Objects.requireNonNull(source, "source")));
        ScpConfig config = new ScpConfig(copy, directory);
        config.maxRemainDays();
        return config;
    }

    /** The value of a setting. */
    public Optional<String> get(Setting setting) {
        return Optional.ofNullable(values.get(setting)).map(Value::text);
    }

    /**
     * Where a setting's value came from: {@code environment variable SCP_TF_AUTH_URL},
     * {@code /home/me/.scpconf/config.json line 2}, or what {@link #with} was given.
     */
    public Optional<String> source(Setting setting) {
        return Optional.ofNullable(values.get(setting)).map(Value::source);
    }

    /** The setting with its source for messages, e.g. {@code auth-url (from environment variable SCP_AUTH_URL)}. */
    String described(Setting setting) {
        return setting.displayName() + source(setting).map(s -> " (from " + s + ")").orElse("");
    }

    /** The directory the files were read from; empty for {@link #empty()}. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }

    /** {@link Setting#AUTH_URL}. */
    public Optional<String> authUrl() {
        return get(Setting.AUTH_URL);
    }

    /** {@link Setting#ENDPOINT}. */
    public Optional<String> endpoint() {
        return get(Setting.ENDPOINT);
    }

    /** {@link Setting#REGION}. */
    public Optional<String> region() {
        return get(Setting.REGION);
    }

    /** {@link Setting#DEFAULT_REGION}. */
    public Optional<String> defaultRegion() {
        return get(Setting.DEFAULT_REGION);
    }

    /** {@link Setting#ACCOUNT_ID}. */
    public Optional<String> accountId() {
        return get(Setting.ACCOUNT_ID);
    }

    /**
     * {@link Setting#MAX_REMAIN_DAYS}, else {@value #DEFAULT_MAX_REMAIN_DAYS}.
     *
     * @throws ScpConfigException when the value is not a whole number of 0 or more
     */
    public int maxRemainDays() {
        Optional<String> value = get(Setting.MAX_REMAIN_DAYS);
        if (value.isEmpty()) {
            return DEFAULT_MAX_REMAIN_DAYS;
        }
        try {
            int days = Integer.parseInt(value.get());
            if (days >= 0) {
                return days;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        throw new ScpConfigException(described(Setting.MAX_REMAIN_DAYS) + " must be a whole number of days (0 or more), not '"
                + value.get() + "'", null);
    }

    /**
     * The key pair (with the account id, if any), each part from the first source that has it;
     * empty when neither key is set anywhere.
     *
     * @throws ScpConfigException when only one of the access key and the secret key is set (the
     *         message says which, and where the other came from; never a value of the secret)
     */
    public Optional<ScpCredentials> credentials() {
        Optional<String> access = get(Setting.ACCESS_KEY);
        Optional<String> secret = get(Setting.SECRET_KEY);
        if (access.isEmpty() && secret.isEmpty()) {
            return Optional.empty();
        }
        if (access.isEmpty() || secret.isEmpty()) {
            Setting found = access.isPresent() ? Setting.ACCESS_KEY : Setting.SECRET_KEY;
            Setting missing = access.isPresent() ? Setting.SECRET_KEY : Setting.ACCESS_KEY;
            throw new ScpConfigException("the " + found.displayName() + " is set (from " + source(found).orElseThrow()
                    + ") but no " + missing.displayName() + " is: " + whereToSet(missing), null);
        }
        try {
            return Optional.of(ScpCredentials.of(access.get(), secret.get(), accountId().orElse(null)));
        } catch (IllegalArgumentException invalid) {
            // ScpCredentials' messages name the field, never a value
            throw new ScpConfigException("the credentials cannot be used: " + invalid.getMessage(), null);
        }
    }

    /** How to set a setting, for messages: its variables and its file key. */
    static String whereToSet(Setting setting) {
        List<String> ways = new ArrayList<>();
        setting.variable().ifPresent(ways::add);
        setting.vendorVariable().ifPresent(ways::add);
        setting.file().ifPresent(file -> ways.add("\"" + setting.key + "\" in ~/" + DIRECTORY_NAME + "/" + file));
        return "set " + String.join(", ", ways.subList(0, Math.max(0, ways.size() - 1)))
                + (ways.size() > 1 ? " or " : "") + ways.get(ways.size() - 1);
    }

    /** Every setting found, with its source; the secret key is always masked. */
    @Override
    public String toString() {
        return "ScpConfig[" + values.entrySet().stream()
                .map(e -> e.getKey().displayName() + "=" + (e.getKey().secret() ? "****" : e.getValue().text())
                        + " (" + e.getValue().source() + ")")
                .collect(Collectors.joining(", ")) + "]";
    }
}
