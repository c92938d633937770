package io.github.scptoolkit.image.it.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/cli.md's install commands, run as written by bash in the project directory with a fresh
 * {@code HOME} (after the build, which made the archive they unpack): they install the launcher on
 * the {@code PATH}, it runs, and bash completes {@code scp-image}. Needs bash (skipped on Windows).
 */
class CliInstallIT {

    @TempDir
    Path home;

    @Test
    void theInstallCommandsOfTheDocsInstallTheLauncherAndItsCompletion() throws Exception {
        assumeFalse(System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows"), "bash");
        List<String> script = new ArrayList<>(List.of("set -eo pipefail"));
        for (DocBlocks.Command command : DocClaims.CLI_INSTALL.commands()) {
            script.add(command.text());
        }
        script.add("command -v scp-image");
        script.add("complete -p scp-image");
        script.add("scp-image --help");
        ProcessBuilder bash = new ProcessBuilder("bash", "-c", String.join("\n", script))
                .directory(DocBlocks.root().toFile()).redirectErrorStream(true);
        bash.environment().put("HOME", home.toString());
        bash.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = bash.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("%s%n%s", String.join("\n", script), output).isZero();
        assertThat(output).contains(home.resolve("opt").toString()).contains("scp-image").contains("Usage:");
        assertThat(Files.list(home.resolve("opt")).toList()).as("unpacked under ~/opt").isNotEmpty();
    }
}
