package io.github.scptoolkit.image.it;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.github.scptoolkit.image.spec.ScpApi;
import io.github.scptoolkit.image.spec.ScpOperation;
import io.github.scptoolkit.image.spec.ScpParameter;
import io.github.scptoolkit.image.spec.ScpServiceVersion;

/**
 * The emulator's API console ({@code /docs}) as a person uses it, in a {@link ConsoleBrowser}:
 * Authorize, expand an operation, fill its parameters, Execute, read the response the page shows.
 * Operations are found by their {@code operationId}, parameters by name, both from the spec's facts.
 *
 * <pre>
 * ConsolePage page = new ConsolePage(browser, "http://127.0.0.1:" + port);
 * page.open();
 * page.authorize();
 * ConsolePage.Response r = page.showImage(ReferenceServer.SEED_IMAGE_ID, ScpServiceVersion.getLatest());
 * </pre>
 */
final class ConsolePage {

    static final By ACCESS_KEY = By.id("scp-access-key");
    static final By SECRET_KEY = By.id("scp-secret-key");
    static final By ACCOUNT_ID = By.id("scp-account-id");
    static final By TENANT = By.id("scp-tenant");
    static final By AUTHORIZE = By.id("scp-authorize");

    private final ConsoleBrowser browser;
    private final String origin;

    ConsolePage(ConsoleBrowser browser, String origin) {
        this.browser = browser;
        this.origin = origin;
    }

    String origin() {
        return origin;
    }

    /** Opens {@code /docs} and waits until the operations are rendered. */
    void open() {
        browser.open(origin + "/docs");
        browser.await(By.cssSelector(".opblock"));
        browser.step("page-loaded");
    }

    /** Opens the Authorize dialog (the signing form) and waits until the demo tenant is filled in, if any. */
    void openAuthorize() {
        browser.click(browser.awaitClickable(By.cssSelector(".auth-wrapper .authorize")));
        browser.await(By.cssSelector(".scp-signing"));
        WebElement accessKey = browser.await(ACCESS_KEY);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> !accessKey.getAttribute("value").isEmpty());
    }

    /** The value of a field of the signing form. */
    String field(By field) {
        return browser.driver().findElement(field).getAttribute("value");
    }

    /** Replaces the value of a field of the signing form. */
    void type(By field, String value) {
        WebElement input = browser.await(field);
        input.clear();
        input.sendKeys(value);
    }

    /** Presses Authorize in the signing form and waits until the dialog is closed. */
    void pressAuthorize() {
        browser.click(browser.awaitClickable(AUTHORIZE));
        browser.awaitGone(ACCESS_KEY);
    }

    /** Authorizes with what the form is prefilled with (the first demo tenant). */
    void authorize() {
        openAuthorize();
        pressAuthorize();
    }

    static By block(ScpOperation operation) {
        return By.cssSelector(".opblock[id$='-" + operation.operationId() + "']");
    }

    /** The operation's block, expanded. */
    WebElement expand(ScpOperation operation) {
        WebElement element = browser.await(block(operation));
        if (element.findElements(By.cssSelector(".opblock-body")).isEmpty()) {
            browser.click(element.findElement(By.cssSelector(".opblock-summary")));
        }
        browser.await(By.cssSelector(".opblock[id$='-" + operation.operationId() + "'] .opblock-body"));
        return browser.driver().findElement(block(operation));
    }

    /** The version drop-down of a versioned operation (expanded). */
    Select versions(ScpOperation operation) {
        return new Select(browser.driver().findElement(block(operation))
                .findElement(By.cssSelector("tr[data-param-name='" + ScpApi.VERSION_HEADER + "'] select")));
    }

    /** Show Image (expanded) of {@code imageId} in {@code version}: fills the parameters and executes. */
    Response showImage(String imageId, ScpServiceVersion version) {
        WebElement block = browser.driver().findElement(block(ScpApi.SHOW_IMAGE));
        String idParameter = ScpApi.SHOW_IMAGE.parameters().stream().filter(p -> p.in() == ScpParameter.In.PATH)
                .findFirst().orElseThrow().name();
        WebElement id = block.findElement(By.cssSelector("tr[data-param-name='" + idParameter + "'] input"));
        id.clear();
        id.sendKeys(imageId);
        versions(ScpApi.SHOW_IMAGE).selectByVisibleText(version.headerValue());
        return execute(ScpApi.SHOW_IMAGE);
    }

    /** Presses Execute (clearing an earlier response first) and reads the response the page shows. */
    Response execute(ScpOperation operation) {
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

    /** The requests the page made to {@code operation} (its path template, any parameter values). */
    List<ConsoleBrowser.Request> calls(ScpOperation operation) {
        String pattern = Pattern.quote(origin) + operation.path().replaceAll("\\{[^}]+}", "[^/?]+") + "(\\?.*)?";
        return browser.requests().stream().filter(r -> r.url().matches(pattern)).toList();
    }

    /** A response as the page shows it. */
    record Response(int status, String body, List<String> headerLines) {
        JsonNode json() {
            return ReferenceServer.json(body);
        }

        /** A response header's value as shown ({@code name: value}, names in lower case), or null. */
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().map(String::trim).filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst().orElse(null);
        }
    }
}
