package io.github.scptoolkit.image.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.github.scptoolkit.image.client.VersionCheck;
import io.github.scptoolkit.image.client.generated.model.ApiVersionList;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * {@code scp-image versions}: prints the service's versions document ({@code GET /}, unsigned),
 * one version a line with its state, Not Before date and days left; the CURRENT version is marked
 * {@code *}. Like SCP's tools at start, it warns on stderr when the version this CLI calls
 * ({@code --api-version}, default the CURRENT one) has {@code max-remain-days} or fewer left, or is
 * not in the document at all. {@code -f json} prints the document as received.
 *
 * <pre>
 *    ID    STATUS      NOT BEFORE  DAYS LEFT
 * *  v1.3  CURRENT     -           -
 *    v1.2  SUPPORTED   2026-08-31  277 (within 90 days)
 * </pre>
 */
@Command(name = "versions", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists the service's API versions (its versions document, unsigned): state, Not Before date, days left;"
                + " warns as SCP's tools do when the version called has few days left.",
        defaultValueProvider = ApiVersionOption.Default.class)
final class VersionsCommand implements Callable<Integer> {

    private final Map<String, String> env;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--max-remain-days", paramLabel = "<days>",
            description = "Flag versions with this many days or fewer left to their Not Before date (default: SCP_TF_MAX_REMAIN_DAYS,"
                    + " max-remain-days in ~/.scpconf/config.json, else 90, as SCP's tools).")
    Integer maxRemainDays;

    @Option(names = ApiVersionOption.NAME, paramLabel = "<version>", converter = ApiVersionOption.Converter.class,
            completionCandidates = ApiVersionOption.Choices.class,
            description = "The version to check and warn about: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}, the CURRENT version).")
    ScpServiceVersion apiVersion;

    @Mixin
    OutputOptions output;

    @Mixin
    ConnectionOptions connection;

    VersionsCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        if (maxRemainDays != null && maxRemainDays < 0) {
            throw new CommandLine.ParameterException(cli, "--max-remain-days must be 0 or more: " + maxRemainDays);
        }
        ScpServiceVersion version = apiVersion != null ? apiVersion : ScpServiceVersion.getLatest();
        ConnectionOptions.Connection c = connection.connect(cli, env, clock, version, false, err);
        try {
            ApiVersionList document = Deadline.run(c.timeout(), () -> c.client().versions());
            byte[] raw = c.http().lastBody();
            int threshold = maxRemainDays != null ? maxRemainDays : c.client().maxRemainDays();
            LocalDate today = ServiceVersion.today(clock);
            List<VersionCheck> checks = VersionCheck.all(document, today);
            if (output.format == null && output.columns.isEmpty()) {
                print(out, checks, today, threshold);
            } else {
                output.printRows(cli, out, output.format == null ? OutputOptions.Format.table : output.format, raw,
                        rows(checks));
            }
            out.flush();
            String where = ScpApi.SERVICE + "(" + c.client().region().orElse(c.client().endpoint()) + ")";
            VersionCheck.of(version, document, today).supportWarning(where, threshold).ifPresent(err::println);
            return ScpImageCli.OK;
        } catch (CommandLine.ParameterException usage) {
            throw usage;
        } catch (RuntimeException e) {
            if (connection.debug) {
                Failures.chain(e).forEach(line -> err.println("debug: " + line));
            }
            return Failures.report(e, err, c);
        } finally {
            err.flush();
        }
    }

    /** One object per version: {@code id}, {@code status}, {@code not_before}, {@code days_left}. */
    private static List<ObjectNode> rows(List<VersionCheck> checks) {
        List<ObjectNode> rows = new ArrayList<>();
        for (VersionCheck c : checks) {
            ObjectNode row = OutputOptions.JSON.createObjectNode();
            row.put("id", c.id());
            row.put("status", c.status());
            row.put("not_before", c.notBefore().map(LocalDate::toString).orElse(null));
            if (c.daysLeft().isPresent()) {
                row.put("days_left", c.daysLeft().getAsLong());
            } else {
                row.putNull("days_left");
            }
            rows.add(row);
        }
        return rows;
    }

    private void print(PrintWriter out, List<VersionCheck> checks, LocalDate today, int threshold) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "ID", "STATUS", "NOT BEFORE", "DAYS LEFT"});
        for (VersionCheck c : checks) {
            rows.add(new String[] {c.isCurrent() ? "*" : "", c.id(), c.status(),
                c.notBefore().map(LocalDate::toString).orElse("-"),
                (c.daysLeft().isPresent() ? Long.toString(c.daysLeft().getAsLong()) : "-") + remark(c, threshold)});
        }
        int[] width = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(width[i] - row[i].length() + 2));
                }
            }
            out.println(line.toString().stripTrailing());
        }
        out.println();
        out.println("* CURRENT: the version a request without " + ScpApi.VERSION_HEADER + " gets. Days left to the Not Before "
                + "date, from " + today + " (" + ScpApi.NOT_BEFORE_ZONE + ").");
    }

    private static String remark(VersionCheck c, int threshold) {
        List<String> remarks = new ArrayList<>();
        if (c.retired()) {
            remarks.add("retired");
        } else if (c.daysLeft().isPresent() && c.daysLeft().getAsLong() < 0) {
            remarks.add("Not Before passed");
        } else if (c.expiresWithin(threshold)) {
            remarks.add("within " + threshold + " days");
        }
        if (c.version().isEmpty()) {
            remarks.add("not known to this client");
        }
        return remarks.isEmpty() ? "" : " (" + String.join(", ", remarks) + ")";
    }
}
