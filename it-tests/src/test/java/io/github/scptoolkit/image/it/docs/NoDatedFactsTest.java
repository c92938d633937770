package io.github.scptoolkit.image.it.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * README.md and docs/*.md state no dated fact: no "today (…)", "as of …", "at the time of writing"
 * and no calendar date except the Not Before dates of the spec's versions (facts of the spec) and
 * dates inside timestamps (example data and formats, such as {@code 2025-07-22T09:00:00Z}). Measured
 * results keep their dates in BENCHMARKS.md, which is a record of runs and not checked here.
 */
class NoDatedFactsTest {

    private static final Pattern DATE = Pattern.compile("(?<![\\w-])(\\d{4}-\\d{2}-\\d{2})(?![\\w-])([T ]\\d{2}:\\d{2})?");
    private static final Pattern DATED_WORDS = Pattern.compile("(?i)\\btoday \\(|\\bas of\\b|\\bat the time of writing\\b"
            + "|\\bat present\\b|\\bthis (?:week|month|year)\\b|\\blast (?:week|month|year)\\b");

    @Test
    void noPageOfTheDocsStatesADatedFact() {
        Set<String> specDates = new TreeSet<>();
        ScpServiceVersion.all().forEach(v -> v.notBefore().ifPresent(d -> specDates.add(d.toString())));
        List<String> dated = new ArrayList<>();
        for (String page : DocBlocks.pages()) {
            if (page.equals("BENCHMARKS.md")) {
                continue;
            }
            List<String> lines = DocBlocks.read(page).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher date = DATE.matcher(line);
                while (date.find()) {
                    boolean timestamp = date.group(2) != null;
                    if (!timestamp && !specDates.contains(date.group(1))) {
                        LocalDate.parse(date.group(1));   // a real date, not an id
                        dated.add(page + ":" + (i + 1) + ": " + date.group(1) + " in: " + line.strip());
                    }
                }
                Matcher words = DATED_WORDS.matcher(line);
                if (words.find()) {
                    dated.add(page + ":" + (i + 1) + ": '" + words.group() + "' in: " + line.strip());
                }
            }
        }
        assertThat(dated).as("dated facts in README.md and docs/ (write them without a date, or take them from the spec)")
                .isEmpty();
    }
}
