package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.it.contract.InvalidRequests;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;

/**
 * A seeded random fuzzer: {@code fuzz.requests} (default 2,000) requests, each a valid signed
 * request with one to three mutations of the corpus plus harmless changes, in random order. Every
 * answer must be a 4xx problem valid against the spec (zero 5xx), and the server healthy afterwards.
 * The seed is printed; {@code -Dfuzz.seed=N} replays a run.
 */
@InvalidRequests
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class BadInputFuzzIT {

    static final long SEED = Long.getLong("fuzz.seed", 20261127L);
    static final int REQUESTS = Integer.getInteger("fuzz.requests", 2000);

    @LocalServerPort
    int port;

    @Test
    void thousandsOfMixedBadRequestsGetOnly4xxProblemsAndTheServerStaysHealthy() {
        System.out.println("Fuzzing with seed " + SEED + " (-Dfuzz.seed=" + SEED + " replays), " + REQUESTS + " requests");
        BadInputs inputs = new BadInputs(port);
        List<BadInputs.Mutation> corpus = BadInputs.corpus();
        List<BadInputs.Mutation> harmless = BadInputs.harmless();
        Random random = new Random(SEED);
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        for (int i = 0; i < REQUESTS; i++) {
            List<BadInputs.Mutation> mutations = new ArrayList<>();
            int bad = 1 + random.nextInt(3);
            for (int m = 0; m < bad; m++) {
                mutations.add(corpus.get(random.nextInt(corpus.size())));
            }
            if (random.nextBoolean()) {
                // First, so that a bad mutation of the same header wins.
                mutations.add(0, harmless.get(random.nextInt(harmless.size())));
            }
            RawHttp.Request request = inputs.valid();
            RawHttp.Response response = inputs.apply(request, mutations, random);
            byStatus.merge(response.status(), 1, Integer::sum);
            List<String> wrong = BadInputs.problemViolations(request.method, request.target, response);
            if (!wrong.isEmpty() && failures.size() < 20) {
                failures.add("#" + i + " " + mutations + " -> " + response.status() + " " + wrong);
            }
        }

        System.out.println("Fuzz: " + REQUESTS + " requests, by status: " + BadInputs.counts(byStatus));
        assertThat(failures).as("seed %d", SEED).isEmpty();
        assertThat(byStatus.keySet()).allMatch(status -> status >= 400 && status < 500);
        assertHealthy(inputs);
    }

    private void assertHealthy(BadInputs inputs) {
        var health = ReferenceServer.get(port, "/actuator/health", Map.of());   // not an operation of the spec: unsigned
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(ReferenceServer.json(health.body()).get("status").asText()).isEqualTo("UP");
        RawHttp.Response valid = inputs.send(inputs.sign(inputs.valid()));
        assertThat(valid.status()).isEqualTo(200);
        assertThat(ReferenceServer.json(valid.body()).get("id").asText()).isEqualTo(ReferenceServer.SEED_IMAGE_ID);
    }
}
