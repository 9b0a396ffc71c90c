package org.colloquy.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;
import java.util.stream.Collectors;

import org.colloquy.account.TotpCodes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Base of the tests that drive the portal in Debian's headless Chromium as a person would. Every
 * page opened through {@link #open(String)} fails the test on any JavaScript console error or any
 * WCAG 2.2 A/AA violation that axe-core finds. Each page state new to the run, and the page of a
 * failed test, is kept as a screenshot under {@code target/screenshots/<test class>/}.
 */
@ExtendWith({PortalExtension.class, BrowserTest.ScreenshotOnFailure.class})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrowserTest {

    /** Page states axe has passed in this test run (see {@link #isNewPageState()}). */
    private static final Set<String> CHECKED_PAGE_STATES = ConcurrentHashMap.newKeySet();

    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(360, 740);

    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    protected Portal portal;
    protected WebDriver driver;
    private Path userDataDir;
    private Path screenshots;
    private String testName = "test";
    private int shot;

    @BeforeAll
    void startBrowser(Portal portal) throws IOException {
        this.portal = portal;
        userDataDir = Files.createTempDirectory("colloquy-chromium");
        screenshots = Path.of(System.getProperty("colloquy.test.screenshots", "target/screenshots"), getClass().getSimpleName());
        Files.createDirectories(screenshots);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("colloquy.test.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + userDataDir);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver")).toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(DESKTOP);
    }

    @BeforeEach
    void nameScreenshots(TestInfo info) {
        testName = info.getTestMethod().map(m -> m.getName()).orElse("test");
        shot = 0;
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (userDataDir != null) {
            try (var paths = Files.walk(userDataDir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Opens a page, waits for it, and checks it ({@link #checkPage(boolean)}). */
    protected void open(String path) {
        driver.get(portal.url(path));
        awaitLoaded();
        checkPage(false);
    }

    /** As {@link #open(String)} for a page served with an error status, whose load the console reports. */
    protected void openErrorPage(String path) {
        driver.get(portal.url(path));
        awaitLoaded();
        checkPage(true);
    }

    /**
     * Console and accessibility of the page as it is now (after a click, say), and a screenshot of
     * each page state seen for the first time in the run.
     */
    protected void checkPage(boolean errorStatusExpected) {
        assertNoConsoleErrors(errorStatusExpected);
        if (isNewPageState()) {
            screenshot();
            assertAccessible();
        }
    }

    protected void awaitLoaded() {
        waitUpTo(Duration.ofSeconds(15))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * A wait that looks every 50 ms: Selenium's default of 500 ms left the browser idle for a
     * quarter of a second on average after every form sent, minutes over the suite.
     */
    protected WebDriverWait waitUpTo(Duration timeout) {
        WebDriverWait wait = new WebDriverWait(driver, timeout);
        wait.pollingEvery(Duration.ofMillis(50));
        return wait;
    }

    protected Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(javascript, arguments);
    }

    protected void screenshot() {
        shot++;
        Path file = screenshots.resolve(String.format("%s-%02d.png", testName, shot));
        try {
            Path taken = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not keep the screenshot " + file, e);
        }
    }

    private void assertNoConsoleErrors(boolean errorStatusExpected) {
        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(entry -> !(errorStatusExpected && entry.getMessage().contains("Failed to load resource")
                        && entry.getMessage().contains(driver.getCurrentUrl())))
                .toList();
        if (!errors.isEmpty()) {
            fail("JavaScript console errors on " + driver.getCurrentUrl() + ":\n"
                    + errors.stream().map(LogEntry::getMessage).collect(Collectors.joining("\n")));
        }
    }

    /**
     * True the first time the run sees this page state: the path and the set of distinct element
     * shapes on the page (tag, ids, classes, roles, ARIA and form attributes), with numbers left out
     * and not their text or order. A page seen again with the same shapes, say the topic page with
     * one more reply or another topic's page, has nothing new for axe to find, and each analysis
     * costs the suite most of a second.
     */
    private boolean isNewPageState() {
        Object fingerprint = script("""
                const shapes = new Set();
                for (const e of document.querySelectorAll('*')) {
                  let shape = e.tagName;
                  for (const a of e.attributes) {
                    if (a.name === 'value' || a.name === 'style' || a.name === 'nonce' || a.name === 'href' || a.name === 'src'
                        || a.name === 'datetime' || a.name === 'content' || a.name.startsWith('data-')) {
                      continue;
                    }
                    shape += ' ' + a.name + '=' + a.value;
                  }
                  shapes.add(shape.replace(/[0-9]+/g, '#'));
                }
                return location.pathname.replace(/[0-9]+/g, '#') + '|' + [...shapes].sort().join('|');
                """);
        String state = String.valueOf(fingerprint);
        return CHECKED_PAGE_STATES.add(state.hashCode() + ":" + state.length());
    }

    private void assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            fail("Accessibility violations on " + driver.getCurrentUrl() + ":\n" + violations.stream()
                    .map(rule -> "- " + rule.getId() + ": " + rule.getHelp() + " at "
                            + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n")));
        }
    }

    /**
     * Turns on a second factor for the signed-in member, as staff roles need in the test portal
     * ({@code COLLOQUY_STAFF_MFA=true}), and returns its secret for later sign-ins.
     */
    protected String setUpSecondFactor() {
        open("/account/two-factor");
        submit("status:start");
        String secret = driver.findElement(By.id("secret")).getText().replace(" ", "");
        type("setup:code", TotpCodes.now(secret));
        submit("setup:confirm");
        return secret;
    }

    /**
     * Makes the browser's requests come, as far as the portal can tell, from {@code address}: the
     * portal believes {@code X-Forwarded-For} from loopback, as from a reverse proxy there. Each
     * test takes its own address so that per-address limits of one test do not throttle another.
     */
    protected void actAsClient(String address) {
        ChromeDriver chrome = (ChromeDriver) driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders",
                Map.of("headers", Map.of("X-Forwarded-For", address)));
    }

    /** A fresh client address in 10.0.0.0/8 for {@link #actAsClient(String)}. */
    protected static String randomClientAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /**
     * Joins through the form as a person of 16 or more in Norway, then verifies the address with
     * the link from the mail. Starts with no cookies, and ends on the verification page.
     */
    protected void register(String name, String username, String email, String password) {
        driver.manage().deleteAllCookies();
        open("/register");
        fillRegistration(name, username, email, password);
        submit("register:submit");
        driver.get(portal.mail().awaitMail(email, Duration.ofSeconds(30)).link("/verify"));
        awaitLoaded();
        submit("verify:submit");
    }

    /** Fills the registration form (a person of 16 or more in Norway) without sending it. */
    protected void fillRegistration(String name, String username, String email, String password) {
        type("register:name", name);
        type("register:username", username);
        type("register:email", email);
        type("register:password", password);
        new Select(driver.findElement(By.id("register:country"))).selectByVisibleText("Norway");
        driver.findElement(By.cssSelector("#register input[type=radio][value=SIXTEEN_OR_OLDER]")).click();
    }

    /** Signs in through the form with a username or email. */
    protected void signIn(String login, String password) {
        open("/sign-in");
        type("signIn:login", login);
        type("signIn:password", password);
        submit("signIn:submit");
    }

    /** Types into the input whose id (client id) is given, replacing what it held. */
    protected void type(String id, CharSequence text) {
        WebElement input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }

    /** Presses a button that submits a form, waits for the next page, and checks it like {@link #open(String)}. */
    protected void submit(String buttonId) {
        submit(buttonId, false);
    }

    protected void submit(String buttonId, boolean errorStatusExpected) {
        WebElement button = driver.findElement(By.id(buttonId));
        button.click();
        waitUpTo(Duration.ofSeconds(20)).until(d -> isGone(button));
        awaitLoaded();
        checkPage(errorStatusExpected);
    }

    /** Focuses a button and presses Enter, as a keyboard user would; waits for the page it leads to and checks it. */
    protected void pressEnter(String buttonId) {
        WebElement button = driver.findElement(By.id(buttonId));
        button.sendKeys(Keys.ENTER);
        waitUpTo(Duration.ofSeconds(20)).until(d -> isGone(button));
        awaitLoaded();
        checkPage(false);
    }

    /** True once the element left the page, which Chromium reports in one of two ways. */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Posts a form to the portal outside the browser, as the test hooks ({@code /test/...}) and
     * refusals of them are called.
     */
    protected HttpResponse<String> postForm(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal.uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Calls a test hook of the test portal's WAR, which must answer 200; returns its plain-text answer. */
    protected String testHook(String path, Map<String, String> form) throws IOException, InterruptedException {
        HttpResponse<String> response = postForm(path, form);
        if (response.statusCode() != 200) {
            fail(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** The visible text of the main content. */
    protected String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    /** The page's horizontal overflow in CSS pixels: 0 when nothing sticks out sideways. */
    protected long horizontalOverflow() {
        Object overflow = script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        return ((Number) overflow).longValue();
    }

    /** Keeps the page a failed test ended on, named after the test, beside the others. */
    static final class ScreenshotOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            context.getTestInstance().filter(BrowserTest.class::isInstance).map(BrowserTest.class::cast)
                    .filter(test -> test.driver != null)
                    .ifPresent(BrowserTest::screenshot);
        }
    }
}
