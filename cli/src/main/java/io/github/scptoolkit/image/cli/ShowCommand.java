package io.github.scptoolkit.image.cli;

import java.io.PrintWriter;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.JsonNode;
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
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.generated.model.ApiResponse;

/** {@code scp-image show <image-id>}: prints the image as JSON on stdout; errors and --verbose facts on stderr. */
@Command(name = "show", mixinStandardHelpOptions = true, description = "Shows one image and prints it as JSON.")
final class ShowCommand implements Callable<Integer> {

    /** Response headers --verbose prints when the server sends them (RFC 9745, RFC 8594, RFC 8288). */
    static final List<String> DEPRECATION_HEADERS = List.of("Deprecation", "Sunset", "Link");
    static final String VERSION_HEADER = "Scp-Api-Version";

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
        ScpImageClient.Builder builder;
        Optional<Credentials> credentials;
        try {
            builder = ScpImageClient.builder().endpoint(endpoint);
            credentials = Credentials.resolve(accessKey, secretKey, accountId, env);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        // TODO(merge-signing): pass the credentials to the client so that it signs each request:
        // credentials.ifPresent(c -> builder.credentials(c.accessKey(), c.secretKey(), c.accountId().orElse(null)));
        ScpImageClient<?> client = builder.build(version);
        try {
            ApiResponse<?> response = client.showImageWithHttpInfo(imageId);
            if (verbose) {
                printVersionFacts(err, response.getHeaders(), version);
            }
            out.println(json().writeValueAsString(response.getData()));
            out.flush();
            return ScpImageCli.OK;
        } catch (RetryableException e) {
            err.println("error: no answer from " + endpoint + ": " + e.getMessage());
            return ScpImageCli.IO_ERROR;
        } catch (FeignException e) {
            if (verbose) {
                printVersionFacts(err, e.responseHeaders(), version);
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

    /** {@code error: HTTP 404 IMAGE_NOT_FOUND: No image ...}, from the problem body when there is one. */
    static String describe(FeignException e) {
        StringBuilder line = new StringBuilder("error: HTTP ").append(e.status());
        JsonNode problem = problem(e.contentUTF8());
        if (problem != null && problem.hasNonNull("code")) {
            line.append(' ').append(problem.get("code").asText());
        }
        if (problem != null && problem.hasNonNull("detail")) {
            line.append(": ").append(problem.get("detail").asText());
        } else {
            line.append(": the server sent no problem details");
        }
        return line.toString();
    }

    private static JsonNode problem(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode node = new ObjectMapper().readTree(body);
            return node.isObject() ? node : null;
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            return null;
        }
    }

    private static void printVersionFacts(PrintWriter err, Map<String, Collection<String>> headers, ImageVersion<?> asked) {
        err.println("requested version: " + asked);
        err.println("served version: " + header(headers, VERSION_HEADER).orElse("(not stated by the server)"));
        for (String name : DEPRECATION_HEADERS) {
            header(headers, name).ifPresent(value -> err.println(name + ": " + value));
        }
    }

    private static Optional<String> header(Map<String, Collection<String>> headers, String name) {
        if (headers == null) {
            return Optional.empty();
        }
        return headers.entrySet().stream()
                .filter(h -> h.getKey() != null && h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                .map(h -> String.join(", ", h.getValue()))
                .findFirst();
    }

    private static ObjectMapper json() {
        return ScpJson.newMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
