package io.github.scptoolkit.image.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The inventory of the docs' fenced blocks: every block of README.md, BENCHMARKS.md and docs/*.md
 * is claimed by a check ({@link DocClaims}): a whole-block claim, or, for a shell block, a command
 * claim for each of its commands. A new block that no check verifies turns the build red, naming
 * the page and line. Every claim covers at least one block (else it is stale) and is read by a
 * test source other than the registry (else nothing verifies what it claims).
 */
class EveryDocBlockIsCheckedTest {

    @Test
    void everyFencedBlockOfTheDocsIsClaimedByACheck() throws ReflectiveOperationException {
        List<DocClaims.BlockClaim> blockClaims = claims(DocClaims.BlockClaim.class);
        List<DocClaims.CommandClaim> commandClaims = claims(DocClaims.CommandClaim.class);
        List<String> unchecked = new ArrayList<>();
        int blocks = 0;
        for (DocBlocks.Block block : DocBlocks.all()) {
            blocks++;
            if (blockClaims.stream().anyMatch(c -> c.rule().test(block))) {
                continue;
            }
            if (!DocClaims.isShell(block)) {
                unchecked.add(block.where() + " (" + block.language() + " block that no check claims)");
                continue;
            }
            List<DocBlocks.Command> commands = block.commands();
            if (commands.isEmpty()) {
                unchecked.add(block.where() + " (a shell block without commands)");
            }
            for (DocBlocks.Command command : commands) {
                if (commandClaims.stream().noneMatch(c -> c.rule().test(command))) {
                    unchecked.add(command.where() + " (command that no check claims: " + command.text() + ")");
                }
            }
        }

        assertThat(blocks).as("fenced blocks in README.md, BENCHMARKS.md and docs/*.md").isGreaterThanOrEqualTo(40);
        assertThat(unchecked).as("blocks of the docs that no test verifies: copy them from a test, or check them in one "
                + "and claim them in DocClaims").isEmpty();
    }

    @Test
    void everyClaimCoversSomethingAndIsReadByACheck() throws ReflectiveOperationException, IOException {
        String sources = testSources();
        List<String> names = new ArrayList<>();
        for (DocClaims.BlockClaim claim : claims(DocClaims.BlockClaim.class)) {
            assertThat(claim.blocks()).as(claim.name()).isNotEmpty();
            names.add(claim.name());
        }
        for (DocClaims.CommandClaim claim : claims(DocClaims.CommandClaim.class)) {
            assertThat(claim.commands()).as(claim.name()).isNotEmpty();
            names.add(claim.name());
        }
        assertThat(names).as("claims").hasSizeGreaterThanOrEqualTo(10);
        for (String name : names) {
            assertThat(sources).as("a check that reads DocClaims.%s", name).containsPattern("DocClaims\\." + name + "\\.(blocks|commands)\\(\\)");
        }
    }

    /** The text of every test source of it-tests except the registry and this inventory. */
    private static String testSources() throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(DocBlocks.root().resolve("it-tests/src/test/java"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = f.getFileName().toString();
                if (!name.equals("DocClaims.java") && !name.equals("EveryDocBlockIsCheckedTest.java")) {
                    all.append(Files.readString(f)).append('\n');
                }
            }
        }
        return all.toString();
    }

    private static <T> List<T> claims(Class<T> type) throws ReflectiveOperationException {
        List<T> claims = new ArrayList<>();
        for (Field field : DocClaims.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType().equals(type)) {
                claims.add(type.cast(field.get(null)));
            }
        }
        return claims;
    }
}
