package io.github.scptoolkit.image.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import picocli.CommandLine;

/**
 * One run of the command line with captured output. Unless the test's environment names one, the
 * configuration directory is one that does not exist, so no test reads the real {@code ~/.scpconf}.
 */
record CliRun(int exit, String out, String err) {

    static final Path NO_CONFIG_DIR = Path.of("target", "no-scpconf-" + ProcessHandle.current().pid());

    static CliRun run(Map<String, String> env, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Map<String, String> isolated = new HashMap<>(env);
        if (!env.containsKey("SCP_CONFIG_DIR") && !env.containsKey("HOME")) {
            isolated.put("SCP_CONFIG_DIR", NO_CONFIG_DIR.toAbsolutePath().toString());
        }
        CommandLine cli = ScpImageCli.commandLine(isolated, clock);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, Clock.systemUTC(), args);
    }

    /** Both streams, for checks that something appears in neither. */
    String all() {
        return out + err;
    }
}
