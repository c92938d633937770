package io.github.scptoolkit.image.cli;

import java.time.Clock;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code scp-image}: a small command line on the client. {@code show} shows an image from any
 * endpoint in any version of the spec, signing each request (credentials from options or
 * {@code SCP_ACCESS_KEY}, {@code SCP_SECRET_KEY}, {@code SCP_ACCOUNT_ID}); {@code versions} lists
 * the service's versions document (unsigned). Exit codes: 0 done, 2 usage, 3 not found (404), 4 not
 * authorized (401/403), 5 other HTTP error or an answer that is not what the spec says, 6 I/O
 * error (cannot connect, timeout).
 *
 * <pre>
 * SCP_ACCESS_KEY=test SCP_SECRET_KEY=test \
 * java -jar cli/target/scp-image-cli-0.1.0-SNAPSHOT-exec.jar show 70a599e0-31e7-49b7-b260-868f441e862b \
 *      --endpoint http://127.0.0.1:8080 --api-version &lt;version&gt; --verbose
 * java -jar cli/target/scp-image-cli-0.1.0-SNAPSHOT-exec.jar versions --endpoint http://127.0.0.1:8080
 * </pre>
 */
@Command(name = "scp-image", mixinStandardHelpOptions = true, version = "scp-image 0.1.0",
        description = "Calls SCP Virtual Server image APIs (or the local emulator).",
        subcommands = {ShowCommand.class, VersionsCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done (the image or the versions were shown)",
            "2:usage error (bad option or version, no credentials)",
            "3:not found (HTTP 404)",
            "4:not authorized (HTTP 401 or 403)",
            "5:other HTTP error, or an answer that is not what the spec says",
            "6:I/O error (cannot connect, timeout)"})
public final class ScpImageCli {

    /** The endpoint the commands call unless given {@code --endpoint}: the local emulator. */
    static final String DEFAULT_ENDPOINT = "http://127.0.0.1:8080";

    /** Exit code: the image (or the versions) were shown. */
    public static final int OK = 0;
    /** Exit code: bad usage (picocli's own usage code). */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code: HTTP 404. */
    public static final int NOT_FOUND = 3;
    /** Exit code: HTTP 401 or 403. */
    public static final int NOT_AUTHORIZED = 4;
    /** Exit code: any other HTTP error status, or a 200 whose body is not what the spec says. */
    public static final int HTTP_ERROR = 5;
    /** Exit code: no HTTP answer (connection refused, timeout, ...). */
    public static final int IO_ERROR = 6;

    private ScpImageCli() {
    }

    /**
     * Runs the command line and exits with its code. The client's one warning for a DEPRECATED
     * version (java.util.logging) prints as a single {@code WARNING: ...} line on stderr.
     */
    public static void main(String[] args) {
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%n");
        }
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * The command line, reading credentials from {@code env} when not given as options; set its
     * out/err writers to capture output.
     *
     * <pre>
     * int exit = ScpImageCli.commandLine(System.getenv()).execute("show", id, "--endpoint", url);
     * </pre>
     */
    public static CommandLine commandLine(Map<String, String> env) {
        return commandLine(env, Clock.systemUTC());
    }

    /** The command line with a clock for "today" (days left to a Not Before date). */
    static CommandLine commandLine(Map<String, String> env, Clock clock) {
        CommandLine cli = new CommandLine(ScpImageCli.class, new CommandLine.IFactory() {
            private final CommandLine.IFactory defaults = CommandLine.defaultFactory();

            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type == ShowCommand.class) {
                    return type.cast(new ShowCommand(env));
                }
                if (type == VersionsCommand.class) {
                    return type.cast(new VersionsCommand(clock));
                }
                return defaults.create(type);
            }
        });
        return cli.setCaseInsensitiveEnumValuesAllowed(true);
    }
}
