package dev.sora4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sora4j.cli.gallery.GalleryServer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The gallery in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/run} installs): thumbnails load, hover scrubs the spritesheet, a video plays and
 * seeks, filters filter, a remix runs from the page and its job appears and completes, two clips play
 * side by side, and the page fits a phone. Screenshots go to {@code target/gallery-screenshots}.
 * Without Chromium the test is skipped locally and fails under {@code CI=true}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class GalleryBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final Path SHOTS = Path.of("target", "gallery-screenshots");

    @TempDir
    static Path home;

    static GalleryFixture fixture;
    static GalleryServer server;
    static ChromeDriver driver;

    @BeforeAll
    static void start() throws IOException {
        Optional<Path> browser = firstFile("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Optional<Path> chromedriver = firstFile("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        if (browser.isEmpty() || chromedriver.isEmpty()) {
            String why = "GalleryBrowserIT needs Chromium and its driver: apt-get install -y chromium chromium-driver";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(why + " (CI=true: the browser test must run in CI; .ci/run installs them)");
            }
            Assumptions.abort(why + " (skipped locally)");
        }
        Files.createDirectories(SHOTS);
        fixture = new GalleryFixture(home);
        fixture.createDownloaded("A paper boat drifting on a pond", "boat");
        fixture.createDownloaded("A red kite over the dunes", "kite");
        fixture.createDownloaded("A lighthouse at dusk, waves below", "lighthouse");
        fixture.create("A quiet forest in the morning fog");
        server = fixture.start();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox", // CI containers run as root
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--mute-audio",
                "--autoplay-policy=no-user-gesture-required",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static Optional<Path> firstFile(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    private static <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static double number(String script, Object... args) {
        return ((Number) js(script, args)).doubleValue();
    }

    private static void shot(String name) throws IOException {
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static WebElement card(long seq) {
        return driver.findElement(By.cssSelector("article.card[data-seq='" + seq + "']"));
    }

    private static long visibleCards() {
        return ((Number) js(
                        "return Array.from(document.querySelectorAll('article.card')).filter(c => !c.hidden).length"))
                .longValue();
    }

    private static WebElement button(WebElement card, String text) {
        return card.findElements(By.cssSelector(".actions button")).stream()
                .filter(b -> b.getText().equals(text))
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("no " + text + " button on card " + card.getDomAttribute("data-seq")));
    }

    @Test
    void browse_play_seek_filter_remix_compare_in_a_real_browser() throws IOException {
        long started = System.nanoTime();
        driver.get(server.url());

        // The grid: newest first, every job, each completed job with a thumbnail that really decoded.
        await("four cards", d -> d.findElements(By.cssSelector("article.card")).size() == 4);
        assertThat(driver.findElements(By.cssSelector("article.card")))
                .extracting(c -> c.getDomAttribute("data-seq"))
                .containsExactly("4", "3", "2", "1");
        assertThat(driver.getCurrentUrl())
                .as("the token leaves the address bar")
                .doesNotContain("token=");
        await(
                "four decoded thumbnails (the fourth job completes while the page watches)",
                d -> number("return Array.from(document.querySelectorAll('img.thumb'))"
                                + ".filter(i => i.complete && i.naturalWidth > 0).length")
                        == 4);
        assertThat(driver.findElement(By.id("spend")).getText())
                .contains("4 jobs")
                .contains("$");
        shot("01-grid");

        // Hover scrubs through the spritesheet: left edge the first tile, right edge a late one.
        WebElement media = card(1).findElement(By.cssSelector(".media"));
        int half = media.getSize().getWidth() / 2;
        Actions mouse = new Actions(driver);
        await("the spritesheet under the pointer", d -> {
            mouse.moveToElement(media, -half + 3, 0).perform();
            return media.getDomAttribute("data-tile") != null;
        });
        assertThat(media.getDomAttribute("data-tile")).isEqualTo("0");
        mouse.moveToElement(media, half - 3, 0).perform();
        await("a late tile at the right edge", d -> Integer.parseInt(media.getDomAttribute("data-tile")) >= 5);
        mouse.moveToElement(driver.findElement(By.id("spend"))).perform();

        // Click to play in place; the clip advances; seeking (byte ranges) lands where asked.
        media.click();
        WebElement video = await("a video element", d -> card(1).findElement(By.cssSelector(".media video")));
        await("playback advancing", d -> number("return arguments[0].currentTime", video) > 0.5);
        shot("02-playing");
        js("arguments[0].pause(); arguments[0].currentTime = 3.0;", video);
        await(
                "the seek to 3.0 s",
                d -> Boolean.TRUE.equals(js(
                        "const v = arguments[0]; return !v.seeking && v.readyState >= 2"
                                + " && Math.abs(v.currentTime - 3.0) < 0.2",
                        video)));
        js("arguments[0].play()", video);
        await("playback from the seek point", d -> number("return arguments[0].currentTime", video) > 3.1);

        // Keyboard: Enter on a focused card plays it.
        card(2).sendKeys(Keys.ENTER);
        await(
                "a video in card 2 after Enter",
                d -> !card(2).findElements(By.cssSelector(".media video")).isEmpty());

        // Filters: text, then status.
        WebElement search = driver.findElement(By.id("f-text"));
        search.sendKeys("kite");
        await("one card for 'kite'", d -> visibleCards() == 1);
        assertThat(card(2).isDisplayed()).isTrue();
        shot("03-filtered");
        js("arguments[0].value=''; arguments[0].dispatchEvent(new Event('input'))", search);
        await("all cards again", d -> visibleCards() == 4);

        // Remix from the page: the cost and the command first, then the new job appears and completes.
        button(card(1), "Remix").click();
        WebElement prompt = driver.findElement(By.id("action-prompt"));
        prompt.clear();
        prompt.sendKeys("The same paper boat at night, lanterns glowing");
        driver.findElement(By.id("action-check")).click();
        WebElement cost = await("the estimate", d -> d.findElement(By.cssSelector("#action-preview .cost")));
        assertThat(cost.getText()).matches("Estimated cost: \\$\\d+\\.\\d\\d");
        assertThat(driver.findElement(By.cssSelector("#action-preview code")).getText())
                .startsWith("sora --offline remix --id video_")
                .endsWith("--no-augment");
        assertThat(fixture.emulator.jobsCreated())
                .as("nothing sent before confirming")
                .isEqualTo(4);
        shot("04-remix-preview");
        driver.findElement(By.id("action-confirm")).click();
        WebElement result = await("the remix result", d -> d.findElement(By.cssSelector("#action-preview .result")));
        assertThat(result.getText()).startsWith("Created video_");
        driver.findElement(By.id("action-cancel")).click();
        await(
                "the remix's card",
                d -> d.findElements(By.cssSelector("article.card")).size() == 5);
        await(
                "the remix completing with its thumbnail",
                d -> Boolean.TRUE.equals(js("const c = document.querySelector(\"article.card[data-seq='5']\");"
                        + " const i = c && c.querySelector('img.thumb');"
                        + " return !!i && i.complete && i.naturalWidth > 0")));
        assertThat(card(5).findElement(By.cssSelector(".lineage")).getText()).startsWith("remix of #1");
        assertThat(card(5).findElement(By.cssSelector(".badge")).getText()).isEqualTo("completed");
        shot("05-remixed");

        // Lineage: the remix's tree starts at its source.
        button(card(5), "Lineage").click();
        WebElement tree = driver.findElement(By.id("lineage-tree"));
        await("the lineage dialog", d -> tree.isDisplayed());
        List<String> nodes = tree.findElements(By.cssSelector("li > a")).stream()
                .map(WebElement::getText)
                .toList();
        assertThat(nodes.get(0)).startsWith("#1 create");
        assertThat(nodes).anyMatch(n -> n.startsWith("#5 remix"));
        assertThat(tree.findElement(By.cssSelector(".here")).getText()).startsWith("#5");
        driver.findElement(By.id("lineage-close")).click();

        // Compare two clips with one control.
        button(card(3), "Compare").click();
        await(
                "a second compare button",
                d -> !button(card(2), "Compare").getText().isEmpty());
        button(card(2), "Compare").click();
        WebElement open = driver.findElement(By.id("compare-open"));
        await("compare enabled", d -> open.isEnabled());
        open.click();
        WebElement a = driver.findElement(By.id("cmp-a"));
        WebElement b = driver.findElement(By.id("cmp-b"));
        await(
                "both clips loaded",
                d -> number("return Math.min(arguments[0].readyState, arguments[1].readyState)", a, b) >= 2);
        driver.findElement(By.id("cmp-play")).click();
        await(
                "both clips playing",
                d -> number("return Math.min(arguments[0].currentTime, arguments[1].currentTime)", a, b) > 0.8);
        assertThat(number("return Math.abs(arguments[0].currentTime - arguments[1].currentTime)", a, b))
                .isLessThan(0.5);
        shot("06-compare");
        driver.findElement(By.id("cmp-close")).click();

        // A phone-sized window: one column.
        driver.manage().window().setSize(new Dimension(390, 844));
        await(
                "a single column",
                d -> Boolean.TRUE.equals(js("return getComputedStyle(document.getElementById('grid'))"
                        + ".gridTemplateColumns.trim().split(/\\s+/).length === 1")));
        shot("07-phone");
        driver.manage().window().setSize(new Dimension(1280, 900));
        System.err.printf(
                "GalleryBrowserIT: browser steps took %.1f s (screenshots in %s)%n",
                (System.nanoTime() - started) / 1e9, SHOTS.toAbsolutePath());
    }
}
