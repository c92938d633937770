package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/contract.md's "## Client behaviour under faults" table has one row per {@link ClientFaultsTest} test, named alike. */
class ReadmeFaultsTableTest {

    @Test
    void everyFaultInTheReadmeTableIsATestAndEveryTestIsARow() throws Exception {
        String readme = Files.readString(Path.of("..", "docs", "contract.md"));
        String section = readme.substring(readme.indexOf("\n## Client behaviour under faults\n"));
        int next = section.indexOf("\n## ", 1);
        section = next > 0 ? section.substring(0, next) : section;
        List<String> rows = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| Fault |") && !line.startsWith("| ---")) {
                rows.add(line.split("\\|")[1].trim());
            }
        }
        List<String> tests = new ArrayList<>();
        for (Method m : ClientFaultsTest.class.getDeclaredMethods()) {
            DisplayName name = m.getAnnotation(DisplayName.class);
            if (name != null) {
                tests.add(name.value());
            }
        }

        assertThat(rows).hasSizeGreaterThanOrEqualTo(20).doesNotHaveDuplicates();
        assertThat(rows).containsExactlyInAnyOrderElementsOf(tests);
    }
}
