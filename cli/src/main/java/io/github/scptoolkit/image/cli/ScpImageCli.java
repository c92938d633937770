package io.github.scptoolkit.image.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * {@code scp-image}: a command line on the client. {@code show} shows an image in any version of
 * the spec (signed), {@code versions} lists the service's versions document and warns as SCP's
 * tools do, {@code completion} prints a bash/zsh completion script. Settings come from options,
 * else the configuration chain SCP's own tools use (environment variables, {@code ~/.scpconf});
 * see docs/cli.md. Exit codes: 0 done, 2 usage, 3 not found (404), 4 not authorized (401/403), 5
 * other HTTP error or an answer that is not what the spec says, 6 no (whole) answer (cannot
 * connect, timeout, a body cut short).
 *
 * <pre>
 * scp-image show 70a599e0-31e7-49b7-b260-868f441e862b              # with ~/.scpconf set up
 * scp-image show 70a599e0-31e7-49b7-b260-868f441e862b -f value -c name
 * scp-image versions --endpoint http://127.0.0.1:8080
 * </pre>
 */
@Command(name = "scp-image", mixinStandardHelpOptions = true, versionProvider = ScpImageCli.Version.class,
        description = "Calls SCP Virtual Server image APIs (or the local emulator), configured as SCP's own tools are"
                + " (~/.scpconf, SCP_* and SCP_TF_* variables).",
        subcommands = {ShowCommand.class, VersionsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (the image or the versions were shown)",
            "2:usage error (bad option, URL or version, no credentials, unusable ~/.scpconf)",
            "3:not found (HTTP 404)",
            "4:not authorized (HTTP 401 or 403)",
            "5:other HTTP error, or an answer that is not what the spec says",
            "6:no (whole) answer (cannot connect, timeout, body cut short)"})
public final class ScpImageCli {

    /** The endpoint the commands call when nothing else is configured: the local emulator. */
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8080";

    /** Exit code: the image (or the versions) were shown. */
    public static final int OK = 0;
    /** Exit code: an unexpected failure of the command line itself. */
    public static final int INTERNAL_ERROR = 1;
    /** Exit code: bad usage (picocli's own usage code). */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code: HTTP 404. */
    public static final int NOT_FOUND = 3;
    /** Exit code: HTTP 401 or 403. */
    public static final int NOT_AUTHORIZED = 4;
    /** Exit code: any other HTTP error status, or a 200 whose body is not what the spec says. */
    public static final int HTTP_ERROR = 5;
    /** Exit code: no (whole) HTTP answer (connection refused, timeout, body cut short). */
    public static final int IO_ERROR = 6;

    /** Options whose values are never repeated in messages. */
    private static final List<String> SECRET_OPTIONS = List.of("--secret-key", "--access-key", "--account-id");
    /** User info in a URL. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b(https?://)[^/\\s@]*@");

    private ScpImageCli() {
    }

    /**
     * Runs the command line and exits with its code. The client's warnings (java.util.logging)
     * print as single {@code WARNING: ...} lines on stderr.
     */
    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%n");
        }
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The command line, reading the configuration chain from {@code env} (and the configuration
     * directory it names, see {@code ScpConfig}); set its out/err writers to capture output.
     *
     * <pre>
     * int exit = ScpImageCli.commandLine(System.getenv()).execute("show", id, "--endpoint", url);
     * </pre>
     */
    public static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, Clock.systemUTC());
    }

    /** The command line with a clock for "today" (days left to a Not Before date) and signatures. */
    static CommandLine commandLine(Map<String, String> env, Clock clock) {
        CommandLine cli = new CommandLine(ScpImageCli.class, new CommandLine.IFactory() {
            private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ShowCommand.class) {
                    return type.cast(new ShowCommand(env, clock));
                }
                if (type == VersionsCommand.class) {
                    return type.cast(new VersionsCommand(env, clock));
                }
                return defaults.create(type);
            }
        });
        cli.addSubcommand("completion", new AutoComplete.GenerateCompletion());
        CommandLine completion = cli.getSubcommands().get("completion");
        completion.getCommandSpec().usageMessage().hidden(false)
                .description("Prints a bash/zsh completion script for scp-image:", "  source <(scp-image completion)");
        Version version = new Version();
        cli.getCommandSpec().versionProvider(version);
        cli.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(version));
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(ScpImageCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            err.println("error: " + redact(e.getClass().getSimpleName() + ": " + Failures.firstLine(e.getMessage()),
                    parseResult.originalArgs().toArray(String[]::new)));
            err.flush();
            return INTERNAL_ERROR;
        });
        return cli;
    }

    /**
     * A usage error: one line saying what is wrong, never a value given to a secret option, never
     * user info of a URL, never the value of an unknown option (it may be a secret typed after a
     * mistyped option name); then where to find help.
     */
    static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message;
        if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
            List<String> options = new ArrayList<>();
            int others = 0;
            for (String arg : unmatched.getUnmatched()) {
                if (arg.startsWith("-") && arg.length() > 1) {
                    options.add(arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg);
                } else {
                    others++;
                }
            }
            List<String> parts = new ArrayList<>();
            if (!options.isEmpty()) {
                parts.add("unknown option" + (options.size() > 1 ? "s " : " ")
                        + options.stream().map(o -> "'" + o + "'").collect(Collectors.joining(", ")));
            }
            if (others > 0) {
                parts.add(others + " unexpected argument" + (others > 1 ? "s" : "")
                        + " (not repeated here: it may be a value meant for a mistyped option)");
            }
            List<String> suggestions = unmatched.getSuggestions();
            message = String.join("; ", parts) + (suggestions.isEmpty() ? ""
                    : "; did you mean " + suggestions.stream().limit(3).collect(Collectors.joining(" or ")) + "?");
        } else {
            message = ex.getMessage();
        }
        err.println("error: " + redact(message, args));
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** {@code message} without the values given to secret options and without user info in URLs. */
    static String redact(String message, String[] args) {
        String m = message == null ? "" : message;
        for (int i = 0; i < args.length; i++) {
            for (String option : SECRET_OPTIONS) {
                String value = null;
                if (args[i].equals(option) && i + 1 < args.length) {
                    value = args[i + 1];
                } else if (args[i].startsWith(option + "=")) {
                    value = args[i].substring(option.length() + 1);
                }
                if (value != null && !value.isEmpty()) {
                    // As a whole token only: a short value (an access key "k") must not mangle words.
                    m = Pattern.compile("(?<![\\p{Alnum}_-])" + Pattern.quote(value) + "(?![\\p{Alnum}_-])")
                            .matcher(m).replaceAll("****");
                }
            }
        }
        return USER_INFO.matcher(m).replaceAll("$1****@");
    }

    /** {@code -V}: the CLI's version, the spec's versions and the Java it runs on. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties build = new Properties();
            try (InputStream in = ScpImageCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    build.load(in);
                }
            } catch (IOException unreadable) {
                // reported as unknown below
            }
            String versions = ScpServiceVersion.all().stream().map(ScpServiceVersion::getVersion)
                    .collect(Collectors.joining(", "));
            return new String[] {
                "scp-image " + build.getProperty("version", "(unknown version)"),
                ScpApi.SERVICE + " API versions " + versions + " (CURRENT " + ScpServiceVersion.getLatest().getVersion() + ")",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
