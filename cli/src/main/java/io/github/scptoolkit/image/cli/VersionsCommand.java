package io.github.scptoolkit.image.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import feign.FeignException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.VersionCheck;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ServiceVersion;

/**
 * {@code scp-image versions}: prints the service's versions document ({@code GET /}, unsigned, no
 * credentials needed), one version a line with its state, Not Before date and days left; the
 * CURRENT version is marked {@code *}.
 *
 * <pre>
 *    ID    STATUS      NOT BEFORE  DAYS LEFT
 * *  v1.3  CURRENT     -           -
 *    v1.2  SUPPORTED   2026-08-31  277 (within 90 days)
 * </pre>
 */
@Command(name = "versions", mixinStandardHelpOptions = true,
        description = "Lists the service's API versions (its versions document, unsigned): state, Not Before date, days left.")
final class VersionsCommand implements Callable<Integer> {

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", defaultValue = ScpImageCli.DEFAULT_ENDPOINT,
            description = "Base URL of the service (default: ${DEFAULT-VALUE}, the local emulator).")
    String endpoint;

    @Option(names = "--max-remain-days", paramLabel = "<days>", defaultValue = "" + VersionCheck.DEFAULT_MAX_REMAIN_DAYS,
            description = "Flag versions with this many days or fewer left to their Not Before date (default: ${DEFAULT-VALUE}, as SCP's tools).")
    int maxRemainDays;

    VersionsCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScpImageClient client;
        try {
            client = ScpImageClient.builder().endpoint(endpoint).clock(clock).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try {
            LocalDate today = ServiceVersion.today(clock);
            List<VersionCheck> checks = VersionCheck.all(client.versions(), today);
            print(out, checks, today);
            out.flush();
            return ScpImageCli.OK;
        } catch (FeignException e) {
            return Failures.report(e, err, endpoint);
        } finally {
            err.flush();
        }
    }

    private void print(PrintWriter out, List<VersionCheck> checks, LocalDate today) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"", "ID", "STATUS", "NOT BEFORE", "DAYS LEFT"});
        for (VersionCheck c : checks) {
            rows.add(new String[] {c.isCurrent() ? "*" : "", c.id(), c.status(),
                c.notBefore().map(LocalDate::toString).orElse("-"),
                (c.daysLeft().isPresent() ? Long.toString(c.daysLeft().getAsLong()) : "-") + remark(c)});
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

    private String remark(VersionCheck c) {
        List<String> remarks = new ArrayList<>();
        if (c.retired()) {
            remarks.add("retired");
        } else if (c.expiresWithin(maxRemainDays)) {
            remarks.add("within " + maxRemainDays + " days");
        }
        if (c.version().isEmpty()) {
            remarks.add("not known to this client");
        }
        return remarks.isEmpty() ? "" : " (" + String.join(", ", remarks) + ")";
    }
}
