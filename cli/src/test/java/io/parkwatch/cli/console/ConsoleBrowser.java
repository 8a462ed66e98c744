package io.parkwatch.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, both named by path so that
 * Selenium Manager never looks for (or downloads) a browser; a fresh profile per run, no
 * background networking. Fails, never skips, when the packages are missing.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path screenshots;

    private ConsoleBrowser(ChromeDriverService service, ChromeDriver driver, Path profile, Path screenshots) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.screenshots = screenshots;
    }

    static ConsoleBrowser start(Path screenshots) throws IOException {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
            .as("the console's browser test needs Debian's chromium and chromium-driver (%s, %s): run scripts/setup.sh"
                + " (./parkwatch test runs it) or apt-get install chromium chromium-driver", CHROMIUM, CHROMEDRIVER)
            .isTrue();
        Files.createDirectories(screenshots);
        Path profile = Files.createTempDirectory("parkwatch-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .withLogFile(screenshots.resolve("chromedriver.log").toFile())
            .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1440,960", "--user-data-dir=" + profile);
        try {
            return new ConsoleBrowser(service, new ChromeDriver(service, options), profile, screenshots);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    WebDriver driver() {
        return driver;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Waits (up to {@code timeout}) until {@code condition} answers non-null and non-false; an
     * element replaced by a live re-render meanwhile is looked up again.
     */
    <T> T await(Duration timeout, String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).withMessage(what)
            .ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** Clicks the element as it is now (the live views re-render their rows). */
    void click(String css) {
        await(Duration.ofSeconds(10), "clicking " + css, d -> {
            d.findElement(By.cssSelector(css)).click();
            return true;
        });
    }

    /** An attribute of the element as it is now, null when there is none. */
    String attribute(String css, String name) {
        return (String) script("const e = document.querySelector(arguments[0]); return e && e.getAttribute(arguments[1]);",
            css, name);
    }

    /** The text of the element as it is now, null when there is none. */
    String text(String css) {
        return (String) script("const e = document.querySelector(arguments[0]); return e && e.textContent;", css);
    }

    Object script(String javascript, Object... arguments) {
        return driver.executeScript(javascript, arguments);
    }

    void screenshot(String name) throws IOException {
        Files.write(screenshots.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
