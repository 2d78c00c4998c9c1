package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio in a real browser: Debian's headless Chromium driven by its chromedriver (nothing is
 * downloaded). Skipped, visibly, where they are not installed; {@code .ci/run} installs them.
 */
@Tag("browser")
final class StudioBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Paths.get("/usr/bin/chromedriver");

    static StudioServer server;
    static String url;
    WebDriver driver;
    Path profile;

    @BeforeAll
    static void startServer() {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        server = new StudioServer(Backends.discover(), new NotebookVisualizer(), new StudioServer.Options("127.0.0.1", 0, 8, 2, 32));
        url = "http://127.0.0.1:" + server.start() + "/";
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void openBrowser() throws Exception {
        profile = Files.createTempDirectory("drawnet-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,2200", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    WebDriverWait waitUpTo(int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    void openStudio() {
        driver.get(url);
        waitUpTo(30).until(d -> d.findElement(By.id("state")).getText().equalsIgnoreCase("idle"));
    }

    void set(String id, String value) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
    }

    void screenshot(String name) throws Exception {
        Path target = Paths.get("target", name);
        Files.createDirectories(target.getParent());
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Paints a filled blob with the brush: zigzag strokes with the mouse over the canvas's left half. */
    void drawFilledShape() {
        ((JavascriptExecutor) driver).executeScript(
                "const s = document.getElementById('brush-size'); s.value = 40; s.dispatchEvent(new Event('input'));");
        WebElement canvas = driver.findElement(By.id("canvas"));
        // the canvas shows 384 x 384 CSS pixels; offsets are from its centre
        Actions a = new Actions(driver).moveToElement(canvas, -130, -110).clickAndHold();
        for (int y = -110; y <= 90; y += 20) {
            a.moveToElement(canvas, -130, y).moveToElement(canvas, 20, y);
        }
        a.release().perform();
    }

    double canvasInkShare() {
        Object share = ((JavascriptExecutor) driver).executeScript(
                "const c = document.getElementById('canvas'); const d = c.getContext('2d').getImageData(0, 0, c.width,"
                        + " c.height).data; let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] >= 128) n++;"
                        + " return n / (c.width * c.height);");
        return ((Number) share).doubleValue();
    }

    @Test
    void drawTrainWatch_reachesHighAccuracy_andShowsEveryMap() throws Exception {
        openStudio();
        drawFilledShape();
        assertThat(canvasInkShare()).isBetween(0.15, 0.6);
        set("epochs", "60");
        set("learningRate", "0.03");
        set("trainSize", "3000");
        driver.findElement(By.id("start")).click();
        waitUpTo(30).until(d -> d.findElement(By.id("epoch-counter")).getText().startsWith("Epoch "));
        screenshot("studio-training.png");
        waitUpTo(180).until(d -> !d.findElement(By.id("test-accuracy")).getText().equals("–"));
        double accuracy = Double.parseDouble(driver.findElement(By.id("test-accuracy")).getText());
        screenshot("studio-trained.png");

        assertThat(accuracy).isGreaterThan(0.9);
        assertThat(driver.findElement(By.id("epoch-counter")).getText()).isEqualTo("Epoch 60/60");
        assertThat(driver.findElement(By.id("output-map")).getAttribute("src")).startsWith("data:image/png;base64,");
        List<WebElement> units = driver.findElements(By.cssSelector("#unit-maps img.unit-map"));
        assertThat(units).hasSize(4);
        for (WebElement u : units) {
            assertThat(u.getAttribute("src")).startsWith("data:image/png;base64,");
        }
        assertThat(driver.findElement(By.id("network")).getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(driver.findElement(By.id("boundary")).getAttribute("src")).startsWith("data:image/png;base64,");
        assertThat(driver.findElements(By.cssSelector("#downloads a"))).extracting(e -> e.getText())
                .containsExactly("drawing.png", "report.html", "model.json", "points.csv");

        // the notebook's last question, in the page: ten more epochs on the trained model
        driver.findElement(By.id("continue")).click();
        waitUpTo(60).until(d -> d.findElement(By.id("epoch-counter")).getText().equals("Epoch 70/70"));
    }

    @Test
    void badSetting_messageShownOnThePage() {
        openStudio();
        drawFilledShape();
        set("epochs", "0");
        driver.findElement(By.id("start")).click();
        WebElement error = waitUpTo(20).until(d -> {
            WebElement e = d.findElement(By.id("error"));
            return e.isDisplayed() ? e : null;
        });
        assertThat(error.getText()).isEqualTo("epochs must be in [1, 5000], got 0");
    }

    @Test
    void twoTabs_eachItsOwnExperiment_andClosingATabEndsItsRun() throws Exception {
        java.util.Set<String> before = java.util.Set.copyOf(server.sessions().keySet());
        openStudio();
        String first = driver.getWindowHandle();
        drawFilledShape();
        set("epochs", "5000");
        set("trainSize", "2000");
        driver.findElement(By.id("start")).click();
        waitUpTo(30).until(d -> d.findElement(By.id("epoch-counter")).getText().startsWith("Epoch "));

        driver.switchTo().newWindow(WindowType.TAB);
        openStudio();
        assertThat(driver.findElement(By.id("epoch-counter")).getText()).isEmpty();
        List<StudioSession> mine = server.sessions().values().stream().filter(s -> !before.contains(s.id)).toList();
        assertThat(mine).hasSize(2);
        StudioSession running = mine.stream().filter(s -> s.state() == StudioSession.State.TRAINING).findFirst()
                .orElseThrow();
        StudioSession other = mine.stream().filter(s -> s != running).findFirst().orElseThrow();
        assertThat(other.state()).isEqualTo(StudioSession.State.IDLE);

        // close the first tab: its run stops and its model is released
        driver.switchTo().window(first);
        driver.close();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!running.released() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(running.released()).isTrue();
        assertThat(running.state()).isEqualTo(StudioSession.State.CLOSED);
        assertThat(running.history().size()).isLessThan(5000);
        assertThat(server.sessions()).doesNotContainKey(running.id).containsKey(other.id);
    }
}
