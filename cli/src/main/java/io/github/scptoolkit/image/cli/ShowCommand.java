package io.github.scptoolkit.image.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import feign.FeignException;
import feign.RetryableException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import io.github.scptoolkit.image.client.ApiVersion;
import io.github.scptoolkit.image.client.ImageVersion;
import io.github.scptoolkit.image.client.ResponseMetadata;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.ScpProblemException;
import io.github.scptoolkit.image.client.ShowImageResponse;

/** {@code scp-image show <image-id>}: prints the image as JSON on stdout; errors and --verbose facts on stderr. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one image and prints it as JSON.")
final class ShowCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<image-id>", description = "Image ID, e.g. 70a599e0-31e7-49b7-b260-868f441e862b.")
    String imageId;

    @Option(names = "--endpoint", defaultValue = "http://127.0.0.1:8080",
            description = "Base URL of the service (default: ${DEFAULT-VALUE}, the local emulator).")
    String endpoint;

    @Option(names = "--api-version", paramLabel = "<version>", description = "1.0, 1.1, 1.2 or 1.3 (default: the latest).")
    String apiVersion;

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
        ImageVersion<?> version = version();
        ScpImageClient<?> client;
        try {
            ScpCredentials credentials = Credentials.resolve(accessKey, secretKey, accountId, env)
                    .orElseThrow(() -> new IllegalArgumentException("no credentials: give --access-key and --secret-key, or set "
                            + Credentials.ACCESS_KEY_ENV + " and " + Credentials.SECRET_KEY_ENV
                            + " (the local emulator's demo pair is test/test)"));
            client = ScpImageClient.builder().endpoint(endpoint).credentials(credentials).build(version);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        try {
            ShowImageResponse<?> response = client.showImageWithMetadata(imageId);
            if (verbose) {
                printVersionFacts(err, version, response.metadata());
            }
            out.println(json().writeValueAsString(response.body()));
            out.flush();
            return ScpImageCli.OK;
        } catch (IllegalArgumentException e) {
            // refused before sending (blank id, CR/LF in it)
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (RetryableException e) {
            if (e.status() > 0) {
                err.println("error: HTTP " + e.status() + ": the service kept failing (retried)");
                return ScpImageCli.HTTP_ERROR;
            }
            err.println("error: no answer from " + endpoint + ": " + e.getMessage());
            return ScpImageCli.IO_ERROR;
        } catch (FeignException e) {
            if (verbose) {
                printVersionFacts(err, version, ResponseMetadata.of(e.status(), e.responseHeaders()));
            }
            err.println(describe(e));
            return exitCode(e.status());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            err.println("error: cannot print the image as JSON: " + e.getOriginalMessage());
            return ScpImageCli.HTTP_ERROR;
        } finally {
            err.flush();
        }
    }

    private ImageVersion<?> version() {
        if (apiVersion == null) {
            return ImageVersion.latest();
        }
        ApiVersion v = ApiVersion.fromValue(apiVersion.trim()).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown --api-version '" + apiVersion + "'; known: 1.0, 1.1, 1.2, 1.3"));
        return switch (v) {
            case V1_0 -> ImageVersion.V1_0;
            case V1_1 -> ImageVersion.V1_1;
            case V1_2 -> ImageVersion.V1_2;
            case V1_3 -> ImageVersion.V1_3;
        };
    }

    static int exitCode(int status) {
        if (status == 404) {
            return ScpImageCli.NOT_FOUND;
        }
        if (status == 401 || status == 403) {
            return ScpImageCli.NOT_AUTHORIZED;
        }
        return status < 0 ? ScpImageCli.IO_ERROR : ScpImageCli.HTTP_ERROR;
    }

    /**
     * {@code error: HTTP 404 IMAGE_NOT_FOUND: No image ...} from the client's typed exception (400,
     * 401, 403, 404 with a problem body); just the status otherwise.
     */
    static String describe(FeignException e) {
        StringBuilder line = new StringBuilder("error: HTTP ").append(e.status());
        if (e instanceof ScpProblemException problem && problem.problem().isPresent()) {
            if (problem.code() != null) {
                line.append(' ').append(problem.code());
            }
            return line.append(": ").append(problem.detail() != null ? problem.detail() : "(no detail)").toString();
        }
        return line.append(": the server sent no problem details").toString();
    }

    private static void printVersionFacts(PrintWriter err, ImageVersion<?> asked, ResponseMetadata metadata) {
        err.println("requested version: " + asked);
        err.println("served version: " + metadata.servedVersion().map(ApiVersion::headerValue)
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
