package io.skystate.cli.internal.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dashboard in headless chromium: a saga run's timeline and its diagram drawn by the vendored Mermaid, the
 * current step of a waiting run highlighted, and state. Screenshots go to target/screenshots.
 */
class DashboardBrowserIT extends DashboardBrowserSession {
    @Test
    void aCompensatedSagaRunShowsItsTimelineAndDiagram() throws Exception {
        browser.get(fixture.url("/run/order-2"));
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("FAILED");
        assertThat(browser.findElements(By.cssSelector("#timeline .bar.succeeded"))).isNotEmpty();
        assertThat(browser.findElement(By.id("timeline")).getText()).contains("compensation").contains("ship");
        WebElement svg = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg")));
        assertThat(svg.getText()).contains("reserveInventory").contains("authorizePayment");
        assertThat(browser.findElements(By.cssSelector("#diagram svg g.failed"))).isNotEmpty();
        Browser.screenshot(browser, "run-compensated");
    }

    @Test
    void aWaitingRunHighlightsTheStepItWaitsIn() throws Exception {
        fixture.token();
        browser.get(fixture.url("/run/" + DashboardFixture.WAITING));
        assertThat(browser.findElement(By.id("run-status")).getText()).isEqualTo("RUNNING");
        assertThat(browser.findElement(By.id("current-steps")).getText()).isEqualTo("approve");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#diagram svg g.current")));
        assertThat(browser.findElement(By.cssSelector("#diagram svg g.current")).getText()).contains("approve");
        Browser.screenshot(browser, "run-waiting");
    }

    @Test
    void stateIsBrowsedByStoreAndGroup() throws Exception {
        browser.get(fixture.url("/state"));
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.name("store"))).selectByVisibleText("inventory");
        browser.findElement(By.name("group")).sendKeys("stock");
        browser.findElement(By.cssSelector("form.filters button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entries")));
        assertThat(browser.findElement(By.id("entries")).getText()).contains("available");
        Browser.screenshot(browser, "state");
    }
}
