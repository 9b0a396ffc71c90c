package org.colloquy.testimonial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.colloquy.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Testimonials in the browser, walking issue 10's "Done when" (P-TESTI-1, P-TESTI-2, P-CONSENT-1):
 * a member writes a testimonial credited with the full name (the choice labelled with the exact
 * consent wording, anonymous pre-selected), a moderator publishes and features it, and the public
 * page and home page show the name; the member switches to initials (agreeing to the new wording),
 * then withdraws the name consent in the privacy centre, and the public pages, fetched fresh and
 * again as a second fetch through any cache, no longer carry the name or the initials; the privacy
 * centre's ledger shows the disclosures and their ends; a declined testimonial shows its reason to
 * the author. Every page passes axe; the bytes of public pages never carry the username or email.
 */
class TestimonialBrowserIT extends BrowserTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aNamedTestimonialIsPublishedSwitchedToInitialsAndTheNameGoesAtOnceOnWithdrawal_P_TESTI_1_P_TESTI_2_P_CONSENT_1()
            throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String realName = "Quillon Testwright" + id;
        String initials = "Q. T., Orgmark" + id;
        String author = "tauthor" + id;
        String authorEmail = "tauthor." + id + "@example.org";
        String authorPassword = "meadow lantern copper " + id;
        String moderator = "tmod" + id;
        String moderatorPassword = "harbor violet pebble " + id;

        register("Moderator Person " + id, moderator, "tmod." + id + "@example.org", moderatorPassword);
        testHook("/test/testimonial/moderator", Map.of("username", moderator));
        String webinar = "Webinarmark " + id;
        String webinarId = testHook("/test/testimonial/past-webinar", Map.of("title", webinar)).strip();
        register(realName, author, authorEmail, authorPassword);
        signIn(author, authorPassword);
        Set<Cookie> authorCookies = driver.manage().getCookies();
        driver.manage().deleteAllCookies();
        signIn(moderator, moderatorPassword);
        // Staff roles need a second factor in the test portal (COLLOQUY_STAFF_MFA=true).
        setUpSecondFactor();
        Set<Cookie> moderatorCookies = driver.manage().getCookies();
        signInAs(authorCookies);

        // A member is not a moderator: the review page refuses them.
        openErrorPage("/account/testimonial-review");
        assertTrue(mainText().contains("Not allowed"), mainText());

        // Write: anonymous is pre-selected, each named choice carries the exact wording; an empty text is refused beside it.
        open("/account/testimonials");
        assertTrue(driver.findElement(By.id("noTestimonials")).isDisplayed());
        driver.findElement(By.id("writeLink")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(radio("ANONYMOUS").isSelected(), "anonymous is the pre-selected credit");
        assertTrue(label("FULL_NAME").contains("Show my name, " + realName + ", with this testimonial on the public testimonials page"),
                label("FULL_NAME"));
        new Select(driver.findElement(By.id("testimonial:about"))).selectByVisibleText(webinar);
        submit("testimonial:save");
        assertTrue(driver.findElement(By.id("testimonial:body-message")).getText().contains("Write your testimonial"), mainText());
        assertEquals(webinar, new Select(driver.findElement(By.id("testimonial:about"))).getFirstSelectedOption().getText(),
                "the chosen webinar is kept when the text is refused");
        String body = "Bodymark" + id + " the forums helped me ship";
        type("testimonial:body", body);
        radio("FULL_NAME").click();
        pressEnter("testimonial:save");
        assertTrue(mainText().contains("awaiting review"), mainText());
        String testimonialId = driver.findElement(By.cssSelector("a[id^=edit-]")).getAttribute("id").substring("edit-".length());
        assertTrue(driver.findElement(By.id("mine-" + testimonialId)).getText().contains("Awaiting review"));
        assertTrue(driver.findElement(By.id("mine-" + testimonialId)).getText().contains(realName));

        // Before review nothing is public (P-TESTI-2).
        assertFalse(anonymousBytes("/testimonials").contains(body));

        // The moderator publishes it as chosen and features it on the home page.
        signInAs(moderatorCookies);
        open("/account/testimonial-review");
        assertTrue(driver.findElement(By.id("queue-" + testimonialId)).getText().contains("Credit chosen by the author: " + realName));
        submit("review-" + testimonialId + ":publish");
        submit("feature-" + testimonialId + ":feature");
        assertTrue(driver.findElement(By.id("published-" + testimonialId)).getText().contains("Featured on the home page"));

        for (String path : List.of("/testimonials", "/", "/feeds/testimonials")) {
            String bytes = anonymousBytes(path);
            assertTrue(bytes.contains(body), path + " shows the testimonial");
            assertTrue(bytes.contains(realName), path + " shows the consented name");
        }
        driver.manage().deleteAllCookies();
        open("/testimonials");
        assertTrue(driver.findElement(By.id("testimonial-" + testimonialId)).getText().contains(realName));
        WebElement about = driver.findElement(By.cssSelector("#testimonial-" + testimonialId + " .testimonial__about a"));
        assertEquals(webinar, about.getText(), "the testimonial names the webinar it is about");
        assertTrue(about.getAttribute("href").endsWith("/event?id=" + webinarId), about.getAttribute("href"));
        open("/");
        assertTrue(driver.findElement(By.id("testimonialHighlights")).getText().contains(realName));

        // The author switches to initials: the wording names the organization typed, and is agreed to before it applies.
        signInAs(authorCookies);
        open("/account/testimonial?id=" + testimonialId);
        assertTrue(radio("FULL_NAME").isSelected());
        radio("INITIALS").click();
        type("testimonial:organization", "Orgmark" + id);
        submit("testimonial:save");
        assertTrue(driver.findElement(By.id("testimonial:organization-message")).getText().contains("save again to agree"), mainText());
        assertTrue(label("INITIALS").contains("Show my initials and organization, " + initials + ", with this testimonial"), label("INITIALS"));
        assertTrue(radio("INITIALS").isSelected(), "the choice is kept");
        submit("testimonial:save");
        assertTrue(driver.getCurrentUrl().contains("/account/testimonials?saved=credit"), driver.getCurrentUrl() + "\n" + mainText());
        assertTrue(driver.findElement(By.id("mine-" + testimonialId)).getText().contains("Published"), mainText());
        String afterSwitch = anonymousBytes("/testimonials");
        assertTrue(afterSwitch.contains(initials), "the initials are shown");
        assertFalse(afterSwitch.contains(realName), "the full name is gone with its consent");

        // The author withdraws the name consent in the privacy centre.
        open("/account/privacy");
        WebElement consent = driver.findElements(By.cssSelector("li.consent")).stream()
                .filter(li -> li.getText().contains("Your name on a testimonial")
                        && li.getAttribute("textContent").contains("Show my initials and organization, " + initials))
                .findFirst().orElseThrow();
        String consentId = consent.getAttribute("id").substring("consent-".length());
        submit("withdraw-" + consentId);
        pressEnter("confirmWithdraw:yes");
        assertTrue(driver.findElement(By.id("withdrawnNotice")).isDisplayed());

        // Fetched fresh, and fetched again (a cache would answer the second): no name, no initials, the words still there.
        for (String path : List.of("/testimonials", "/", "/testimonials?page=1", "/feeds/testimonials")) {
            for (int fetch = 0; fetch < 2; fetch++) {
                HttpResponse<String> response = anonymous(path);
                assertNotEquals("hit", response.headers().firstValue("X-Colloquy-Cache").orElse(""), path);
                String bytes = response.headers().map() + response.body();
                assertTrue(bytes.contains(body), path + " still shows the words");
                for (String gone : List.of(realName, "Quillon", initials, "Orgmark" + id, author, authorEmail)) {
                    assertFalse(bytes.contains(gone), path + " carries " + gone);
                }
            }
        }
        driver.manage().deleteAllCookies();
        open("/testimonials");
        assertTrue(driver.findElement(By.id("testimonial-" + testimonialId)).getText().contains("A member"));

        // The ledger shows both showings and their ends, each with the consent it rested on.
        signInAs(authorCookies);
        open("/account/privacy");
        String ledger = driver.findElement(By.id("ledgerTable")).getText();
        assertTrue(ledger.contains("credited as \u201c" + realName + "\u201d"), ledger);
        assertTrue(ledger.contains("credited as \u201c" + initials + "\u201d"), ledger);
        assertEquals(2, ledger.split("Ended, no longer shown", -1).length - 1, ledger);
        assertTrue(ledger.contains("Everyone: the public testimonials page"), ledger);

        // A declined testimonial shows its reason to the author; a blank reason is refused beside its field.
        open("/account/testimonial");
        String second = "Secondmark" + id;
        type("testimonial:body", second);
        submit("testimonial:save");
        String secondId = driver.findElements(By.cssSelector("a[id^=edit-]")).stream().map(a -> a.getAttribute("id").substring(5))
                .filter(s -> !s.equals(testimonialId)).findFirst().orElseThrow();
        signInAs(moderatorCookies);
        open("/account/testimonial-review");
        assertTrue(driver.findElement(By.id("queue-" + secondId)).getText().contains("Credit chosen by the author: A member"));
        submit("review-" + secondId + ":decline");
        assertTrue(driver.findElement(By.id("review-" + secondId + ":note-message")).getText().contains("Give the author a reason"), mainText());
        type("review-" + secondId + ":note", "Reasonmark" + id + ": please say which event.");
        submit("review-" + secondId + ":decline");
        signInAs(authorCookies);
        open("/account/testimonials");
        String declined = driver.findElement(By.id("mine-" + secondId)).getText();
        assertTrue(declined.contains("Declined") && declined.contains("Reason given: Reasonmark" + id + ": please say which event."), declined);
        assertFalse(anonymousBytes("/testimonials").contains(second), "a declined testimonial is not public");
    }

    // ------------------------------------------------------------------ helpers

    private WebElement radio(String credit) {
        return driver.findElement(By.cssSelector("#testimonial input[type=radio][value=" + credit + "]"));
    }

    private String label(String credit) {
        String inputId = radio(credit).getAttribute("id");
        return driver.findElement(By.cssSelector("label[for='" + inputId + "']")).getText();
    }

    private void signInAs(Set<Cookie> cookies) {
        driver.manage().deleteAllCookies();
        cookies.forEach(driver.manage()::addCookie);
    }

    private HttpResponse<String> anonymous(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(portal.uri(path)).header("X-Forwarded-For", randomClientAddress())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), path);
        assertEquals(List.of(), response.headers().allValues("Set-Cookie"), "stateless for anonymous visitors: " + path);
        return response;
    }

    /** The page as served to an anonymous visitor, headers and body. */
    private String anonymousBytes(String path) throws Exception {
        HttpResponse<String> response = anonymous(path);
        return response.headers().map().entrySet().stream().map(Object::toString).collect(Collectors.joining("\n")) + response.body();
    }
}
