package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.it.docs.DocBlocks;
import io.github.scptoolkit.image.it.docs.DocClaims;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The shell blocks of the docs that call the emulator do what the docs say, against the emulator on
 * random ports ({@code 127.0.0.1:8080} in a command is this test's emulator): every {@code java -jar}
 * of the CLI runs, as a process, the jar the cli module makes, with the variables {@code export}ed above it on its
 * page and the {@code ~/.scpconf} files the emulator prints, and succeeds, or fails with the output shown
 * below it ({@code <...>} and a trailing {@code ...} stand for any text); every {@code java -jar} of
 * the emulator runs the jar reference-server makes and starts the emulator with its options; every
 * {@code curl} is answered 200 by an emulator started with the options the text above its block
 * names; and docs/emulator.md's catalog is a catalog the emulator loads and serves to the owner and
 * members of each image.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class EmulatorPageIT {

    private static final Path ROOT = DocBlocks.root();
    private static final String DOC_ADDRESS = "127.0.0.1:8080";
    private static final Pattern OPTION = Pattern.compile("`(--[\\w.\\[\\]-]+=[^`\\s]+)`");

    /** The emulator as docs/emulator.md starts it: default settings. */
    @LocalServerPort
    int port;

    @TempDir
    Path dir;

    @Test
    void everyCliJarCommandSucceedsOrFailsAsShown() throws IOException {
        String jar = "cli/target/" + artifactId("cli") + "-" + projectVersion() + "-exec.jar";
        // one terminal per page: what a block exports holds for the blocks below it
        Map<String, List<DocBlocks.Command>> byPage = new LinkedHashMap<>();
        DocClaims.CLI_JAR.commands().forEach(c -> byPage.computeIfAbsent(c.block().page(), b -> new ArrayList<>()).add(c));
        int ran = 0;
        for (List<DocBlocks.Command> commands : byPage.values()) {
            Map<String, String> env = new HashMap<>();
            env.put(ScpConfig.CONFIG_DIR_VARIABLE, emulatorsScpconf(port).toString());
            for (DocBlocks.Command command : commands) {
                List<String> words = words(command.text().replace(DOC_ADDRESS, "127.0.0.1:" + port));
                if (words.get(0).equals("export")) {
                    for (String assignment : words.subList(1, words.size())) {
                        String[] kv = assignment.split("=", 2);
                        env.put(kv[0], kv[1]);
                    }
                    continue;
                }
                assertThat(words.subList(0, 3)).as("%s: runs the CLI's executable jar", command).containsExactly("java", "-jar", jar);
                assertThat(ROOT.resolve(jar)).as("%s: made by the cli module's package", command).isRegularFile();
                CliIT.Run run = runJar(env, words);
                List<String> printed = (run.out() + run.err()).lines().toList();
                boolean fails = command.output().stream().anyMatch(l -> l.startsWith("error:"));
                assertThat(run.exit() != 0).as("%s fails (exit %s):%n%s", command, run.exit(), run.err()).isEqualTo(fails);
                for (String shown : command.output()) {
                    Pattern line = shownLine(shown);
                    assertThat(printed).as("%s prints %s", command, shown).anyMatch(l -> line.matcher(l).matches());
                }
                if (command.note().contains("public image")) {
                    assertThat(run.json().path("visibility").asText()).as(command.toString()).isEqualTo("public");
                }
                ran++;
            }
        }
        assertThat(ran).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyEmulatorJarCommandStartsTheEmulatorWithItsOptions() throws IOException {
        String jar = "reference-server/target/" + artifactId("reference-server") + "-" + projectVersion() + "-exec.jar";
        for (DocBlocks.Command command : DocClaims.EMULATOR_JAR.commands()) {
            List<String> words = words(command.text());
            assertThat(words.subList(0, 3)).as("%s: runs the emulator's executable jar", command).containsExactly("java", "-jar", jar);
            assertMadeByTheBuild(jar);
            List<String> options = words.subList(3, words.size());
            try (ConfigurableApplicationContext emulator = start(options)) {
                for (String option : options) {
                    String[] kv = option.substring(2).split("=", 2);
                    assertThat(emulator.getEnvironment().getProperty(kv[0])).as("%s: %s", command, option).isEqualTo(kv[1]);
                }
                if (options.contains("--scp.versions.serve-retired=true")) {
                    int other = port(emulator);
                    for (ScpServiceVersion version : ScpServiceVersion.all()) {
                        CliIT.Run run = CliIT.run(CliIT.DEMO_ENV, "show", ReferenceServer.SEED_IMAGE_ID, "--endpoint",
                                "http://127.0.0.1:" + other, "--api-version", version.getVersion());
                        assertThat(run.exit()).as("%s: version %s is served%n%s", command, version, run.err()).isZero();
                    }
                }
            }
        }
    }

    @Test
    void everyCurlCommandIsAnswered() throws Exception {
        Map<DocBlocks.Block, List<DocBlocks.Command>> byBlock = new LinkedHashMap<>();
        DocClaims.CURL.commands().forEach(c -> byBlock.computeIfAbsent(c.block(), b -> new ArrayList<>()).add(c));
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<DocBlocks.Block, List<DocBlocks.Command>> block : byBlock.entrySet()) {
            List<String> options = optionsNamedAbove(block.getKey());
            try (ConfigurableApplicationContext emulator = start(options)) {
                int other = port(emulator);
                for (DocBlocks.Command command : block.getValue()) {
                    List<String> words = words(command.text());
                    HttpRequest.Builder request = HttpRequest.newBuilder();
                    String url = null;
                    Map<String, String> headers = new LinkedHashMap<>();
                    for (int i = 1; i < words.size(); i++) {
                        if (words.get(i).equals("-H")) {
                            String[] header = words.get(++i).split(":\\s*", 2);
                            headers.put(header[0], header[1]);
                        } else {
                            assertThat(words.get(i)).as("%s: curl's only option here is -H", command).doesNotStartWith("-");
                            assertThat(url).as("%s: one URL", command).isNull();
                            url = words.get(i);
                        }
                    }
                    assertThat(url).as(command.toString()).startsWith("http://" + DOC_ADDRESS + "/");
                    headers.forEach(request::header);
                    HttpResponse<String> response = http.send(request.uri(URI.create(url.replace(DOC_ADDRESS, "127.0.0.1:" + other)))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());

                    assertThat(response.statusCode()).as("%s (emulator options %s):%n%s", command, options, response.body())
                            .isEqualTo(200);
                    assertThat(ReferenceServer.json(response.body()).isObject()).as(command.toString()).isTrue();
                    if (headers.containsKey(ScpApi.VERSION_HEADER)) {
                        assertThat(response.headers().firstValue(ScpApi.VERSION_HEADER)).as(command.toString())
                                .contains(headers.get(ScpApi.VERSION_HEADER));
                    }
                }
            }
        }
    }

    @Test
    void theCatalogBlockIsACatalogTheEmulatorServes() throws IOException {
        Properties application = new Properties();
        try (Reader in = Files.newBufferedReader(ROOT.resolve("reference-server/src/main/resources/application.properties"))) {
            application.load(in);
        }
        for (DocBlocks.Block block : DocClaims.CATALOG.blocks()) {
            Path catalog = Files.writeString(dir.resolve("catalog-" + block.line() + ".json"), block.text());
            JsonNode entries = ReferenceServer.json(block.text());
            assertThat(entries.isArray() && !entries.isEmpty()).as("%s: a JSON array of entries", block).isTrue();
            try (ConfigurableApplicationContext emulator = start(List.of("--scp.catalog=file:" + catalog))) {
                int other = port(emulator);
                for (JsonNode entry : entries) {
                    JsonNode image = entry.path("image");
                    List<String> projects = new ArrayList<>();
                    projects.add(image.path("owner").asText());
                    entry.path("members").forEach(m -> projects.add(m.asText()));
                    for (String project : projects) {
                        ScpCredentials tenant = tenantOf(application, project);
                        HttpResponse<String> response = ReferenceServer.signedGet(other,
                                ReferenceServer.imagePath(image.path("id").asText()), Map.of(), new ScpSigner(tenant));
                        assertThat(response.statusCode()).as("%s: project %s sees %s%n%s", block, project,
                                image.path("id").asText(), response.body()).isEqualTo(200);
                        JsonNode served = ReferenceServer.json(response.body());
                        served.fieldNames().forEachRemaining(field -> assertThat(served.get(field)).as("%s: %s", block, field)
                                .isEqualTo(image.get(field)));
                    }
                }
            }
        }
    }

    // ---- Plumbing --------------------------------------------------------------------------

    /** Runs a {@code java -jar} command line as a process in the project directory, with only {@code env}'s SCP variables. */
    private CliIT.Run runJar(Map<String, String> env, List<String> words) throws IOException {
        List<String> command = new ArrayList<>(words);
        command.set(0, Path.of(System.getProperty("java.home"), "bin", "java").toString());
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("SCP_"));
        builder.environment().put("HOME", Files.createDirectories(dir.resolve("home")).toString());
        builder.environment().putAll(env);
        builder.redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile());
        Process process = builder.start();
        try {
            assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("%s ends", words).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new CliIT.Run(process.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    /** The options ({@code `--name=value`}) the prose between the previous block and this one names. */
    private static List<String> optionsNamedAbove(DocBlocks.Block block) {
        List<String> lines = DocBlocks.read(block.page()).lines().toList();
        int from = block.line() - 2;
        while (from > 0 && !lines.get(from - 1).strip().startsWith("```")) {
            from--;
        }
        List<String> options = new ArrayList<>();
        Matcher m = OPTION.matcher(String.join("\n", lines.subList(from, block.line() - 1)));
        while (m.find()) {
            options.add(m.group(1));
        }
        return options;
    }

    private static ConfigurableApplicationContext start(List<String> options) {
        List<String> args = new ArrayList<>(options);
        args.add("--server.port=0");
        args.add("--server.address=127.0.0.1");
        return new SpringApplication(ReferenceServerApplication.class).run(args.toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The demo tenant of {@code project} in the emulator's {@code application.properties}. */
    private static ScpCredentials tenantOf(Properties application, String project) {
        for (int i = 0; application.getProperty("scp.emulator.tenants[" + i + "].access-key") != null; i++) {
            String prefix = "scp.emulator.tenants[" + i + "].";
            if (project.equals(application.getProperty(prefix + "project-id"))
                    && application.getProperty(prefix + "actions").contains(ScpApi.SHOW_IMAGE.actionId())) {
                return ScpCredentials.of(application.getProperty(prefix + "access-key"), application.getProperty(prefix + "secret-key"));
            }
        }
        throw new AssertionError("no demo tenant of project " + project + " may show images");
    }

    /** A configuration directory with the {@code config.json} the emulator prints, at {@code port}. */
    private Path emulatorsScpconf(int port) throws IOException {
        Path scpconf = Files.createDirectories(dir.resolve("scpconf-" + port));
        Files.writeString(scpconf.resolve("config.json"),
                "{\"auth-url\": \"http://127.0.0.1:" + port + "/v1\", \"default-region\": \"kr-west1\"}");
        return scpconf;
    }

    /** A line of output as the docs show it: {@code <...>} and a trailing {@code ...} stand for any text. */
    static Pattern shownLine(String shown) {
        String text = shown.endsWith(" ...") ? shown.substring(0, shown.length() - 4) + "<…>" : shown;
        return Pattern.compile(Stream.of(text.split("<[^>]*>", -1)).map(Pattern::quote).reduce((a, b) -> a + ".*" + b).orElse(""));
    }

    private static void assertMadeByTheBuild(String jar) {
        Path target = ROOT.resolve(jar).getParent();
        if (Files.isDirectory(target)) {
            assertThat(ROOT.resolve(jar)).as("made by package").isRegularFile();
        }
    }

    private static String artifactId(String module) throws IOException {
        Matcher id = Pattern.compile("<artifactId>([^<]+)</artifactId>")
                .matcher(Files.readString(ROOT.resolve(module).resolve("pom.xml")).replaceAll("(?s)<parent>.*?</parent>", ""));
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private static String projectVersion() throws IOException {
        Matcher version = Pattern.compile("<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")).replaceAll("(?s)<parent>.*?</parent>", ""));
        assertThat(version.find()).isTrue();
        return version.group(1);
    }

    private static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(command);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
        }
        return words;
    }
}
