package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.VersionStatus;

/**
 * The emulator's {@code /docs} is a working API console, in a real browser (Debian's headless
 * Chromium, {@link ConsoleBrowser}), with the emulator's default settings (signature checks on) on
 * the system clock (the page signs with the browser's time): the page loads from the emulator
 * alone, exactly what docs/console.md lists, without console errors; Authorize, prefilled with the
 * demo tenant, signs every "Try it out" of a signed operation in the browser, so Show Image of the
 * seed image answers 200 in the CURRENT and in a SUPPORTED version (the served version shown); the
 * versions document is called unsigned; a wrong secret shows the 401 problem and goes nowhere; the
 * page's signing matches the project's signature test vectors and the Java signer. No request
 * leaves the emulator's origin. Screenshots of each step: {@code target/browser/ApiConsoleBrowserIT/}.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiConsoleBrowserIT {

    private static ConsoleBrowser browser;

    @LocalServerPort
    int port;

    private ConsolePage page;

    /** A failed test keeps a screenshot of where it stopped. */
    @RegisterExtension
    final TestWatcher screenshotOnFailure = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.step("failed");
            }
        }
    };

    @BeforeAll
    static void startBrowser() {
        browser = ConsoleBrowser.startIfInstalled();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshPage(TestInfo test) {
        ConsoleBrowser.assumeRunning(browser);
        browser.steps(getClass(), test.getTestMethod().orElseThrow().getName());
        page = new ConsolePage(browser, "http://127.0.0.1:" + port);
    }

    @Test
    void thePageLoadsWhatTheDocsListFromTheEmulatorAloneTheEmulatorFirstTheCurrentVersionPreselected() {
        page.open();

        WebElement servers = browser.await(By.cssSelector(".servers select"));
        List<String> serverUrls = new Select(servers).getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(serverUrls.get(0)).as("first server: this emulator, relative to the page").isEqualTo("/");
        assertThat(serverUrls.subList(1, serverUrls.size())).as("then the spec's own servers")
                .containsExactlyElementsOf(specServers());

        page.expand(ScpApi.SHOW_IMAGE);
        Select version = page.versions(ScpApi.SHOW_IMAGE);
        assertThat(version.getOptions().stream().map(WebElement::getText).filter(t -> !t.startsWith("--")))
                .as("every version a request may name, newest first")
                .containsExactlyElementsOf(SpecVersions.newestFirst(SpecVersions.callable()).stream()
                        .map(ScpServiceVersion::headerValue).toList());
        assertThat(version.getFirstSelectedOption().getText()).as("preselected").isEqualTo(SpecVersions.current().headerValue());
        browser.step("show-image-expanded");

        assertNoConsoleErrors();
        assertEverythingCameFromTheEmulator();
        Set<String> loaded = new TreeSet<>();
        browser.requests().stream().filter(r -> r.url().startsWith(page.origin() + "/"))
                .forEach(r -> loaded.add(URI.create(r.url()).getPath()));
        List<String> listed = docsTableOfWhatThePageLoads();
        assertThat(loaded).as("every path the page loaded is in docs/console.md's table")
                .allMatch(path -> listed.stream().anyMatch(entry -> matches(entry, path)));
        assertThat(listed).as("every path of docs/console.md's table was loaded")
                .allMatch(entry -> loaded.stream().anyMatch(path -> matches(entry, path)));
    }

    @Test
    void authorizeWithTheDemoKeysAndShowImageIsSignedInTheBrowserInTheCurrentAndASupportedVersion() {
        page.open();
        page.openAuthorize();
        browser.step("authorize-prefilled");
        assertThat(page.field(ConsolePage.ACCESS_KEY)).isEqualTo(ReferenceServer.DEMO.accessKey());
        assertThat(page.field(ConsolePage.SECRET_KEY)).isEqualTo(ReferenceServer.DEMO.secretKey());
        assertThat(page.field(ConsolePage.ACCOUNT_ID)).isEqualTo(ReferenceServer.DEMO.accountId());
        assertThat(new Select(browser.driver().findElement(ConsolePage.TENANT)).getOptions())
                .as("the other demo tenants are offered (and 'your own keys')").hasSizeGreaterThan(2);
        page.pressAuthorize();
        browser.step("authorized");

        page.expand(ScpApi.SHOW_IMAGE);
        for (ScpServiceVersion version : List.of(SpecVersions.current(), supported())) {
            ConsolePage.Response response = page.showImage(ReferenceServer.SEED_IMAGE_ID, version);
            browser.step("show-image-" + version.getVersion());

            assertThat(response.status()).as("status in %s", version).isEqualTo(200);
            assertThat(response.json()).as("body in %s", version).isEqualTo(SpecVersions.expectedSeed(version));
            assertThat(response.header(ScpApi.VERSION_HEADER)).as("served version shown").isEqualTo(version.headerValue());
        }

        List<ConsoleBrowser.Request> calls = page.calls(ScpApi.SHOW_IMAGE);
        assertThat(calls).hasSize(2);
        for (ConsoleBrowser.Request call : calls) {
            String timestamp = call.header(ScpSigner.TIMESTAMP_HEADER);
            assertThat(call.header(ScpSigner.ACCESS_KEY_HEADER)).isEqualTo(ReferenceServer.DEMO.accessKey());
            assertThat(call.header(ScpSigner.CLIENT_TYPE_HEADER)).isEqualTo(ScpSigner.CLIENT_TYPE);
            assertThat(call.header(ScpSigner.ACCOUNT_ID_HEADER)).isEqualTo(ReferenceServer.DEMO.accountId());
            assertThat(timestamp).as("canonical epoch milliseconds").matches("[1-9][0-9]*");
            assertThat(call.header(ScpSigner.SIGNATURE_HEADER)).as("signed over the URL as sent")
                    .isEqualTo(new ScpSigner(ReferenceServer.DEMO).signature(call.method(), call.url(), Long.parseLong(timestamp)));
        }
        assertThat(calls.get(0).header(ScpSigner.TIMESTAMP_HEADER)).as("signed afresh for each request")
                .isNotEqualTo(calls.get(1).header(ScpSigner.TIMESTAMP_HEADER));

        page.expand(ScpApi.LIST_VERSIONS);
        ConsolePage.Response document = page.execute(ScpApi.LIST_VERSIONS);
        browser.step("versions-document");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("versions").size()).isEqualTo(ScpServiceVersion.all().size());
        assertThat(page.calls(ScpApi.LIST_VERSIONS)).singleElement().satisfies(call -> {
            assertThat(call.header(ScpSigner.SIGNATURE_HEADER)).as("the versions document is not signed").isNull();
            assertThat(call.header(ScpSigner.TIMESTAMP_HEADER)).isNull();
        });

        String html = browser.driver().getPageSource();
        for (ConsoleBrowser.Request call : calls) {
            assertThat(html).as("no signature printed in the page").doesNotContain(call.header(ScpSigner.SIGNATURE_HEADER));
        }
        assertNoConsoleErrors();
        assertEverythingCameFromTheEmulator();
    }

    @Test
    void aWrongSecretShowsThe401ProblemAndTheSecretGoesNowhere() {
        String secret = "wrong-secret-" + UUID.randomUUID();
        page.open();
        page.openAuthorize();
        page.type(ConsolePage.SECRET_KEY, secret);
        browser.step("wrong-secret-typed");
        page.pressAuthorize();

        page.expand(ScpApi.SHOW_IMAGE);
        ConsolePage.Response response = page.showImage(ReferenceServer.SEED_IMAGE_ID, SpecVersions.current());
        browser.step("unauthorized");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("code").asText()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE.code());
        assertThat(response.json().path("status").asInt()).isEqualTo(401);

        List<ConsoleBrowser.Request> all = browser.requests();
        assertThat(page.calls(ScpApi.SHOW_IMAGE)).as("the signed call").hasSize(1);
        for (ConsoleBrowser.Request request : all) {
            assertThat(request.url()).doesNotContain(secret);
            assertThat(request.headers().values()).noneMatch(v -> v.contains(secret));
        }
        Object stored = browser.script("return [document.cookie, JSON.stringify(localStorage), "
                + "JSON.stringify(sessionStorage), location.href].join(' ');");
        assertThat(String.valueOf(stored)).as("cookies, web storage, URL").doesNotContain(secret);
        assertThat(browser.driver().getPageSource()).as("the page after Authorize").doesNotContain(secret);
        assertThat(browser.console(Level.SEVERE)).as("console errors besides the 401 itself")
                .allMatch(e -> e.getMessage().contains("401"));
        assertEverythingCameFromTheEmulator();
    }

    @Test
    void thePagesSigningMatchesTheSignatureTestVectorsAndTheJavaSigner() throws IOException {
        page.open();

        JsonNode vectors;
        try (InputStream in = getClass().getResourceAsStream("/scp-signature-vectors.json")) {
            vectors = ReferenceServer.JSON.readTree(in);
        }
        assertThat(vectors.size()).isGreaterThanOrEqualTo(5);
        for (JsonNode v : vectors) {
            Object signature = browser.async("var done = arguments[arguments.length - 1];"
                    + "ScpSigning.signature(arguments[0], arguments[1], arguments[2], arguments[3], arguments[4], "
                    + "arguments[5], arguments[6]).then(done, function (e) { done('error: ' + e); });",
                    v.get("SecretKey").asText(), v.get("Method").asText(), v.get("Url").asText(),
                    v.get("Timestamp").asText(), v.get("AccessKey").asText(), v.get("AccountId").asText(),
                    v.get("ClientType").asText());
            assertThat(signature).as("vector %s %s", v.get("Method").asText(), v.get("Url").asText())
                    .isEqualTo(v.get("Signature").asText());
        }

        ScpCredentials credentials = ScpCredentials.of("console-key", "비밀-secret/+=", ReferenceServer.SEED_PROJECT);
        String url = page.origin() + ReferenceServer.imagePath("a%2Fb%20c") + "?x=1";
        long timestamp = Clock.systemUTC().millis();
        Object headers = browser.async("var done = arguments[arguments.length - 1];"
                + "ScpSigning.headers({accessKey: arguments[0], secretKey: arguments[1], accountId: arguments[2]}, "
                + "'get', arguments[3], arguments[4]).then(done, function (e) { done('error: ' + e); });",
                credentials.accessKey(), credentials.secretKey(), credentials.accountId(), url, timestamp);
        assertThat(headers).as("the page's headers are the Java client's").isEqualTo(
                new ScpSigner(credentials).headers("GET", url, timestamp));
        browser.step("vectors-checked");
        assertNoConsoleErrors();
    }

    // --- checks ----------------------------------------------------------------------------------

    private static void assertNoConsoleErrors() {
        assertThat(browser.console(Level.SEVERE)).as("console errors").isEmpty();
    }

    /**
     * Every network request the page made went to the emulator's origin ({@code data:} URLs and the
     * browser's own {@code chrome:} pages never leave the machine).
     */
    private void assertEverythingCameFromTheEmulator() {
        List<ConsoleBrowser.Request> requests = browser.requests();
        assertThat(requests).as("requests seen").isNotEmpty();
        assertThat(requests).as("requests to anywhere but " + page.origin())
                .allMatch(r -> r.url().startsWith(page.origin() + "/") || r.url().startsWith("data:")
                        || r.url().startsWith("chrome:"));
    }

    private static List<String> specServers() {
        try (InputStream in = ApiConsoleBrowserIT.class.getResourceAsStream(ScpApi.SPEC_JSON)) {
            return ReferenceServer.JSON.readTree(in).path("servers").findValuesAsText("url");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A SUPPORTED version served today, else another served one (derived from the spec). */
    private static ScpServiceVersion supported() {
        Clock clock = Clock.systemUTC();
        return SpecVersions.servedOn(clock).stream().filter(v -> v.status() == VersionStatus.SUPPORTED).findFirst()
                .orElseGet(() -> SpecVersions.otherServed(clock));
    }

    /** The first column of docs/console.md's table under "What the page loads" ({@code *} stands for a name). */
    static List<String> docsTableOfWhatThePageLoads() {
        String doc;
        try {
            doc = Files.readString(Path.of("").toAbsolutePath().getParent().resolve("docs/console.md")).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int start = doc.indexOf("\n## What the page loads\n");
        assertThat(start).as("docs/console.md has '## What the page loads'").isNotNegative();
        int end = doc.indexOf("\n#", start + 2);
        Matcher row = Pattern.compile("^\\| `(/[^`]*)` \\|", Pattern.MULTILINE)
                .matcher(doc.substring(start, end < 0 ? doc.length() : end));
        List<String> entries = new ArrayList<>();
        while (row.find()) {
            entries.add(row.group(1));
        }
        assertThat(entries).as("rows of the table").hasSizeGreaterThanOrEqualTo(5);
        return entries;
    }

    private static boolean matches(String entry, String path) {
        return path.matches(Pattern.quote(entry).replace("*", "\\E[^/]+\\Q"));
    }
}
