package io.github.scptoolkit.image.it.docs;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.scptoolkit.image.spec.ContributingGuide;

/**
 * What each check of the docs verifies, as a rule over {@link DocBlocks}: a {@link BlockClaim}
 * takes whole fenced blocks, a {@link CommandClaim} single commands of shell blocks (a shell block
 * is checked when every one of its commands is). A check reads its blocks or commands from its
 * claim ({@link BlockClaim#blocks()}, {@link CommandClaim#commands()}) and verifies each of them,
 * so a claim is exactly what its check verifies; {@link EveryDocBlockIsCheckedTest} fails for any
 * block that no claim covers, for a claim that covers nothing, and for a claim no check reads.
 *
 * <pre>
 * for (DocBlocks.Block block : DocClaims.PROPERTIES.blocks()) {
 *     // verify the block
 * }
 * </pre>
 */
public final class DocClaims {

    /** A claim on whole blocks by the check {@code check} ({@code Class#method}). */
    public record BlockClaim(String name, String check, Predicate<DocBlocks.Block> rule) {

        /** The blocks this claim covers; never empty (a claim on nothing is stale). */
        public List<DocBlocks.Block> blocks() {
            List<DocBlocks.Block> blocks = DocBlocks.all().stream().filter(rule).toList();
            if (blocks.isEmpty()) {
                throw new AssertionError(name + " (" + check + ") claims no block of the docs");
            }
            return blocks;
        }
    }

    /** A claim on single commands of shell blocks by the check {@code check} ({@code Class#method}). */
    public record CommandClaim(String name, String check, Predicate<DocBlocks.Command> rule) {

        /** The commands this claim covers, in page order; never empty. */
        public List<DocBlocks.Command> commands() {
            List<DocBlocks.Command> commands = DocBlocks.all().stream().filter(DocClaims::isShell)
                    .flatMap(b -> b.commands().stream()).filter(rule).toList();
            if (commands.isEmpty()) {
                throw new AssertionError(name + " (" + check + ") claims no command of the docs");
            }
            return commands;
        }
    }

    private DocClaims() {
    }

    static boolean isShell(DocBlocks.Block block) {
        return block.language().equals("bash") || block.language().equals("sh");
    }

    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>.*?</dependency>", Pattern.DOTALL);

    // ---- Whole blocks ---------------------------------------------------------------------------

    /** Every {@code java} block is in a test source with its imports. */
    public static final BlockClaim JAVA = new BlockClaim("JAVA",
            "ReadmeTest#everyJavaBlockOfTheDocsIsInATestSourceWithItsImports", b -> b.language().equals("java"));

    /** Every {@code xml} block made only of this project's dependencies names artifacts of the build at its version. */
    public static final BlockClaim TOOLKIT_DEPENDENCIES = new BlockClaim("TOOLKIT_DEPENDENCIES",
            "ReadmeTest#everyDocumentedDependencyIsAnArtifactOfTheBuildAtItsVersion",
            b -> b.language().equals("xml") && DEPENDENCY.matcher(b.text()).find()
                    && DEPENDENCY.matcher(b.text()).replaceAll(d -> d.group().contains("<groupId>io.github.scptoolkit</groupId>")
                            ? "" : Matcher.quoteReplacement(d.group())).isBlank());

    /** README's server dependencies are the example application's. */
    public static final BlockClaim SERVER_EXAMPLE_DEPENDENCIES = new BlockClaim("SERVER_EXAMPLE_DEPENDENCIES",
            "ReadmeTest#theExampleApplicationIsReadmesServerExample",
            b -> b.page().equals("README.md") && b.language().equals("xml")
                    && b.equals(DocBlocks.of("README.md").stream().filter(x -> x.language().equals("xml")
                            && x.line() > DocBlocks.read("README.md").lines().toList().indexOf("## Implement the server interface"))
                            .findFirst().orElse(null)));

    /** docs/testkit.md's Surefire set-up is the one {@code testkit-example} builds with. */
    public static final BlockClaim TESTKIT_SUREFIRE = new BlockClaim("TESTKIT_SUREFIRE",
            "TestkitGuideTest#theRecommendedSurefireSetUpIsTheExampleProjects",
            b -> b.page().equals("docs/testkit.md") && b.language().equals("xml")
                    && b.text().contains("<artifactId>maven-surefire-plugin</artifactId>"));

    /** Every {@code properties} block loads and starts an application. */
    public static final BlockClaim PROPERTIES = new BlockClaim("PROPERTIES",
            "ReadmePropertiesIT#everyDocumentedPropertiesBlockStartsAnApplication", b -> b.language().equals("properties"));

    /** Every {@code json} block titled with a {@code ~/.scpconf/} file loads as that file. */
    public static final BlockClaim SCPCONF_FILES = new BlockClaim("SCPCONF_FILES",
            "DocsIT#everyScpconfFileOfTheDocsLoads", b -> b.language().equals("json") && b.title().startsWith("~/.scpconf/"));

