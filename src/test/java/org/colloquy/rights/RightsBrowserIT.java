package org.colloquy.rights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.colloquy.account.TotpCodes;
import org.colloquy.test.BrowserTest;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 12's journey in the browser (P-RIGHTS-1): a rights request from outside with email
 * verification through the officer's queue. An anonymous visitor reads {@code /rights} without
 * getting a session, sends a request (an empty one is refused beside its fields), follows the
 * mailed link, and the privacy officer sees it in the queue, verified, with its due date 30 days
 * on, and answers it; the requester gets the answer by mail. Sending the public forms opens no session
 * either. A parent reports a child's account (P-CHILD-1), confirms the address by the mailed link, and
 * the officer confirms the report in the under-age section of the queue: the account is gone. axe
 * checks each distinct page, and the member's own request page.
 */
class RightsBrowserIT extends BrowserTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    @Test
    void aRightsRequestFromOutsideWithEmailVerificationThroughTheOfficersQueue_P_RIGHTS_1() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String officer = "rofficer" + id;
        String officerPassword = "harbor violet pebble " + id;
        String requester = "outsider." + id + "@example.org";
        String child = "kid" + id;
        String childPassword = "puddle rocket crayon " + id;
        String parent = "parent." + id + "@example.org";
        register("Kid Person " + id, child, "kid." + id + "@example.org", childPassword);

        register("Officer Person " + id, officer, "rofficer." + id + "@example.org", officerPassword);
        testHook("/test/rights/officer", Map.of("username", officer));
        signIn(officer, officerPassword);
        // Staff roles need a second factor in the test portal (COLLOQUY_STAFF_MFA=true).
        open("/account/two-factor");
        submit("status:start");
        String secret = driver.findElement(By.id("secret")).getText().replace(" ", "");
        type("setup:code", TotpCodes.now(secret));
        submit("setup:confirm");
        Set<Cookie> officerCookies = driver.manage().getCookies();

        // An anonymous visitor reads the form from the footer: no session for reading it.
        driver.manage().deleteAllCookies();
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal.uri("/rights")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertEquals(List.of(), page.headers().allValues("Set-Cookie"), "reading /rights opens no session");
        // Nor does sending the public forms, refused or accepted: the answers set no cookie.
        assertTrue(sendWithoutCookies("/rights", "rights", Map.of("kind", "", "email", "", "description", "x"))
                .contains("Choose what you are asking for"));
        assertTrue(sendWithoutCookies("/rights", "rights", Map.of("kind", "ACCESS", "email", "nocookie." + id + "@example.org",
                "description", "A copy of my data")).contains("a mail with a link is on its way"));
        assertTrue(sendWithoutCookies("/report-child", "report", Map.of("username", "", "relationship", "", "email", "", "explanation", ""))
                .contains("aria-invalid=\"true\""));
        open("/");
        driver.findElement(By.linkText("Your data rights")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.getCurrentUrl().endsWith("/rights"), driver.getCurrentUrl());

        // Nothing chosen, no address: each problem beside its field, what was typed kept.
        type("rights:description", "Please send me a copy of my data " + id);
        submit("rights:send");
        assertTrue(driver.findElement(By.id("rights:kind-message")).getText().contains("Choose what you are asking for"), mainText());
        assertTrue(driver.findElement(By.id("rights:email-message")).getText().contains("Enter an email address"), mainText());
        assertEquals("true", driver.findElement(By.id("rights:email")).getAttribute("aria-invalid"));
        assertEquals("Please send me a copy of my data " + id, driver.findElement(By.id("rights:description")).getAttribute("value"));

        new Select(driver.findElement(By.id("rights:kind"))).selectByVisibleText("Access: a copy of my data");
        type("rights:email", requester);
        pressEnter("rights:send");
        assertTrue(driver.findElement(By.id("sent")).getText().contains("a mail with a link is on its way"), mainText());

        // The page beside it, for parents (P-CHILD-1): a parent reports the child's account and confirms the address.
        driver.findElement(By.id("reportChildLink")).click();
        awaitLoaded();
        checkPage(false);
        type("report:username", child);
        type("report:relationship", "Parent");
        type("report:email", parent);
        type("report:explanation", "My son is eleven " + id);
        submit("report:send");
        assertTrue(driver.findElement(By.id("sent")).getText().contains("a mail with a link is on its way"), mainText());
        driver.get(portal.mail().awaitMail(parent, Duration.ofSeconds(30)).link("/rights-confirm"));
        awaitLoaded();
        submit("confirm:submit");
        assertTrue(portal.mail().awaitMail(parent, Duration.ofSeconds(30)).subject().contains("is received"));

        // The mailed link: opening it changes nothing; the button confirms, once.
        ReceivedMail confirm = portal.mail().awaitMail(requester, Duration.ofSeconds(30));
        driver.get(confirm.link("/rights-confirm"));
        awaitLoaded();
        checkPage(false);
        submit("confirm:submit");
        assertTrue(driver.findElement(By.id("done")).getText().contains("Your request is confirmed"), mainText());
        OffsetDateTime verified = OffsetDateTime.now(ZoneOffset.UTC);
        ReceivedMail received = portal.mail().awaitMail(requester, Duration.ofSeconds(30));
        assertTrue(received.bodyText().contains("We will answer it by " + DAY.format(verified.plusDays(30))), received.bodyText());

        // The officer's queue: the request, verified, due 30 days on; the officer answers it.
        driver.manage().deleteAllCookies();
        officerCookies.forEach(driver.manage()::addCookie);
        open("/privacy-office/requests");
        WebElement section = driver.findElements(By.cssSelector("section[id^=request-]")).stream()
                .filter(s -> s.getText().contains(requester)).findFirst().orElseThrow(() -> new AssertionError(mainText()));
        String requestId = section.getAttribute("id").substring("request-".length());
        assertTrue(section.getText().contains("Please send me a copy of my data " + id), section.getText());
        assertTrue(section.getText().contains("Verified\nYes") || section.getText().contains("Verified Yes"), section.getText());
        assertEquals(DAY.format(verified.plusDays(30)), driver.findElement(By.id("request-" + requestId + "-due")).getText());
        assertEquals("Received", driver.findElement(By.id("request-" + requestId + "-status")).getText());
        assertFalse(section.getText().contains("Overdue"), section.getText());

        String form = "request-" + requestId + "-form";
        new Select(driver.findElement(By.id(form + ":outcome"))).selectByVisibleText("Done as asked");
        type(form + ":answer", "Attached is everything we hold about you, " + id + ".");
        submit(form + ":send");
        assertTrue(mainText().contains("The answer is sent and the request is closed."), mainText());
        assertEquals("Answered", driver.findElement(By.id("request-" + requestId + "-status")).getText());

        // The under-age section: the parent's report is in review, the account held; confirming deletes it.
        WebElement report = driver.findElements(By.cssSelector("section[id^=report-]")).stream()
                .filter(r -> r.getText().contains(child)).findFirst().orElseThrow(() -> new AssertionError(mainText()));
        String reportId = report.getAttribute("id").substring("report-".length());
        assertEquals("In review", driver.findElement(By.id("report-" + reportId + "-status")).getText());
        assertTrue(report.getText().contains("Suspended") && report.getText().contains("My son is eleven " + id), report.getText());
        type("report-" + reportId + "-form:note", "The parent sent a birth certificate");
        submit("report-" + reportId + "-form:confirm");
        assertTrue(mainText().contains("The report is confirmed and the reporter is told."), mainText());
        assertEquals("Confirmed", driver.findElement(By.id("report-" + reportId + "-status")).getText());
        assertTrue(driver.findElement(By.id("report-" + reportId)).getText().contains("The account and its posts were deleted"), mainText());
        assertEquals(404, HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal.uri("/u/" + child)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the child's profile is gone");
        assertTrue(portal.mail().awaitMail(parent, Duration.ofSeconds(30)).bodyText().contains(child), "the parent is told");

        // A member asks from the account instead, reached from the privacy centre (accessible, no request yet).
        open("/account/privacy");
        driver.findElement(By.id("rightsLink")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.findElement(By.id("noRequests")).isDisplayed(), mainText());

        ReceivedMail answer = portal.mail().awaitMail(requester, Duration.ofSeconds(30));
        assertTrue(answer.bodyText().contains("Outcome: Done as asked"), answer.bodyText());
        assertTrue(answer.bodyText().contains("Attached is everything we hold about you, " + id + "."), answer.bodyText());

        // The child's password opens nothing any more.
        driver.manage().deleteAllCookies();
        signIn(child, childPassword);
        assertTrue(driver.findElements(By.id("accountLink")).isEmpty(), mainText());
    }

    /**
     * Sends a public form as a visitor without cookies does, from the page's own hidden fields
     * (view state, nonce), and asserts that the answer is the page again and sets no cookie, so no
     * session; returns the page.
     */
    private String sendWithoutCookies(String path, String form, Map<String, String> fields) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String address = randomClientAddress();
        String page = http.send(HttpRequest.newBuilder(portal.uri(path)).header("X-Forwarded-For", address).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        page = page.substring(page.indexOf("<form id=\"" + form + "\""));
        page = page.substring(0, page.indexOf("</form>"));
        StringBuilder body = new StringBuilder(form + ":send=send");
        java.util.regex.Matcher hidden = java.util.regex.Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\"[^>]*? value=\"([^\"]*)\"")
                .matcher(page);
        while (hidden.find()) {
            body.append('&').append(encode(hidden.group(1))).append('=').append(encode(hidden.group(2)));
        }
        fields.forEach((name, value) -> body.append('&').append(encode(form + ":" + name)).append('=').append(encode(value)));
        HttpResponse<String> sent = http.send(HttpRequest.newBuilder(portal.uri(path)).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals(List.of(), sent.headers().allValues("Set-Cookie"), "sending " + path + " opens no session");
        return sent.body();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
