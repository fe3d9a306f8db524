package org.servicequality.ledger.ops;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Debian's Chromium and ChromeDriver ({@code apt-get install chromium chromium-driver}; `.ci/run` installs
 * them), started headless with the flags this closed network needs. Nothing is downloaded.
 */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    static ChromeDriver start() throws Exception {
        File driver = new File(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
        File browser = new File(System.getProperty("chromium", "/usr/bin/chromium"));
        if (!driver.canExecute() || !browser.canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's chromium and chromium-driver: apt-get install chromium chromium-driver");
        }
        Path profile = Files.createTempDirectory("chromium-profile");
        ChromeOptions options = new ChromeOptions()
                .setBinary(browser)
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--lang=zh-CN",
                        "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
