package io.github.scptoolkit.image.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.opentest4j.AssertionFailedError;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.scptoolkit.image.client.ScpConfig;
import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpImageClient;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.client.generated.model.Image;
import io.github.scptoolkit.image.reference.EmulatorProperties;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The emulator a test runs against (the reference server, in the test's JVM on a random loopback
 * port), handed to the test by {@link ScpEmulatorTest} / {@link ScpEmulatorExtension}: where it is,
 * the demo credentials and ready clients; per-test state (images, tenants, the service's date,
 * the versions served); injected faults; and the journal of the requests it received, with
 * WireMock-style {@link #verify} assertions. Everything a test changes is undone after the test
 * ({@link #reset()}).
 *
 * <pre>
 * &#64;ScpEmulatorTest
 * class ImageLookupTest {
 *     &#64;Test
 *     void survivesOneUnavailableAnswer(ScpEmulator emulator) {
 *         emulator.inject(ScpFault.serviceUnavailable(Duration.ofSeconds(1)));
 *
 *         Image image = emulator.client().showImage(ScpImages.seedId());
 *
 *         emulator.verifySignedAfresh(2, ScpRequestPattern.image(ScpImages.seedId()));
 *     }
 * }
 * </pre>
 */
public final class ScpEmulator {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmulatorServer server;

    ScpEmulator(EmulatorServer server) {
        this.server = server;
    }

    // --- where it is and how to call it --------------------------------------------------------

    /** The base URL, {@code http://127.0.0.1:<port>}: the endpoint for the client. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** The port it listens on (random, loopback only). */
    public int port() {
        return server.endpoint().getPort();
    }

    /** The demo tenant: the emulator's first configured tenant ({@code test}), owner of the seed image. */
    public ScpTenant demoTenant() {
        EmulatorProperties.Tenant demo = server.demoTenant();
        return new ScpTenant(demo.getAccessKey(), demo.getSecretKey(), demo.getProjectId(), demo.getActions());
    }

    /** The demo tenant's key pair, signing for its project. */
    public ScpCredentials credentials() {
        return demoTenant().credentials();
    }

    /** A client builder for this emulator with the demo credentials; set what your code sets (retries, timeouts). */
    public ScpImageClient.Builder clientBuilder() {
        return ScpImageClient.builder().endpoint(endpoint()).credentials(credentials());
    }

    /** A client of this emulator with the demo credentials, in the CURRENT version. */
    public ScpImageClient client() {
        return clientBuilder().build();
    }

    /** A client of this emulator with the demo credentials, in {@code version}. */
    public ScpImageClient client(ScpServiceVersion version) {
        return clientBuilder().serviceVersion(version).build();
    }

    /**
     * The settings of a {@code ~/.scpconf} that points SCP's tools at this emulator: its auth URL
     * ({@code auth-url}, the base of its endpoint catalog), its region ({@code default-region}) and
     * the demo key pair and project. A client built from them discovers the emulator's endpoint as
     * it would SCP's.
     *
     * <pre>
     * ScpImageClient client = ScpImageClient.builder().configuration(emulator.config()).build();
     * </pre>
     */
    public ScpConfig config() {
        ScpTenant demo = demoTenant();
        String source = "the test kit's emulator";
        return ScpConfig.empty()
                .with(ScpConfig.Setting.AUTH_URL, server.control().authUrl(), source)
                .with(ScpConfig.Setting.DEFAULT_REGION, server.control().region(), source)
                .with(ScpConfig.Setting.ACCESS_KEY, demo.accessKey(), source)
                .with(ScpConfig.Setting.SECRET_KEY, demo.secretKey(), source)
                .with(ScpConfig.Setting.ACCOUNT_ID, demo.projectId(), source);
    }

    /**
     * Writes {@link #config()} as the two files of a {@code ~/.scpconf} directory
     * ({@value ScpConfig#CONFIG_FILE} and {@value ScpConfig#CREDENTIALS_FILE}) into {@code directory}
     * (created if missing), for code under test that reads them itself, e.g. with
     * {@code SCP_CONFIG_DIR} pointing there, or a CLI started by the test.
     *
     * <pre>
     * Path scpconf = emulator.writeScpConf(tempDir.resolve(".scpconf"));
     * ScpConfig config = ScpConfig.load(Map.of(ScpConfig.CONFIG_DIR_VARIABLE, scpconf.toString()));
     * </pre>
     *
     * @return {@code directory}
     */
    public Path writeScpConf(Path directory) {
        Objects.requireNonNull(directory, "directory");
        ScpConfig config = config();
        Map<String, Map<String, String>> files = new LinkedHashMap<>();
        for (ScpConfig.Setting setting : ScpConfig.Setting.values()) {
            Optional<String> value = config.get(setting);
            if (value.isPresent() && setting.file().isPresent() && setting.key().isPresent()) {
                files.computeIfAbsent(setting.file().get(), file -> new LinkedHashMap<>())
                        .put(setting.key().get(), value.get());
            }
        }
        try {
            Files.createDirectories(directory);
            for (Map.Entry<String, Map<String, String>> file : files.entrySet()) {
                Files.writeString(directory.resolve(file.getKey()), JSON.writeValueAsString(file.getValue()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + directory, e);
        }
        return directory;
    }

    // --- state of the current test ------------------------------------------------------------

    /**
     * Serves {@code image} (added, or replacing the image with its id) until the test ends.
     *
     * @return the image as the client's model (every field of every version)
     * @throws IllegalArgumentException naming each field that is not valid against the spec's model
     */
    public Image putImage(ScpImages.Builder image) {
        Objects.requireNonNull(image, "image");
        server.control().putImage(image.json(), image.members());
        return image.toImage();
    }

    /** Adds {@code tenant} (or replaces the one with its access key) until the test ends; its key signs at once. */
    public ScpTenant putTenant(ScpTenant tenant) {
        Objects.requireNonNull(tenant, "tenant");
        server.control().putTenant(tenant.accessKey(), tenant.secretKey(), tenant.projectId(), tenant.actions());
        return tenant;
    }

    /**
     * Sets the service's date until the test ends: from 00:00 of {@code date} in the zone of Not
     * Before dates (the spec's {@code x-not-before-zone}), a DEPRECATED version whose Not Before
     * date has arrived is refused with {@code RETIRED_API_VERSION}. Signatures are still checked
     * against the real time, so clients need no clock of their own.
     */
    public void setDate(LocalDate date) {
        setClock(Clock.fixed(date.atStartOfDay(server.zone()).toInstant(), server.zone()));
    }

    /** Sets the clock the emulator decides which versions are served by, until the test ends (see {@link #setDate}). */
    public void setClock(Clock clock) {
        server.clock(Objects.requireNonNull(clock, "clock"));
    }

    /** The clock the emulator decides which versions are served by (the system clock unless set). */
    public Clock clock() {
        return server.clock();
    }

    /**
     * The versions the emulator serves now, newest first: those of the spec that are callable and
     * not retired on its date, or retired too with {@link #serveRetiredVersions}.
     */
    public List<ScpServiceVersion> servedVersions() {
        return server.servedVersions();
    }

    /**
     * Whether DEPRECATED versions past their Not Before date are served anyway, as a deployment
     * that has not retired them yet does (default: refused), until the test ends.
     */
    public void serveRetiredVersions(boolean serve) {
        server.serveRetired(serve);
    }

    /** Answers the requests {@code fault} matches with it, until it is used up or the test ends. */
    public void inject(ScpFault fault) {
        server.faults().add(Objects.requireNonNull(fault, "fault"));
    }

    /** Back to the emulator as started: images, tenants, clock, versions served, faults and journal. The extension calls it after each test. */
    public void reset() {
        server.reset();
    }

    // --- journal ---------------------------------------------------------------------------------

    /**
     * The requests received since the test started, in order of arrival. Waits (at most a few
     * seconds) for requests still being answered.
     */
    public List<ScpRecordedRequest> requests() {
        return server.journal().requests().requests();
    }

    /**
     * Forgets the requests received so far in this test (WireMock's {@code resetRequests}): what
     * follows is verified alone, e.g. after calls that only set the test up.
     */
    public void resetRequests() {
        server.journal().reset();
    }

    /** The requests {@code pattern} matches, in order of arrival. */
    public List<ScpRecordedRequest> requests(ScpRequestPattern pattern) {
        return requests().stream().filter(pattern).toList();
    }

    /**
     * Asserts that exactly {@code count} requests of this test match {@code pattern}; the failure
     * message lists every request the emulator received.
     *
     * <pre>
     * emulator.verify(1, ScpRequestPattern.image(id).accessKey(emulator.credentials().accessKey()));
     * </pre>
     */
    public void verify(int count, ScpRequestPattern pattern) {
        Journal.Snapshot snapshot = server.journal().requests();
        List<ScpRecordedRequest> matching = snapshot.requests().stream().filter(pattern).toList();
        if (matching.size() != count) {
            throw new AssertionFailedError(expectation(count, pattern, "") + " but received " + matching.size()
                    + ".\n" + journal(snapshot), count, matching.size());
        }
    }

    /**
     * Asserts that exactly {@code count} requests match {@code pattern} and that each was signed
     * afresh: its signature verified, and no two with the same signature or timestamp (a retry
     * signs again; a replayed request would not). "Exactly 3 attempts, each signed afresh".
     *
     * <pre>
     * emulator.inject(ScpFault.serviceUnavailable().times(2));
     * client.showImage(id);
     * emulator.verifySignedAfresh(3, ScpRequestPattern.image(id));
     * </pre>
     */
    public void verifySignedAfresh(int count, ScpRequestPattern pattern) {
        Journal.Snapshot snapshot = server.journal().requests();
        List<ScpRecordedRequest> matching = snapshot.requests().stream().filter(pattern).toList();
        String expected = expectation(count, pattern, ", each signed afresh (a verified signature of its own)");
        if (matching.size() != count) {
            throw new AssertionFailedError(expected + " but received " + matching.size() + ".\n" + journal(snapshot),
                    count, matching.size());
        }
        Set<String> signatures = new HashSet<>();
        Set<String> timestamps = new HashSet<>();
        for (int i = 0; i < matching.size(); i++) {
            ScpRecordedRequest r = matching.get(i);
            String problem = !r.signed() ? "was not signed"
                    : !r.signatureVerified() ? "has a signature the emulator did not accept"
                    : !signatures.add(r.signatureFingerprint().orElseThrow()) ? "repeats an earlier attempt's signature"
                    : !timestamps.add(r.timestamp().orElse("")) ? "repeats an earlier attempt's " + ScpSigner.TIMESTAMP_HEADER
                    : null;
            if (problem != null) {
                throw new AssertionFailedError(expected + ", but attempt " + (i + 1) + " " + problem
                        + ": " + r + "\n" + journal(snapshot));
            }
        }
    }

    private static String expectation(int count, ScpRequestPattern pattern, String more) {
        return "Expected exactly " + count + " request" + (count == 1 ? "" : "s") + " matching <" + pattern + ">" + more;
    }

    private static String journal(Journal.Snapshot snapshot) {
        List<ScpRecordedRequest> all = snapshot.requests();
        String listed = all.isEmpty() ? "  (none)"
                : IntStream.range(0, all.size()).mapToObj(i -> "  " + (i + 1) + ". " + all.get(i))
                        .collect(Collectors.joining("\n"));
        return "Requests the emulator received in this test:\n" + listed
                + (snapshot.stillOpen() > 0 ? "\n  (and " + snapshot.stillOpen() + " still being answered)" : "");
    }

    /** E.g. {@code ScpEmulator[http://127.0.0.1:41234]}. */
    @Override
    public String toString() {
        return "ScpEmulator[" + endpoint() + "]";
    }
}
