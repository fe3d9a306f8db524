package org.servicequality.ledger.ops;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.servicequality.ledger.ops.FoundationEndToEndTest.complaintFor;

/** The public board as a person sees it, in headless Chromium. */
class BoardBrowserTest {

    private static final String HOSTILE_NAME = "<script>document.title='owned'</script><b>Bold</b> Dermatology";

    @TempDir
    static Path dataDirectory;
    private static RunningLedger ledger;
    private static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        ledger = RunningLedger.start(dataDirectory);
        ledger.post("/api/departments", "{\"departmentId\":\"DERMATOLOGY\",\"nameZh\":\"皮肤科\",\"nameEn\":\""
                + HOSTILE_NAME.replace("\"", "\\\"") + "\",\"kind\":\"CLINICAL\"}");
        ledger.post("/api/complaints", complaintFor("DERMATOLOGY"));
        BoardScenario.seed(ledger);
        await().atMost(Duration.ofSeconds(20)).until(() -> ledger.get("/api/board/departments/DERMATOLOGY").body().contains("\"filed\":1"));
        browser = HeadlessChromium.start();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        ledger.close();
    }

    private static String url(String path) {
        return ledger.baseUrl() + path;
    }

    @Test
    void theBoardIsChineseByDefaultAndSwitchesToEnglish() {
        browser.manage().deleteAllCookies();
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("服务质量公示");
        assertThat(browser.findElement(By.cssSelector("tr[data-department='DERMATOLOGY'] th")).getText()).isEqualTo("皮肤科");

        browser.findElement(By.linkText("English")).click();

        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Service Quality Public Board");
        // The choice is remembered without JavaScript: the next page is English too.
        browser.get(url("/"));
        assertThat(browser.findElement(By.tagName("caption")).getText()).isEqualTo("Service quality by department");
        browser.findElement(By.linkText("中文")).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("服务质量公示");
    }

    @Test
    void textWithMarkupIsShownAsTextNeverRun() {
        browser.get(url("/?lang=en"));
        WebElement name = browser.findElement(By.cssSelector("tr[data-department='DERMATOLOGY'] th a"));

        assertThat(name.getText()).isEqualTo(HOSTILE_NAME);
        assertThat(name.findElements(By.tagName("b"))).isEmpty();
        assertThat(browser.findElements(By.tagName("script"))).isEmpty();
        assertThat(browser.getTitle()).isNotEqualTo("owned");
    }

    @Test
    void aDepartmentPageFollowsFromTheBoard() {
        browser.get(url("/?lang=zh-CN"));
        browser.findElement(By.linkText("皮肤科")).click();

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("皮肤科");
        WebElement counts = browser.findElement(By.xpath("//table[caption='投诉与建议处理情况']"));
        assertThat(counts.findElements(By.cssSelector("tbody td")).get(3).getText()).isEqualTo("1");
    }

    @Test
    void everyDepartmentHasATwelveMonthTrendChartWithATextAlternative() {
        browser.get(url("/?lang=en"));
        WebElement row = browser.findElement(By.cssSelector("tr[data-department='ORTHOPAEDICS']"));
        WebElement chart = row.findElement(By.cssSelector("td.trend svg[role='img']"));

        assertThat(chart.findElements(By.tagName("polyline"))).hasSize(2);
        assertThat(chart.findElement(By.tagName("title")).getAttribute("textContent")).startsWith("Complaints (solid) and commendations (dashed)");
        row.findElement(By.cssSelector("td.trend summary")).click();
        var months = row.findElements(By.cssSelector("table.trend-data tbody tr"));
        assertThat(months).hasSize(12);
        // This month: one complaint and one commendation.
        assertThat(months.get(11).findElements(By.tagName("td"))).extracting(WebElement::getText).containsExactly("1", "1");
        assertThat(row.findElement(By.cssSelector("td.rectifications li.overdue")).getText()).contains("Overdue");
        assertThat(row.findElement(By.cssSelector("td.stars span")).getAttribute("aria-label")).startsWith("4 stars");
    }

    @Test
    void aDepartmentPageShowsAFindingWithTheDepartmentsReplyAndTheAppealOutcomeInBothLanguages() {
        browser.get(url("/departments/ORTHOPAEDICS?lang=en"));
        WebElement finding = browser.findElement(By.xpath("//tr[@class='finding'][th='" + BoardScenario.NEGATIVE_FINDING_CLAUSE + "']"));

        assertThat(finding.findElement(By.cssSelector("td.staff")).getText()).isEqualTo("Nurse");
        assertThat(finding.findElement(By.cssSelector("td.reply")).getText()).isEqualTo(BoardScenario.APPEAL_REPLY);
        assertThat(finding.findElement(By.cssSelector("td.appeal-outcome")).getText()).startsWith("Appeal accepted, finding overturned");

        browser.findElement(By.linkText("中文")).click();
        finding = browser.findElement(By.xpath("//tr[@class='finding'][th='" + BoardScenario.NEGATIVE_FINDING_CLAUSE + "']"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("骨科");
        assertThat(finding.findElement(By.cssSelector("td.staff")).getText()).isEqualTo("护理人员");
        assertThat(finding.findElement(By.cssSelector("td.appeal-outcome")).getText()).startsWith("申诉成立，撤销该项");
        assertThat(browser.findElement(By.cssSelector("blockquote.commendation")).getText()).contains(BoardScenario.COMMENDATION_TEXT, "E7002");
    }

    @Test
    void theHeaderLinksToTheRankings() {
        browser.get(url("/?lang=en"));

        assertThat(browser.findElement(By.linkText("Service Star rankings")).getAttribute("href")).endsWith("/rankings");
    }
}
