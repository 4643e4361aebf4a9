package org.thesenforum.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A page object over one headless Chromium with its own profile (so its own session and localStorage): signs in,
 * writes into the forms of a topic page by their labels and reads the live indicator.
 */
public final class ForumBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Duration WAIT = Duration.ofSeconds(15);

    private final String base;
    private final Path profile;
    private final ChromeDriver driver;
    public final WebDriverWait wait;

    /** Skips the test without Chromium and its driver, except on CI, where their absence fails it. */
    public static void requireChromium() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String message = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                + " (Debian: apt-get install chromium chromium-driver)";
        if ("true".equals(System.getenv("CI"))) {
            fail(message);
        }
        assumeTrue(false, message + "; skipped outside CI");
    }

    public ForumBrowser(String base) {
        this.base = base.replaceAll("/$", "");
        try {
            profile = Files.createTempDirectory("thesenforum-chromium-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--lang=de-DE", "--window-size=1280,900", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "de-DE,de"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
    }

    public String url(String path) {
        return base + path;
    }

    public void visit(String path) {
        driver.get(base + path);
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    public void reload() {
        driver.navigate().refresh();
    }

    /** Signs in through the login page and waits until it has led to {@code next}. */
    public void signIn(Fixtures.User user, String next) {
        driver.get(base + "/login?next=" + next);
        fillLogin(user);
        wait.until(ExpectedConditions.urlToBe(base + next));
    }

    /** Fills in and sends the login form of the page that is open. */
    public void fillLogin(Fixtures.User user) {
        field("E-Mail-Adresse").sendKeys(user.email());
        field("Passwort").sendKeys(Fixtures.PASSWORD);
        button("Anmelden").click();
    }

    /** The input or textarea a visible label names. */
    public WebElement field(String label) {
        WebElement l = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//label[normalize-space()='" + label + "']")));
        return driver.findElement(By.id(l.getAttribute("for")));
    }

    public WebElement button(String name) {
        return wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='" + name + "']")));
    }

    public WebElement link(String name) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.linkText(name)));
    }

    /**
     * The page's one form behind a comment's control ("Antworten", "Bearbeiten", "Löschen", "Ausblenden"), opened
     * under that comment and ready for typing (the edit form has its text).
     */
    public WebElement openAction(long commentId, String control) {
        WebElement link = wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//li[@id='c" + commentId
                + "']/article//a[@data-action][normalize-space()='" + control + "']")));
        By form = By.xpath("//li[@id='c" + commentId + "']/article/form[@data-action-form='"
                + link.getDomAttribute("data-action") + "']");
        if (driver.findElements(form).stream().noneMatch(WebElement::isDisplayed)) {
            link.click();
        }
        WebElement opened = wait.until(ExpectedConditions.visibilityOfElementLocated(form));
        wait.until(d -> opened.findElements(By.cssSelector("textarea[readonly]")).isEmpty());
        return opened;
    }

    public WebElement awaitElement(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement awaitPresent(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    public void awaitText(By by, String text) {
        wait.until(ExpectedConditions.textToBe(by, text));
    }

    public List<WebElement> elements(By by) {
        return driver.findElements(by);
    }

    public String text(By by) {
        return driver.findElement(by).getText();
    }

    /** The id of the comment the page was redirected to after a successful post ({@code #c123}). */
    public long commentIdFromUrl() {
        try {
            wait.until(ExpectedConditions.urlMatches("#c\\d+$"));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Say what the browser shows instead: an error page, a refusal on the form, a network error.
            String text = driver.findElement(By.tagName("body")).getText();
            throw new AssertionError("no redirect to the new comment; the page at " + driver.getCurrentUrl()
                    + " says: " + text.substring(0, Math.min(1500, text.length())), e);
        }
        String url = driver.getCurrentUrl();
        return Long.parseLong(url.substring(url.lastIndexOf("#c") + 2));
    }

    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Runs a script before the page's own on every page loaded from now on. */
    public void beforeEveryPage(String source) {
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", source));
    }

    /** Requests to URLs matching these patterns (e.g. {@code *}{@code /api/me}) fail as if the network were down. */
    public void blockUrls(String... patterns) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of(patterns)));
    }

    /** Cuts the browser off the network (new connections fail), or reconnects it. */
    public void offline(boolean offline) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", 0,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Sets the page's viewport to exactly this many CSS pixels (a projector's 1920×1080, say). */
    public void viewport(int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    /** Saves what the viewport shows as a PNG file, creating its folder. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The element with this id. */
    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** The text of the live indicator. */
    public String state() {
        return text(By.id("live-state"));
    }

    /** Waits until the live indicator shows this text, or has shown it since {@link #recordStates()}. */
    public void awaitState(String text) {
        wait.until(d -> {
            if (text.equals(d.findElement(By.id("live-state")).getText())) {
                return true;
            }
            return states().contains(text);
        });
    }

    /** Remembers every text the indicator shows from now on, so short states are not missed between two polls. */
    public void recordStates() {
        script("""
                const status = document.getElementById('live-state');
                window.testStates = [status.textContent];
                new MutationObserver(() => window.testStates.push(status.textContent))
                    .observe(status, { childList: true, characterData: true, subtree: true });
                """);
    }

    public List<?> states() {
        return script("return window.testStates || []") instanceof List<?> list ? list : List.of();
    }

    /** The drafts this browser keeps for the forum. */
    public List<?> draftKeys() {
        return (List<?>) script("return Object.keys(localStorage).filter(k => k.startsWith('thesenforum.draft.'))");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException e) {
                // a leftover temp profile does no harm
            }
        }
    }
}
