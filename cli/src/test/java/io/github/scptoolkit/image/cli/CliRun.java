package io.github.scptoolkit.image.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Map;

import picocli.CommandLine;

/** One run of the command line with captured output. */
record CliRun(int exit, String out, String err) {

    static CliRun run(Map<String, String> env, Clock clock, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = ScpImageCli.commandLine(env, clock);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new CliRun(exit, out.toString(), err.toString());
    }

    static CliRun run(Map<String, String> env, String... args) {
        return run(env, Clock.systemUTC(), args);
    }
}
