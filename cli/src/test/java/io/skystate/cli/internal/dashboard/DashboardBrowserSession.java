package io.skystate.cli.internal.dashboard;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What every browser test of the dashboard starts from: the {@link DashboardFixture} (a local instance with saga runs,
 * served by the dashboard) and a headless chromium with its own profile, both closed after each test.
 */
abstract class DashboardBrowserSession {
    @TempDir
    Path dir;
    DashboardFixture fixture;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        fixture = new DashboardFixture(dir);
        browser = Browser.start(dir.resolve("chromium-profile"));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (fixture != null) {
            fixture.close();
        }
    }
}
