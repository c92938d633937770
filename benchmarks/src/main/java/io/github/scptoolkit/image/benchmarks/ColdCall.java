package io.github.scptoolkit.image.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpJson;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The client's cold path, run in a fresh JVM per call by {@link BenchmarkMain}: build a client and
 * make one signed Show Image call, then print {@code COLD <nanoseconds from main to the decoded image>}
 * and exit. {@code sdk}: {@code ScpImageClient.builder()...build().showImage(id)}; {@code hand}: the
 * hand-written baseline, a {@code java.net.http.HttpClient} with the same headers and signature
 * ({@link Requests}) and Jackson decoding into the same model with the same mapper settings.
 *
 * <pre>
 * java -cp ... io.github.scptoolkit.image.benchmarks.ColdCall sdk http://127.0.0.1:8080
 * </pre>
 */
public final class ColdCall {

    /** The seed image (a hand-written caller has its path as a literal; BenchmarkServer would load Spring). */
    private static final String IMAGE_ID = "70a599e0-31e7-49b7-b260-868f441e862b";

    private ColdCall() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        String endpoint = args[1];
        Image image;
        if (args[0].equals("sdk")) {
            ScpImageClient client = ScpImageClient.builder().endpoint(endpoint)
                    .credentials(ScpCredentials.of(Requests.ACCESS_KEY, Requests.SECRET_KEY, Requests.ACCOUNT_ID))
                    .serviceVersion(ScpServiceVersion.getLatest()).build();
            image = client.showImage(IMAGE_ID);
        } else {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpResponse<byte[]> response = http.send(Requests.showImage(endpoint, "/v1/images/" + IMAGE_ID),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            image = ScpJson.newMapper().readerFor(Image.class).readValue(response.body());
        }
        long took = System.nanoTime() - start;
        if (!IMAGE_ID.equals(image.getId())) {
            throw new IllegalStateException("wrong image " + image.getId());
        }
        System.out.println("COLD " + took);
        System.exit(0);
    }
}
