package io.skystate.cli.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator's walk through the dashboard in headless chromium: the run list (filters), a saga run, its timeline
 * and diagram, then completing the waiting run's callback from the UI and watching it finish (a POST form with its
 * CSRF token and the browser's own Origin header).
 */
class DashboardOperationsBrowserIT extends DashboardBrowserSession {
    @Test
    void listRunTimelineDiagramThenCompleteTheCallbackAndSeeTheRunFinish() throws Exception {
        fixture.token();
        browser.get(fixture.url("/runs"));
        assertThat(browser.findElement(By.id("runs")).getText()).contains("order-1").contains("order-2")
                .contains(DashboardFixture.WAITING);
        Browser.screenshot(browser, "runs");

        new Select(browser.findElement(By.name("status"))).selectByVisibleText("FAILED");
        browser.findElement(By.cssSelector("form.filters button")).click();
        assertThat(browser.findElement(By.id("runs")).getText()).contains("order-2").doesNotContain("order-1");

        browser.findElement(By.linkText("order-2")).click();
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("FAILED");
        assertThat(browser.findElements(By.cssSelector("#timeline .bar"))).hasSizeGreaterThan(4);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg")));

        browser.get(fixture.url("/callbacks"));
        assertThat(browser.findElement(By.id("pending")).getText()).contains(DashboardFixture.WAITING).contains("approve");
        Browser.screenshot(browser, "callbacks");
        browser.findElement(By.linkText(DashboardFixture.WAITING)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg g.current")));
        Browser.screenshot(browser, "run-waiting-with-callback");
        var result = browser.findElement(By.cssSelector("tr.callback form.complete textarea[name=result]"));
        result.clear();
        result.sendKeys("{\"approvedBy\":\"the dashboard\"}");
        browser.findElement(By.cssSelector("tr.callback form.complete button")).click();
        assertThat(browser.findElement(By.id("flash")).getText()).isEqualTo("Callback completed");

        for (int i = 0; i < 50 && !browser.findElement(By.id("run-status")).getText().equals("SUCCEEDED"); i++) {
            Thread.sleep(200);
            browser.navigate().refresh();
        }
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("SUCCEEDED");
        assertThat(browser.findElement(By.cssSelector("dl.facts")).getText()).contains("the dashboard");
        Browser.screenshot(browser, "run-finished");
    }
}
