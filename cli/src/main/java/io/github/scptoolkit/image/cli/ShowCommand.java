package io.github.scptoolkit.image.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import feign.FeignException;
import feign.RetryableException;
import feign.codec.DecodeException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.github.scptoolkit.image.client.ResponseMetadata;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.ScpResponse;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/** {@code scp-image show <image-id>}: prints the image as JSON on stdout; errors and --verbose facts on stderr. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one image and prints it as JSON.",
        defaultValueProvider = ApiVersionOption.Default.class)
final class ShowCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<image-id>", description = "Image ID, e.g. 70a599e0-31e7-49b7-b260-868f441e862b.")
    String imageId;

    @Option(names = "--endpoint", defaultValue = ScpImageCli.DEFAULT_ENDPOINT,
            description = "Base URL of the service (default: ${DEFAULT-VALUE}, the local emulator).")
    String endpoint;

    @Option(names = ApiVersionOption.NAME, paramLabel = "<version>", converter = ApiVersionOption.Converter.class,
            completionCandidates = ApiVersionOption.Choices.class,
            description = "Version to call: ${COMPLETION-CANDIDATES} (also as v<version> or '" + ScpApi.SERVICE
                    + " <version>'; default: ${DEFAULT-VALUE}, the CURRENT version).")
    ScpServiceVersion apiVersion;

    @Option(names = "--access-key", description = "Access key (default: $SCP_ACCESS_KEY).")
    String accessKey;

    @Option(names = "--secret-key", description = "Secret key (default: $SCP_SECRET_KEY).")
    String secretKey;

    @Option(names = "--account-id", description = "Account (project) id (default: $SCP_ACCOUNT_ID).")
    String accountId;

    @Option(names = {"-v", "--verbose"}, description = "Also print the served version and any deprecation headers (on stderr).")
    boolean verbose;

    ShowCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScpServiceVersion version = apiVersion != null ? apiVersion : ScpServiceVersion.getLatest();
        ScpImageClient client;
        try {
            ScpCredentials credentials = Credentials.resolve(accessKey, secretKey, accountId, env)
                    .orElseThrow(() -> new IllegalArgumentException("no credentials: give --access-key and --secret-key, or set "
                            + Credentials.ACCESS_KEY_ENV + " and " + Credentials.SECRET_KEY_ENV
                            + " (the local emulator's demo pair is test/test)"));
            client = ScpImageClient.builder().endpoint(endpoint).credentials(credentials).serviceVersion(version).build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try {
            ScpResponse<Image> response = client.showImageWithResponse(imageId);
            if (verbose) {
                printVersionFacts(err, version, response.metadata());
            }
            out.println(json().writeValueAsString(response.body()));
            out.flush();
            return ScpImageCli.OK;
        } catch (IllegalArgumentException e) {
            // refused before sending (blank id, CR/LF in it)
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (FeignException e) {
            if (verbose && !(e instanceof RetryableException) && !(e instanceof DecodeException)) {
                printVersionFacts(err, version, ResponseMetadata.of(e.status(), e.responseHeaders()));
            }
            return Failures.report(e, err, endpoint);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("error: cannot print the image as JSON: " + e.getOriginalMessage());
            return ScpImageCli.HTTP_ERROR;
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

    private static ObjectMapper json() {
        return ScpJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
