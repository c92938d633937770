package io.github.scptoolkit.image.reference;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.web.util.UriTemplate;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;

/**
 * The build's training run ({@code --scp.emulator.training-run=true}, reference-server/pom.xml).
 * Once the emulator is ready (its banner printed), a thread of its own sends, over HTTP to the
 * emulator's own port, what a start is judged by and what a first call does, then the JVM exits
 * with status 0 and writes its class-data-sharing archive or AOT cache (both are written at exit)
 * with Tomcat's start and those requests in it, not only the context's refresh. The requests: the
 * health endpoint (until it is UP) and, unsigned, every {@code GET} operation of the spec; a signed
 * one is refused with its 401 problem before its path parameters are read, so they take a
 * placeholder. An answer with a 5xx status, or none, ends the run with status 1, which fails the
 * build. Off by default; nothing else of the emulator changes with it. Part of the executable
 * emulator ({@link ReferenceServerApplication}) only, not of {@link EmulatorConfiguration}: the
 * test kit has no actuator and no use for it.
 *
 * <pre>
 * java -XX:ArchiveClassesAtExit=app.jsa -Dspring.aot.enabled=true -jar scp-image-emulator.jar \
 *     --server.port=0 --scp.emulator.training-run=true
 * </pre>
 */
class TrainingRun implements ApplicationListener<ApplicationReadyEvent> {

    /** Turns the training run on. */
    static final String PROPERTY = "scp.emulator.training-run";

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);
    /**
     * What every variable of a path template takes: a signed operation refuses the unsigned request
     * before reading it, an unsigned one answers it as any unknown value (a 4xx).
     */
    private static final String PLACEHOLDER = "training-run";
    /** How long the health endpoint may take to report UP after the ready event. */
    private static final Duration READY_WITHIN = Duration.ofSeconds(30);

    private final EndpointCatalog endpoints;
    private final ObjectProvider<PathMappedEndpoints> actuator;

    TrainingRun(EndpointCatalog endpoints, ObjectProvider<PathMappedEndpoints> actuator) {
        this.endpoints = endpoints;
        this.actuator = actuator;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        if (context.getEnvironment().getProperty(PROPERTY, Boolean.class, false)) {
            // Not on this thread: the context reports itself ready to take traffic after this event.
            new Thread(() -> trainAndExit(context), "training-run").start();
        }
    }

    private void trainAndExit(ConfigurableApplicationContext context) {
        int status = train();
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** 0 when every training request was answered, else 1. */
    private int train() {
        try {
            log.info("Training run: {}", exercise());
            return 0;
        } catch (RuntimeException e) {
            log.error("Training run failed: {}", e.getMessage());
            return 1;
        }
    }

    /**
     * Sends the training requests and returns {@code "<status> <path>"} for each.
     *
     * @throws IllegalStateException for an answer with a 5xx status, or none
     */
    List<String> exercise() {
        String base = endpoints.baseUrl();
        List<String> paths = new ArrayList<>();
        PathMappedEndpoints mapped = actuator.getIfAvailable();
        String health = mapped == null ? null : mapped.getPath(EndpointId.of("health"));
        if (health != null) {
            paths.add(health);
        }
        for (ScpOperation operation : ScpApi.operations()) {
            if (HttpMethod.GET.matches(operation.method())) {
                paths.add(expand(operation));
            }
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<String> answers = new ArrayList<>();
        long deadline = System.nanoTime() + READY_WITHIN.toNanos();
        for (String path : paths) {
            int status = get(http, base + path);
            // The health endpoint answers 503 until the context takes traffic, just after it is ready.
            while (path.equals(health) && status == 503 && System.nanoTime() < deadline) {
                pause();
                status = get(http, base + path);
            }
            if (status >= 500) {
                throw new IllegalStateException(path + " answered " + status);
            }
            answers.add(status + " " + path);
        }
        return answers;
    }

    private static int get(HttpClient http, String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException(url + " did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String expand(ScpOperation operation) {
        UriTemplate template = new UriTemplate(operation.path());
        return template.expand(Collections.nCopies(template.getVariableNames().size(), PLACEHOLDER).toArray()).toString();
    }
}
