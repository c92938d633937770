package io.github.scptoolkit.image.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver (never a downloaded browser or
 * driver: both executables are given, so Selenium Manager is not asked), with the flags this
 * machine needs (no background networking, no sandbox as root, a fresh profile), the browser's
 * console and network events recorded, and a screenshot per step under
 * {@code target/browser/<test class>/<test>/}.
 *
 * <p>Without Chromium and ChromeDriver the tests that need it are skipped, each with the reason;
 * under {@code CI=true} (where {@code .ci/run} installs them) a missing browser fails instead.
 *
 * <pre>
 * ConsoleBrowser browser = ConsoleBrowser.startIfInstalled();     // in @BeforeAll
 * ConsoleBrowser.assumeRunning(browser);                          // in @BeforeEach: skips without one
 * browser.steps(getClass(), "myTest");
 * browser.open("http://127.0.0.1:" + port + "/docs");
 * browser.step("page loaded");
 * </pre>
 */
final class ConsoleBrowser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("browser.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("browser.chromedriver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Duration WAIT = Duration.ofSeconds(30);

    /** One network request the page made. */
    record Request(String id, String method, String url, Map<String, String> headers) {
        /** A header's value by case-insensitive name, or null. */
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
        }
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final List<Request> requests = new ArrayList<>();
    private final Map<String, Map<String, String>> wireHeaders = new HashMap<>();
    private final List<LogEntry> console = new ArrayList<>();
    private Path stepDir;
    private int step;

    private ConsoleBrowser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Why the browser tests cannot run here. */
    static final String MISSING = "no browser for the API console test: " + CHROMIUM + " and " + CHROMEDRIVER
            + " are needed (Debian: apt-get install chromium chromium-driver; .ci/run installs them)";

    /**
     * Starts the browser, or returns null when Chromium or ChromeDriver is not installed (then
     * {@link #assumeRunning} skips each test); under {@code CI=true} a missing browser fails instead.
     */
    static ConsoleBrowser startIfInstalled() {
        boolean installed = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new AssertionError(MISSING + "; under CI=true a missing browser fails the build");
        }
        if (!installed) {
            System.err.println("SKIPPED: " + MISSING);
            return null;
        }
        return start();
    }

    /** Skips the calling test, with the reason, when {@link #startIfInstalled} found no browser. */
    static void assumeRunning(ConsoleBrowser browser) {
        Assumptions.assumeTrue(browser != null, MISSING);
    }

    private static ConsoleBrowser start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("scp-console-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,1800");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new ConsoleBrowser(driver, profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Starts a test's steps: screenshots go to {@code target/browser/<class>/<test>/NN-<step>.png}; old events are dropped. */
    void steps(Class<?> testClass, String test) {
        stepDir = SCREENSHOTS.resolve(testClass.getSimpleName()).resolve(test);
        step = 0;
        try {
            if (Files.isDirectory(stepDir)) {
                try (Stream<Path> old = Files.walk(stepDir)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Files.createDirectories(stepDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        collect();
        requests.clear();
        wireHeaders.clear();
        console.clear();
    }

    /** Keeps a screenshot of the page as it is now, and its HTML beside it. */
    void step(String name) {
        String file = String.format("%02d-%s", ++step, name.replaceAll("[^A-Za-z0-9.-]+", "-"));
        try {
            Files.write(stepDir.resolve(file + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            Files.writeString(stepDir.resolve(file + ".html"), driver.getPageSource());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement await(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    WebElement awaitClickable(By locator) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(locator));
    }

    void awaitGone(By locator) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Scrolls an element into view and clicks it. */
    void click(WebElement element) {
        scrollTo(element);
        element.click();
    }

    /** Scrolls an element into the middle of the window (for the next screenshot). */
    void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Runs an async script: its last argument is the callback. */
    Object async(String script, Object... args) {
        return driver.executeAsyncScript(script, args);
    }

    Object script(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Every request the page made since {@link #steps}, in order, with the headers as sent where Chromium tells them. */
    List<Request> requests() {
        collect();
        return requests.stream().map(r -> {
            Map<String, String> headers = new LinkedHashMap<>(r.headers());
            headers.putAll(wireHeaders.getOrDefault(r.id(), Map.of()));
            return new Request(r.id(), r.method(), r.url(), headers);
        }).toList();
    }

    /** The browser console's entries since {@link #steps} at {@code level} or above. */
    List<LogEntry> console(Level level) {
        collect();
        return console.stream().filter(e -> e.getLevel().intValue() >= level.intValue()).toList();
    }

    private void collect() {
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = ReferenceServer.json(entry.getMessage()).path("message");
            String method = message.path("method").asText();
            JsonNode params = message.path("params");
            if (method.equals("Network.requestWillBeSent")) {
                JsonNode request = params.path("request");
                requests.add(new Request(params.path("requestId").asText(), request.path("method").asText(),
                        request.path("url").asText(), headers(request.path("headers"))));
            } else if (method.equals("Network.requestWillBeSentExtraInfo")) {
                // The headers as sent on the wire (Host, Cookie, ... added by the network stack); this
                // event may come before or after the request's own.
                wireHeaders.put(params.path("requestId").asText(), headers(params.path("headers")));
            }
        }
        console.addAll(driver.manage().logs().get(LogType.BROWSER).getAll());
    }

    private static Map<String, String> headers(JsonNode headers) {
        Map<String, String> map = new LinkedHashMap<>();
        headers.fields().forEachRemaining(h -> map.put(h.getKey(), h.getValue().asText()));
        return map;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary profile left behind is harmless
            }
        }
    }
}
