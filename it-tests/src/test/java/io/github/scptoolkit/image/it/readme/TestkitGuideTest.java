package io.github.scptoolkit.image.it.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

import io.github.scptoolkit.image.it.docs.DocBlocks;
import io.github.scptoolkit.image.it.docs.DocClaims;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.testkit.ScpEmulator;
import io.github.scptoolkit.image.testkit.ScpEmulatorTest;
import io.github.scptoolkit.image.testkit.ScpImages;
import io.github.scptoolkit.image.testkit.ScpRequestPattern;

/**
 * Keeps docs/testkit.md honest (with {@link ReadmeTest}, which checks the methods and properties it
 * names): its Java blocks are in test sources, its Maven block is the kit's artifact in test scope,
 * and its example of a failed {@code verify} is the message the kit writes.
 */
@ScpEmulatorTest
class TestkitGuideTest {

    private static final Path ROOT = ReadmeTest.projectRoot();
    private static final Pattern XML_BLOCK = Pattern.compile("```xml\\n(.*?)\\n```", Pattern.DOTALL);

    private static String guide() throws IOException {
        return Files.readString(ROOT.resolve("docs/testkit.md")).replace("\r\n", "\n");
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">([^<]*)</" + name + ">").matcher(xml);
        return m.find() ? m.group(1).trim() : null;
    }

    private static String withoutSpaceBetweenTags(String xml) {
        return xml.replaceAll(">\\s+<", "><");
    }

    /** The message with what varies from run to run (fingerprint, timestamp, the CURRENT version) as placeholders. */
    private static String canonical(String message) {
        return message.replaceAll("sha256 [0-9a-f]+…", "sha256 <fingerprint>…")
                .replaceAll("Scp-Timestamp \\d+", "Scp-Timestamp <millis>")
                .replaceAll("\\[" + ScpApi.SERVICE + " [0-9.]+]", "[<version>]");
    }

    @Test
    void everyJavaBlockOfTheGuideIsInATestSource() throws IOException {
        List<String> blocks = ReadmeTest.javaBlocks(guide());
        Map<Path, String> tests = ReadmeTest.testSources();

        assertThat(blocks).as("java blocks in docs/testkit.md").hasSizeGreaterThanOrEqualTo(3);
        assertThat(blocks).as("docs/testkit.md java blocks that no test source contains (copy them into a test)")
                .allMatch(block -> tests.values().stream().anyMatch(s -> s.contains(ReadmeTest.normalized(block))));
    }

    @Test
    void theDependencyBlockIsTheKitInTestScope() throws IOException {
        Matcher block = XML_BLOCK.matcher(guide());
        assertThat(block.find()).as("docs/testkit.md has an xml block").isTrue();
        String dependency = block.group(1);
        String kitPom = Files.readString(ROOT.resolve("testkit/pom.xml"));
        String parentPom = Files.readString(ROOT.resolve("pom.xml"));
        String afterParent = kitPom.substring(kitPom.indexOf("</parent>"));

        assertThat(element(dependency, "groupId")).isEqualTo(element(parentPom, "groupId"));
        assertThat(element(dependency, "artifactId")).isEqualTo(element(afterParent, "artifactId"));
        assertThat(element(dependency, "version")).isEqualTo(element(parentPom.substring(parentPom.indexOf("</artifactId>")), "version"));
        assertThat(element(dependency, "scope")).isEqualTo("test");
    }

    @Test
    void theRecommendedSurefireSetUpIsTheExampleProjects() throws IOException {
        String examplePom = withoutSpaceBetweenTags(Files.readString(ROOT.resolve("testkit-example/pom.xml")));

        for (DocBlocks.Block block : DocClaims.TESTKIT_SUREFIRE.blocks()) {
            assertThat(examplePom).as(block.where()).contains(withoutSpaceBetweenTags(block.text().strip()));
        }
    }

    @Test
    void theFailedVerificationShownIsTheMessageTheKitWrites(ScpEmulator emulator) throws IOException {
        String guide = guide();
        int start = guide.indexOf("\n    Expected exactly ");
        String shown = guide.substring(start + 1, guide.indexOf("\n\n", start)).replaceAll("(?m)^    ", "");
        emulator.client().showImage(ScpImages.seedId());

        AssertionFailedError failure = catchThrowableOfType(AssertionFailedError.class,
                () -> emulator.verify(2, ScpRequestPattern.image(ScpImages.seedId()).signatureVerified()));

        assertThat(canonical(failure.getMessage())).isEqualTo(canonical(shown));
    }

    @Test
    void theHandleTableNamesEveryPublicMethodOfTheHandle() throws IOException {
        String guide = guide();
        String table = guide.substring(guide.indexOf("## The handle"), guide.indexOf("\n\n", guide.indexOf("| Method |")));

        assertThat(java.util.Arrays.stream(ScpEmulator.class.getDeclaredMethods())
                .filter(m -> java.lang.reflect.Modifier.isPublic(m.getModifiers()) && !m.isSynthetic())
                .map(m -> m.getName()).filter(name -> !List.of("toString", "equals", "hashCode").contains(name)).distinct())
                .as("public methods of ScpEmulator missing from docs/testkit.md's handle table")
                .allMatch(name -> table.contains("`ScpEmulator." + name + "("));
    }
}
