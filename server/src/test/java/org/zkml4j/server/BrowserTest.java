package org.zkml4j.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.zkml4j.testkit.Peers;

/**
 * The page end to end in headless Chromium (Debian's chromium and chromedriver, given by path so
 * Selenium never downloads a driver): draw a 7 with mouse strokes, ask for the image's commitment,
 * press Prove, and wait until the Java verifier, snarkjs in the page and the Solidity verifier on
 * the local anvil all accept.
 * Screenshots before, during and after go to {@code target/screenshots/}; the page's time from
 * Prove to the last verification and the gas of verifyProof are printed.
 */
class BrowserTest {
  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  @Test
  void aDigitDrawnWithTheMouse_isProven_andAllThreeVerifiersAccept() throws Exception {
    assumeTrue(Files.isExecutable(CHROMIUM), "skipped: no " + CHROMIUM + " (Debian package chromium)");
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "skipped: no " + CHROMEDRIVER + " (Debian package chromium-driver)");
    Peers.assumeAvailable("snarkjs", "@foundry-rs");
    DemoServer server = TestServer.get();
    Path shots = Files.createDirectories(Path.of("target", "screenshots"));

    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1500",
        "--disable-gpu");
    ChromeDriver driver = new ChromeDriver(service, options);
    try {
      driver.get(server.url().toString());
      WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
      wait.until(d -> d.findElements(By.cssSelector("#digits button")).size() == 10);
      WebElement pad = driver.findElement(By.id("pad"));
      // A 7: the bar, then the stem, in two mouse strokes (offsets from the canvas's centre).
      new Actions(driver).moveToElement(pad, -70, -90).clickAndHold().moveByOffset(50, 0).moveByOffset(50, -3)
          .moveByOffset(45, 2).release().perform();
      new Actions(driver).moveToElement(pad, 72, -88).clickAndHold().moveByOffset(-20, 45).moveByOffset(-20, 50)
          .moveByOffset(-18, 50).moveByOffset(-10, 35).release().perform();
      driver.findElement(By.id("commit")).click();
      screenshot(driver, shots.resolve("1-before.png"));

      driver.findElement(By.id("prove")).click();
      new WebDriverWait(driver, Duration.ofMinutes(5), Duration.ofMillis(50)).until(d -> Boolean.TRUE.equals(
          ((JavascriptExecutor) d).executeScript("return /queue|witness|proving/.test("
              + "document.getElementById('progress-text').textContent)")));
      screenshot(driver, shots.resolve("2-during.png"));

      new WebDriverWait(driver, Duration.ofMinutes(10)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
          .executeScript("return !!(window.zkml4jRun && window.zkml4jRun.done)")));
      @SuppressWarnings("unchecked")
      Map<String, Object> run = (Map<String, Object>) ((JavascriptExecutor) driver).executeScript(
          "return window.zkml4jRun");
      screenshot(driver, shots.resolve("3-after.png"));
      for (String panel : List.of("v-java", "v-snarkjs", "v-chain")) {
        WebElement p = driver.findElement(By.id(panel));
        assertTrue(p.getAttribute("class").contains("ok"), panel + ": " + p.getText() + "\nrun: " + run);
      }
      assertEquals(Boolean.TRUE, run.get("allOk"), run.toString());
      String prediction = driver.findElement(By.id("prediction")).getText();
      assertTrue(driver.findElement(By.id("commit-digest")).getText().matches("[0-9]{20,}"), "the commitment is shown");
      System.out.printf(Locale.ROOT, "[browser] predicted %s; Prove to all three verifications: %.2f s (proof"
          + " received after %.2f s); verifyProof gas: %s%n", prediction, ((Number) run.get("totalMs")).doubleValue()
          / 1000, ((Number) run.get("proveMs")).doubleValue() / 1000, run.get("gas"));
      assertTrue(((Number) run.get("gas")).longValue() > 45_000 + 4 * 34_000, "more than the pairing check's own gas: "
          + run.get("gas"));
    } finally {
      driver.quit();
    }
  }

  private static void screenshot(ChromeDriver driver, Path file) throws Exception {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
  }
}
