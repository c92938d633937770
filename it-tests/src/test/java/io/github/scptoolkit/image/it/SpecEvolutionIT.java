package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.util.FileSystemUtils;

import io.github.scptoolkit.image.spec.ContributingGuide;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpField;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The spec drives everything. A copy of this project whose spec gains the next version exactly as
 * {@code docs/contributing.md} ("Add a version") says, with no other file changed, builds its
 * client, server stub, emulator and CLI; then, on the wire of the copy's emulator: requests
 * without a version header and for the new version carry the new field; every older version keeps
 * its own shape (the fields of its schema in this build, never the new one); the versions
 * document lists one version more, the new one CURRENT; the copy's client has a constant for the
 * new version that is its latest, and its model a getter for the new field; the copy's CLI shows
 * the new version. A second edit on top (one more version, one more field) shows the same for any
 * number of versions. The copy and its build log stay under {@code target/evolution} for anyone
 * debugging. Skipped with {@code -Dscp.evolution.skip=true} (the nested build sets it).
 */
@DisabledIfSystemProperty(named = "scp.evolution.skip", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SpecEvolutionIT {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path PROJECT = Path.of("").toAbsolutePath().getParent();
    private static final Path WORK = Path.of("target", "evolution").toAbsolutePath();
    private static final Path COPY = WORK.resolve("project");
    private static final Path SPEC = COPY.resolve("api-spec/src/main/resources" + ScpApi.SPEC_YAML);
    private static final Set<String> SKIPPED = Set.of("target", ".git", "node_modules", ".idea");

    private static Process emulator;
    private static int port;
    private static ContributingGuide.Edit first;

    @AfterAll
    static void stopEmulator() {
        if (emulator != null) {
            emulator.destroy();
        }
    }

    @Test
    @Order(1)
    void theGuidesVersionEditAloneBuildsAndServesTheNewVersionInItsOwnShape() throws Exception {
        copyProject();
        first = edit(ContributingGuide::addVersion);
        build("first");
        startEmulator();

        List<String> older = ScpServiceVersion.all().stream().map(ScpServiceVersion::getVersion).toList();
        assertVersionsDocument(older, first.version());
        Set<String> newShape = fieldsOf(get(first.version()));
        assertThat(newShape).contains(first.field())
                .containsAll(ScpApi.SHOW_IMAGE.responseSchema(ScpServiceVersion.getLatest()).orElseThrow().fieldNames());
        assertThat(fieldsOf(get(null))).as("no version header: the new CURRENT version").isEqualTo(newShape);
        for (ScpServiceVersion version : ScpServiceVersion.all()) {
            if (!version.isCallable()) {
                continue;
            }
            Set<String> shape = fieldsOf(get(version.getVersion()));
            Set<String> schema = ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow().fieldNames();
            assertThat(shape).as("version %s", version.getVersion()).doesNotContain(first.field())
                    .isSubsetOf(schema)
                    .containsAll(ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow().fields().stream()
                            .filter(f -> f.required() || f.nullable()).map(ScpField::name).toList());
        }
        assertCopysClientKnows(first);
        assertCopysCliShows(first);
        assertCopysConsoleOffers(first);
    }

    @Test
    @Order(2)
    void aSecondVersionWithAnotherFieldOnTopKeepsEveryVersionInItsOwnShape() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(first != null, "the first edit did not build");
        stopEmulator();
        ContributingGuide.Edit second = edit(ContributingGuide::addVersion);
        build("second");
        startEmulator();

        List<String> older = new ArrayList<>(ScpServiceVersion.all().stream().map(ScpServiceVersion::getVersion).toList());
        older.add(first.version());
        assertVersionsDocument(older, second.version());
        assertThat(fieldsOf(get(second.version()))).contains(first.field(), second.field());
        assertThat(fieldsOf(get(null))).contains(first.field(), second.field());
        assertThat(fieldsOf(get(first.version()))).contains(first.field()).doesNotContain(second.field());
        for (ScpServiceVersion version : ScpServiceVersion.all()) {
            if (version.isCallable()) {
                assertThat(fieldsOf(get(version.getVersion()))).as("version %s", version.getVersion())
                        .isSubsetOf(ScpApi.SHOW_IMAGE.responseSchema(version).orElseThrow().fieldNames());
            }
        }
        assertCopysClientKnows(second);
    }

    // ---- The copy ---------------------------------------------------------------------------

    private static void copyProject() throws IOException {
        assertThat(PROJECT.resolve("pom.xml")).as("the project root above it-tests").exists();
        FileSystemUtils.deleteRecursively(WORK);
        Files.createDirectories(COPY);
        Files.walkFileTree(PROJECT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                if (!dir.equals(PROJECT) && SKIPPED.contains(dir.getFileName().toString())) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(COPY.resolve(PROJECT.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, COPY.resolve(PROJECT.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Applies an edit to the copy's spec; the spec is the only file of the copy that changes. */
    private static ContributingGuide.Edit edit(Function<JsonNode, ContributingGuide.Edit> edit) throws IOException {
        JsonNode spec = YAML.readTree(SPEC.toFile());
        ContributingGuide.Edit done = edit.apply(spec);
        YAML.writeValue(SPEC.toFile(), spec);
        return done;
    }

    /** Builds the copy's client, stub, emulator and CLI, offline (this build resolved everything they need). */
    private static void build(String name) throws IOException, InterruptedException {
        Path log = WORK.resolve("build-" + name + ".log");
        String mvnw = COPY.resolve(System.getProperty("os.name").startsWith("Windows") ? "mvnw.cmd" : "mvnw").toString();
        // No sources or Javadoc jars: the copy's jars are only run here.
        Process build = new ProcessBuilder(mvnw, "-o", "-B", "-q", "package", "-DskipTests", "-Dscp.evolution.skip=true",
                // The copy runs the -exec.jar: no extracted emulator and start-up archive (issue 14) needed.
                "-Dmaven.source.skip=true", "-Dmaven.javadoc.skip=true", "-Demulator.cds.skip=true",
                "-pl", "cli,reference-server", "-am")
                .directory(COPY.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(build.waitFor(20, TimeUnit.MINUTES)).as("the copy's build finished; see " + log).isTrue();
        assertThat(build.exitValue()).as("the copy's build; see " + log + ":\n" + tail(log)).isZero();
    }

    private static void startEmulator() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = WORK.resolve("emulator-" + port + ".log");
        emulator = new ProcessBuilder(java(), "-jar", jar("reference-server").toString(), "--server.port=" + port,
                "--server.address=127.0.0.1", "--scp.versions.serve-retired=true")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (!emulator.isAlive()) {
                throw new AssertionError("the copy's emulator stopped:\n" + tail(log));
            }
            try {
                if (ReferenceServer.get(port, "/", Map.of()).statusCode() == 200) {
                    return;
                }
            } catch (UncheckedIOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the copy's emulator did not answer GET / within 90 s:\n" + tail(log));
    }

    // ---- Checks ----------------------------------------------------------------------------

    private static void assertVersionsDocument(List<String> older, String added) {
        HttpResponse<String> response = ReferenceServer.get(port, "/", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        String current = null;
        for (JsonNode v : ReferenceServer.json(response.body()).path("versions")) {
            ids.add(v.path("id").asText());
            if (v.path("status").asText().equals("CURRENT")) {
                current = v.path("id").asText();
            }
        }
        List<String> expected = new ArrayList<>(older.stream().map(v -> "v" + v).toList());
        expected.add("v" + added);
        assertThat(ids).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(current).isEqualTo("v" + added);
    }

    /** The seed image in {@code version} (null: without the header), signed with the demo keys. */
    private static JsonNode get(String version) {
        String path = ScpApi.SHOW_IMAGE.path().replace("{image_id}", ReferenceServer.SEED_IMAGE_ID);
        Map<String, String> headers = version == null ? Map.of()
                : Map.of(ScpApi.VERSION_HEADER, ScpApi.SERVICE + " " + version);
        HttpResponse<String> response = ReferenceServer.signedGet(port, path, headers);
        assertThat(response.statusCode()).as("%s %s: %s", version, path, response.body()).isEqualTo(200);
        String expected = ScpApi.SERVICE + " " + (version == null ? currentOfCopy() : version);
        assertThat(response.headers().firstValue(ScpApi.VERSION_HEADER)).contains(expected);
        return ReferenceServer.json(response.body());
    }

    private static String currentOfCopy() {
        for (JsonNode v : ReferenceServer.json(ReferenceServer.get(port, "/", Map.of()).body()).path("versions")) {
            if (v.path("status").asText().equals("CURRENT")) {
                return v.path("id").asText().substring(1);
            }
        }
        throw new AssertionError("the copy's versions document has no CURRENT version");
    }

    private static Set<String> fieldsOf(JsonNode body) {
        Set<String> names = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static void assertCopysClientKnows(ContributingGuide.Edit edit) throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(jar("api-spec").toUri().toURL());
        urls.add(jar("client").toUri().toURL());
        try (URLClassLoader loader = new CopyFirst(urls.toArray(URL[]::new), SpecEvolutionIT.class.getClassLoader())) {
            Class<?> versions = loader.loadClass(ScpServiceVersion.class.getName());
            Object constant = versions.getField("V" + edit.version().replace('.', '_')).get(null);
            assertThat(versions.getMethod("getLatest").invoke(null)).isSameAs(constant);
            Class<?> model = loader.loadClass("io.github.scptoolkit.image.client.generated.model." + ScpApi.SHOW_IMAGE.resource());
            Set<String> getters = new HashSet<>();
            for (var m : model.getMethods()) {
                getters.add(m.getName());
            }
            assertThat(getters).contains("get" + camel(edit.field()));
        }
    }

    /** The copy's API console ({@code /docs}) offers the new version first in Show Image's drop-down, preselected. */
    private static void assertCopysConsoleOffers(ContributingGuide.Edit edit) {
        HttpResponse<String> response = ReferenceServer.get(port, "/openapi-console.json", Map.of());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode operation = ReferenceServer.json(response.body()).path("paths").path(ScpApi.SHOW_IMAGE.path())
                .path(ScpApi.SHOW_IMAGE.method().toLowerCase(java.util.Locale.ROOT));
        JsonNode schema = null;
        for (JsonNode parameter : operation.path("parameters")) {
            if (ScpApi.VERSION_HEADER.equals(parameter.path("name").asText())) {
                schema = parameter.path("schema");
            }
        }
        assertThat(schema).as("Show Image's version drop-down in the copy's console spec").isNotNull();
        String added = ScpApi.SERVICE + " " + edit.version();
        List<String> choices = new ArrayList<>();
        schema.path("enum").forEach(v -> choices.add(v.asText()));
        assertThat(choices).first().isEqualTo(added);
        assertThat(choices).containsAll(SpecVersions.callable().stream().map(ScpServiceVersion::headerValue).toList());
        assertThat(schema.path("default").asText()).isEqualTo(added);
    }

    private static void assertCopysCliShows(ContributingGuide.Edit edit) throws Exception {
        String endpoint = "http://127.0.0.1:" + port;
        ProcessBuilder command = new ProcessBuilder(java(), "-jar", jar("cli").toString(), "show", ReferenceServer.SEED_IMAGE_ID,
                "--endpoint", endpoint, "--api-version", edit.version())
                .redirectErrorStream(false);
        command.environment().putAll(CliIT.DEMO_ENV);   // the demo key pair, as docs/emulator.md's CLI commands use it
        Process cli = command.start();
        cli.getOutputStream().close();
        String out = new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(cli.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).as(err).isZero();
        assertThat(fieldsOf(ReferenceServer.json(out))).contains(edit.field());
    }

    // ---- Plumbing --------------------------------------------------------------------------

    /** Loads the project's own classes from the copy's jars, everything else (Jackson, Feign) from this build. */
    private static final class CopyFirst extends URLClassLoader {
        CopyFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("io.github.scptoolkit.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }

    /** The copy's jar of {@code module}: the runnable one ({@code -exec}) where there is one. */
    private static Path jar(String module) throws IOException {
        try (var files = Files.list(COPY.resolve(module).resolve("target"))) {
            List<Path> jars = files.filter(p -> p.getFileName().toString().endsWith(".jar"))
                    .filter(p -> !p.getFileName().toString().endsWith("-sources.jar")
                            && !p.getFileName().toString().endsWith("-javadoc.jar")
                            && !p.getFileName().toString().endsWith("-tests.jar"))
                    .sorted().toList();
            return jars.stream().filter(p -> p.getFileName().toString().endsWith("-exec.jar")).findFirst()
                    .orElseGet(() -> jars.stream().findFirst().orElseThrow(() -> new AssertionError("no jar in " + module)));
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String camel(String field) {
        StringBuilder b = new StringBuilder();
        for (String part : field.split("_")) {
            if (!part.isEmpty()) {
                b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return b.toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

}
