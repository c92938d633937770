package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * What an IDE needs beside each published jar: {@code -sources.jar} (hand-written and generated
 * sources) and {@code -javadoc.jar}, as the package phase of this build leaves them in each
 * module's {@code target/}. Every module of the reactor is either published (and checked here) or
 * named as not published, so a new module has to be put on one side.
 */
class PublishedArtifactsIT {

    static final List<String> PUBLISHED = List.of("api-spec", "client", "client-spring-boot-starter", "server-stub",
            "reference-server", "cli", "testkit");
    static final List<String> NOT_PUBLISHED = List.of("testkit-example", "it-tests", "benchmarks");

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    static List<String> published() {
        return PUBLISHED;
    }

    @Test
    void everyModuleIsPublishedOrNamedAsNotPublished() throws IOException {
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        List<String> modules = new ArrayList<>();
        while (module.find()) {
            modules.add(module.group(1));
        }
        List<String> known = new ArrayList<>(PUBLISHED);
        known.addAll(NOT_PUBLISHED);

        assertThat(known).containsExactlyInAnyOrderElementsOf(modules);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("published")
    void sourcesAndJavadocJarsLieBesideTheJar(String module) throws IOException {
        String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
        String artifactId = first(pom.substring(pom.indexOf("</parent>")), "artifactId");
        String version = first(pom.substring(pom.indexOf("<parent>")), "version");
        Path target = ROOT.resolve(module).resolve("target");
        Path jar = target.resolve(artifactId + "-" + version + ".jar");
        Path sources = target.resolve(artifactId + "-" + version + "-sources.jar");
        Path javadoc = target.resolve(artifactId + "-" + version + "-javadoc.jar");

        assertThat(jar).as("run the package phase of %s first", module).exists();
        try (JarFile s = new JarFile(sources.toFile()); JarFile j = new JarFile(javadoc.toFile())) {
            assertThat(s.stream().filter(e -> e.getName().endsWith(".java")).count()).as(sources.toString())
                    .isPositive();
            assertThat(j.getEntry("index.html")).as(javadoc.toString()).isNotNull();
            if (module.equals("client") || module.equals("server-stub")) {
                assertThat(s.stream().anyMatch(e -> e.getName().endsWith("/generated/api/ImagesApi.java")))
                        .as("the generated interface's source is in %s", sources).isTrue();
                assertThat(j.stream().anyMatch(e -> e.getName().endsWith("/generated/api/ImagesApi.html")))
                        .as("the generated interface is documented in %s", javadoc).isTrue();
            }
        }
    }

    private static String first(String xml, String element) {
        Matcher m = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(xml);
        assertThat(m.find()).isTrue();
        return m.group(1).trim();
    }
}