    /** Every {@code console} block of {@code scp-image} commands gives the output shown, against the emulator. */
    public static final BlockClaim CLI_CONSOLE = new BlockClaim("CLI_CONSOLE",
            "DocsIT#everyConsoleCommandOfTheDocsGivesTheOutputShown",
            b -> b.language().equals("console") && b.text().lines().filter(l -> l.startsWith("$ "))
                    .allMatch(l -> l.startsWith("$ scp-image ")) && b.text().startsWith("$ "));

    /** The catalog sketch of docs/emulator.md is a catalog the emulator loads and serves. */
    public static final BlockClaim CATALOG = new BlockClaim("CATALOG",
            "EmulatorPageIT#theCatalogBlockIsACatalogTheEmulatorServes",
            b -> b.page().equals("docs/emulator.md") && b.language().equals("json") && b.title().isEmpty());

    /** The contributor guide's YAML edits, applied verbatim to the spec by ContributingGuide. */
    public static final BlockClaim CONTRIBUTING_YAML = new BlockClaim("CONTRIBUTING_YAML",
            "ContributingGuideVerbatimTest#everyYamlBlockOfTheGuideLandsVerbatimInTheSpecItEdits (and SpecEvolutionIT)",
            b -> b.page().equals("docs/contributing.md") && b.language().equals("yaml")
                    && ContributingGuide.SECTIONS.stream().flatMap(s -> ContributingGuide.yamlBlocks(s).stream())
                            .anyMatch(y -> y.strip().equals(b.text().strip())));

    // ---- Commands of shell blocks ---------------------------------------------------------------

    /** Every {@code ./mvnw} command names modules, profiles, properties and tests of the build. */
    public static final CommandClaim MAVEN = new CommandClaim("MAVEN",
            "CommandLinesTest#everyMavenCommandNamesModulesProfilesAndPropertiesOfTheBuild", c -> c.text().startsWith("./mvnw "));

    /**
     * The emulator command (Spring's AOT mode, the archive) runs what {@code package} makes;
     * DocumentedEmulatorCommandIT also runs it as written.
     */
    public static final CommandClaim EMULATOR_CDS = new CommandClaim("EMULATOR_CDS",
            "ReadmeTest#theEmulatorCommandRunsTheExtractedJarWithTheArchiveThePackageMakes",
            c -> c.text().startsWith("java -") && c.text().contains(" -jar reference-server/target/emulator/"));

    /** {@code java -jar} of the CLI (and the {@code export SCP_...} before it) run against the emulator with the output shown. */
    public static final CommandClaim CLI_JAR = new CommandClaim("CLI_JAR",
            "EmulatorPageIT#everyCliJarCommandSucceedsOrFailsAsShown",
            c -> c.text().startsWith("java -jar cli/target/") || c.text().startsWith("export SCP_"));

    /** {@code java -jar} of the emulator's jar starts the emulator with its options. */
    public static final CommandClaim EMULATOR_JAR = new CommandClaim("EMULATOR_JAR",
            "EmulatorPageIT#everyEmulatorJarCommandStartsTheEmulatorWithItsOptions",
            c -> c.text().startsWith("java -jar reference-server/target/"));

    /** {@code curl} commands are sent to the emulator and answered 200. */
    public static final CommandClaim CURL = new CommandClaim("CURL",
            "EmulatorPageIT#everyCurlCommandIsAnswered", c -> c.text().startsWith("curl "));

    /** {@code scp-image} commands of shell blocks succeed against the emulator. */
    public static final CommandClaim SCP_IMAGE = new CommandClaim("SCP_IMAGE",
            "DocsIT#everyScpImageCommandOfTheDocsBashBlocksSucceeds", c -> c.text().startsWith("scp-image "));

    /** The install commands of docs/cli.md (unpack, PATH, completion) are run by a shell. */
    public static final CommandClaim CLI_INSTALL = new CommandClaim("CLI_INSTALL",
            "CliInstallIT#theInstallCommandsOfTheDocsInstallTheLauncherAndItsCompletion",
            c -> !c.text().startsWith("./mvnw ") && c.block().commands().stream().anyMatch(x -> x.text().contains("tar -xzf ")));

    /** The lint commands are lines of {@code .ci/run}. */
    public static final CommandClaim CI_LINT = new CommandClaim("CI_LINT",
            "CommandLinesTest#theLintCommandsAreThoseOfCi", c -> c.text().contains("redocly") || c.text().contains("npm "));

    /** {@code java -cp} commands run main classes of the benchmarks with files that exist. */
    public static final CommandClaim BENCHMARK_MAIN = new CommandClaim("BENCHMARK_MAIN",
            "CommandLinesTest#theProfilingCommandsRunMainClassesOfTheBenchmarks",
            c -> c.text().startsWith("java ") && c.text().contains(" -cp "));
}
