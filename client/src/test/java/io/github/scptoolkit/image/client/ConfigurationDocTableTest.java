package io.github.scptoolkit.image.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.client.ScpConfig.Setting;

/**
 * docs/configuration.md's precedence table is the chain {@link ScpConfig} implements: one row per
 * {@link Setting}, with its variables and file key, and builder methods that exist.
 */
class ConfigurationDocTableTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    private static List<String> codes(String cell) {
        List<String> codes = new ArrayList<>();
        Matcher m = CODE.matcher(cell);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    @Test
    void thePrecedenceTableHasOneRowPerSettingWithItsVariablesAndFileKey() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        String table = doc.substring(doc.indexOf("| Setting |"));
        List<String> rows = table.lines().takeWhile(l -> l.startsWith("|")).skip(2).toList();

        assertThat(rows).hasSize(Setting.values().length);
        for (Setting setting : Setting.values()) {
            String row = rows.stream().filter(r -> {
                String[] cells = r.split("\\|", -1);
                List<String> vars = codes(cells[3]);
                List<String> vendor = codes(cells[4]);
                List<String> file = codes(cells[5]);
                return vars.equals(setting.variable().stream().toList())
                        && vendor.equals(setting.vendorVariable().stream().toList())
                        && file.equals(setting.key().stream().toList())
                        && (setting.file().isEmpty() || cells[5].contains(setting.file().get()));
            }).findFirst().orElse(null);
            assertThat(row).as("a row for %s", setting).isNotNull();
        }
    }

    @Test
    void theBuilderMethodsTheTableNamesExist() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        Matcher call = Pattern.compile("`(\\w+)\\(\\.\\.\\.\\)`").matcher(doc.substring(doc.indexOf("| Setting |")));
        int checked = 0;
        while (call.find()) {
            String name = call.group(1);
            assertThat(Arrays.stream(ScpImageClient.Builder.class.getMethods()).map(Method::getName)).as(name).contains(name);
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }
}
