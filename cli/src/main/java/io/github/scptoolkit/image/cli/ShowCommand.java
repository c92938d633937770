package io.github.scptoolkit.image.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.github.scptoolkit.image.client.ResponseMetadata;
import io.github.scptoolkit.image.client.ScpResponse;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * {@code scp-image show <image-id>}: shows one image, by default as the JSON body the server sent
 * (order and unknown fields kept); {@code -f yaml|table|value} and {@code -c FIELD} as
 * {@code openstack image show}. Errors and {@code --verbose} facts go to stderr.
 */
@Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Shows one image (by default the JSON body the server sent).",
        defaultValueProvider = ApiVersionOption.Default.class)
final class ShowCommand implements Callable<Integer> {

    private final Map<String, String> env;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<image-id>", description = "Image ID, e.g. 70a599e0-31e7-49b7-b260-868f441e862b.")
    String imageId;

    @Option(names = ApiVersionOption.NAME, paramLabel = "<version>", converter = ApiVersionOption.Converter.class,
            completionCandidates = ApiVersionOption.Choices.class,
            description = "Version to call: ${COMPLETION-CANDIDATES} (also as v<version> or '" + ScpApi.SERVICE
                    + " <version>'; default: ${DEFAULT-VALUE}, the CURRENT version).")
    ScpServiceVersion apiVersion;

    @Option(names = {"-v", "--verbose"}, description = "Also print the served version and any deprecation headers (on stderr).")
    boolean verbose;

    @Mixin
    OutputOptions output;

    @Mixin
    ConnectionOptions connection;

    ShowCommand(Map<String, String> env, Clock clock) {
        this.env = env;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        CommandLine cli = spec.commandLine();
        PrintWriter out = cli.getOut();
        PrintWriter err = cli.getErr();
        ScpServiceVersion version = apiVersion != null ? apiVersion : ScpServiceVersion.getLatest();
        ConnectionOptions.Connection c = connection.connect(cli, env, clock, version, true, err);
        try {
            ScpResponse<Image> response = Deadline.run(c.timeout(), () -> c.client().showImageWithResponse(imageId));
            if (verbose) {
                printVersionFacts(err, version, response.metadata());
            }
            byte[] raw = c.http().lastBody();
            JsonNode tree = OutputOptions.JSON.readTree(raw);
            if (!(tree instanceof ObjectNode image)) {
                err.println("error: HTTP " + response.metadata().status() + " but the answer is not what the spec says:"
                        + " not a JSON object");
                return ScpImageCli.HTTP_ERROR;
            }
            output.printObject(cli, out, output.format == null ? OutputOptions.Format.json : output.format, raw, image);
            out.flush();
            return ScpImageCli.OK;
        } catch (CommandLine.ParameterException usage) {
            throw usage;
        } catch (RuntimeException e) {
            if (verbose && e instanceof FeignException feign && !(e instanceof RetryableException)
                    && !(e instanceof DecodeException)) {
                printVersionFacts(err, version, ResponseMetadata.of(feign.status(), feign.responseHeaders()));
            }
            if (connection.debug) {
                Failures.chain(e).forEach(line -> err.println("debug: " + line));
            }
            return Failures.report(e, err, c);
        } finally {
            err.flush();
        }
    }

    private static void printVersionFacts(PrintWriter err, ScpServiceVersion asked, ResponseMetadata metadata) {
        err.println("requested version: " + asked.headerValue());
        err.println("served version: " + metadata.servedVersion().map(ScpServiceVersion::headerValue)
                .or(() -> metadata.header(ScpApi.VERSION_HEADER).map(raw -> raw + " (not known to this client)"))
                .orElse("(not stated by the server)"));
        metadata.header("Deprecation").ifPresent(v -> err.println("Deprecation: " + v
                + metadata.deprecation().map(d -> " (" + d + ")").orElse("")));
        metadata.header("Sunset").ifPresent(v -> err.println("Sunset: " + v));
        metadata.deprecationLink().ifPresent(link -> err.println("Link (deprecation): " + link));
    }
}
