package io.github.scptoolkit.image.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.github.scptoolkit.image.client.ScpCredentials;
import io.github.scptoolkit.image.client.ScpSigner;
import io.github.scptoolkit.image.reference.ReferenceServerApplication;
import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpProblemCode;
import io.github.scptoolkit.image.spec.ScpServiceVersion;
import io.github.scptoolkit.image.spec.VersionStatus;

/**
 * The emulator's {@code /docs} is a working API console, in a real browser (Debian's headless
 * Chromium, {@link ConsoleBrowser}), with signature checks on, on the system clock (the page signs
 * with the browser's time): the page loads from the emulator alone without console errors;
 * Authorize, prefilled with the demo tenant, signs every "Try it out" of a signed operation in the
 * browser, so Show Image of the seed image answers 200 in the CURRENT and in a SUPPORTED version
 * (the served version shown); the versions document is called unsigned; a wrong secret shows the
 * 401 problem and goes nowhere; the page's signing matches the project's signature test vectors.
 * No request leaves the emulator's origin. Screenshots of each step: {@code target/browser/}.
 */
@SpringBootTest(classes = ReferenceServerApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ApiConsoleBrowserIT {

    private static final String VERSION_PARAMETER = "tr[data-param-name='" + ScpApi.VERSION_HEADER + "']";
    private static ConsoleBrowser browser;

    @LocalServerPort
    int port;

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
        browser = ConsoleBrowser.startOrSkip();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshSteps(TestInfo test) {
        browser.steps(getClass(), test.getTestMethod().orElseThrow().getName());
    }

    private String origin() {
        return "http://127.0.0.1:" + port;
    }

    @Test
    void thePageLoadsFromTheEmulatorAloneWithTheEmulatorFirstAndTheCurrentVersionPreselected() {
        openConsole();

        WebElement servers = browser.await(By.cssSelector(".servers select"));
        List<String> serverUrls = new Select(servers).getOptions().stream().map(o -> o.getAttribute("value")).toList();
        assertThat(serverUrls.get(0)).as("first server: this emulator, relative to the page").isEqualTo("/");
        assertThat(serverUrls.subList(1, serverUrls.size())).as("then the spec's own servers")
                .containsExactlyElementsOf(specServers());

        WebElement showImage = expand(ScpApi.SHOW_IMAGE);
        Select version = new Select(showImage.findElement(By.cssSelector(VERSION_PARAMETER + " select")));
        assertThat(version.getOptions().stream().map(WebElement::getText).filter(t -> !t.startsWith("--")))
                .as("every version a request may name, newest first")
                .containsExactlyElementsOf(SpecVersions.newestFirst(SpecVersions.callable()).stream()
                        .map(ScpServiceVersion::headerValue).toList());
        assertThat(version.getFirstSelectedOption().getText()).as("preselected")
                .isEqualTo(SpecVersions.current().headerValue());
        browser.step("show-image-expanded");

        assertNoConsoleErrors();
        assertEverythingCameFromTheEmulator();
    }

    @Test
    void authorizeWithTheDemoKeysAndShowImageIsSignedInTheBrowserInTheCurrentAndASupportedVersion() {
        openConsole();
        authorizeWithPrefilledDemoKeys();

        expand(ScpApi.SHOW_IMAGE);
        ScpServiceVersion current = SpecVersions.current();
        ScpServiceVersion supported = supported();
        for (ScpServiceVersion version : List.of(current, supported)) {
            Response response = showImage(ReferenceServer.SEED_IMAGE_ID, version);
            browser.step("show-image-" + version.getVersion());

            assertThat(response.status()).as("status in %s", version).isEqualTo(200);
            assertThat(response.json()).as("body in %s", version).isEqualTo(SpecVersions.expectedSeed(version));
            assertThat(response.header(ScpApi.VERSION_HEADER)).as("served version shown").isEqualTo(version.headerValue());
        }

        List<ConsoleBrowser.Request> calls = apiCalls(ScpApi.SHOW_IMAGE);
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

        expand(ScpApi.LIST_VERSIONS);
        Response document = execute(ScpApi.LIST_VERSIONS);
        browser.step("versions-document");
        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().path("versions").size()).isEqualTo(ScpServiceVersion.all().size());
        assertThat(apiCalls(ScpApi.LIST_VERSIONS)).singleElement().satisfies(call -> {
            assertThat(call.header(ScpSigner.SIGNATURE_HEADER)).as("the versions document is not signed").isNull();
            assertThat(call.header(ScpSigner.TIMESTAMP_HEADER)).isNull();
        });

        assertThat(browser.driver().getPageSource()).as("no signature printed in the page")
                .doesNotContain(calls.get(0).header(ScpSigner.SIGNATURE_HEADER));
        assertNoConsoleErrors();
        assertEverythingCameFromTheEmulator();
    }

    @Test
    void aWrongSecretShowsThe401ProblemAndTheSecretGoesNowhere() {
        String secret = "wrong-secret-" + UUID.randomUUID();
        openConsole();
        openAuthorize();
        WebElement secretField = browser.await(By.id("scp-secret-key"));
        secretField.clear();
        secretField.sendKeys(secret);
        browser.step("wrong-secret-typed");
        browser.click(browser.awaitClickable(By.id("scp-authorize")));
        browser.awaitGone(By.id("scp-secret-key"));

        expand(ScpApi.SHOW_IMAGE);
        Response response = showImage(ReferenceServer.SEED_IMAGE_ID, SpecVersions.current());
        browser.step("unauthorized");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("code").asText()).isEqualTo(ScpProblemCode.INVALID_SIGNATURE.code());
        assertThat(response.json().path("status").asInt()).isEqualTo(401);

        List<ConsoleBrowser.Request> all = browser.requests();
        assertThat(all).as("requests").isNotEmpty();
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
        openConsole();

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
        String url = origin() + ReferenceServer.imagePath("a%2Fb c") + "?x=1";
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

    // --- steps -----------------------------------------------------------------------------------

    private void openConsole() {
        browser.open(origin() + "/docs");
        browser.await(By.cssSelector(".opblock"));
        browser.step("page-loaded");
    }

    private void openAuthorize() {
        browser.click(browser.awaitClickable(By.cssSelector(".auth-wrapper .authorize")));
        browser.await(By.cssSelector(".scp-signing"));
    }

    /** Opens Authorize, checks the fields hold the first demo tenant, and authorizes with them. */
    private void authorizeWithPrefilledDemoKeys() {
        openAuthorize();
        WebElement accessKey = browser.await(By.id("scp-access-key"));
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> !accessKey.getAttribute("value").isEmpty());
        browser.step("authorize-prefilled");
        assertThat(accessKey.getAttribute("value")).isEqualTo(ReferenceServer.DEMO.accessKey());
        assertThat(browser.driver().findElement(By.id("scp-secret-key")).getAttribute("value"))
                .isEqualTo(ReferenceServer.DEMO.secretKey());
        assertThat(browser.driver().findElement(By.id("scp-account-id")).getAttribute("value"))
                .isEqualTo(ReferenceServer.DEMO.accountId());
        assertThat(new Select(browser.driver().findElement(By.id("scp-tenant"))).getOptions())
                .as("the other demo tenants are offered").hasSizeGreaterThan(2);

        browser.click(browser.awaitClickable(By.id("scp-authorize")));
        browser.awaitGone(By.id("scp-access-key"));
        browser.step("authorized");
    }

    private static By block(ScpOperation operation) {
        return By.cssSelector(".opblock[id$='-" + operation.operationId() + "']");
    }

    /** The operation's block, expanded. */
    private WebElement expand(ScpOperation operation) {
        WebElement element = browser.await(block(operation));
        if (element.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            browser.click(element.findElement(By.cssSelector(".opblock-summary")));
        }
        browser.await(By.cssSelector(".opblock[id$='-" + operation.operationId() + "'] .opblock-body"));
        return browser.driver().findElement(block(operation));
    }

    private Response showImage(String imageId, ScpServiceVersion version) {
        WebElement block = browser.driver().findElement(block(ScpApi.SHOW_IMAGE));
        WebElement id = block.findElement(By.cssSelector("tr[data-param-name='image_id'] input"));
        id.clear();
        id.sendKeys(imageId);
        new Select(block.findElement(By.cssSelector(VERSION_PARAMETER + " select"))).selectByVisibleText(version.headerValue());
        return execute(ScpApi.SHOW_IMAGE);
    }

    /** Presses Execute (clearing an earlier response first) and reads the response the page shows. */
    private Response execute(ScpOperation operation) {
        By live = By.cssSelector(".opblock[id$='-" + operation.operationId() + "'] .live-responses-table tbody .response");
        List<WebElement> clear = browser.driver().findElement(block(operation)).findElements(By.cssSelector("button.btn-clear"));
        if (!clear.isEmpty()) {
            browser.click(clear.get(0));
            browser.awaitGone(live);
        }
        browser.click(browser.driver().findElement(block(operation)).findElement(By.cssSelector("button.execute")));
        WebElement row = browser.await(live);
        browser.scrollTo(row);
        int status = Integer.parseInt(row.findElement(By.cssSelector(".response-col_status")).getText().trim());
        String body = row.findElement(By.cssSelector(".response-col_description pre")).getText();
        List<String> headerLines = row.findElements(By.cssSelector(".headerline")).stream()
                .map(h -> h.getAttribute("textContent")).toList();
        return new Response(status, body, headerLines);
    }

    /** A response as the page shows it. */
    private record Response(int status, String body, List<String> headerLines) {
        JsonNode json() {
            return ReferenceServer.json(body);
        }

        /** A response header's value as shown ({@code name: value}, names in lower case), or null. */
        String header(String name) {
            String prefix = name.toLowerCase(java.util.Locale.ROOT) + ":";
            return headerLines.stream().map(String::trim).filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst().orElse(null);
        }
    }

    // --- checks ----------------------------------------------------------------------------------

    /** The requests the page made to {@code operation} (its path template, any parameter). */
    private List<ConsoleBrowser.Request> apiCalls(ScpOperation operation) {
        String pattern = java.util.regex.Pattern.quote(origin()) + operation.path().replaceAll("\\{[^}]+}", "[^/?]+")
                + "(\\?.*)?";
        return browser.requests().stream().filter(r -> r.url().matches(pattern)).toList();
    }

    private void assertNoConsoleErrors() {
        List<LogEntry> errors = browser.console(Level.SEVERE);
        assertThat(errors).as("console errors").isEmpty();
    }

    /**
     * Every network request the page made went to the emulator's origin ({@code data:} URLs and the
     * browser's own {@code chrome:} pages never leave the machine).
     */
    private void assertEverythingCameFromTheEmulator() {
        List<ConsoleBrowser.Request> requests = browser.requests();
        assertThat(requests).as("requests seen").isNotEmpty();
        assertThat(requests).as("requests to anywhere but " + origin())
                .allMatch(r -> r.url().startsWith(origin() + "/") || r.url().startsWith("data:")
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
}
