package org.colloquy.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.colloquy.test.BrowserTest;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The member's privacy centre in the browser: consents in force with a withdrawal that asks once
 * (P-CONSENT-1), the history, the ledger of who received the member's data, email preferences that
 * the outbox honours on the next send (P-MARKETING-1), and the cookies the portal sets (P-COOKIE-1).
 * What features not yet built would do (a sponsor registration's consent, a sponsor's list export,
 * a newsletter) is done through the test portal's hooks under {@code /test/}.
 */
class PrivacyCentreBrowserIT extends BrowserTest {

    private static final Duration MAIL = Duration.ofSeconds(30);


    @BeforeEach
    void freshVisitor() {
        driver.manage().deleteAllCookies();
        actAsClient(randomClientAddress());
    }

    /**
     * P-CONSENT-1: a consent to share with a sponsor is shown with what it allows; Withdraw asks once
     * (keeping it changes nothing), then withdraws and says when; the history keeps it as withdrawn; the
     * disclosure made while it was live stays in the ledger, and the next one is refused.
     */
    @Test
    void aMemberSeesWithdrawsAndKeepsTheHistoryOfAConsent_P_CONSENT_1() throws Exception {
        Member member = registerVerifyAndSignIn();
        open("/account");
        driver.findElement(By.linkText("Privacy")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.getCurrentUrl().endsWith("/account/privacy"), driver.getCurrentUrl());
        // Joining accepted the privacy policy in effect, when one is published (another test may have
        // published one first): it is shown, and it cannot be withdrawn here.
        for (WebElement given : driver.findElements(By.cssSelector(".consent-list > li"))) {
            assertTrue(given.getText().startsWith("Acceptance of the privacy policy"), given.getText());
            assertTrue(given.getText().contains("cannot be withdrawn here"), given.getText());
            assertTrue(given.findElements(By.tagName("button")).isEmpty(), "no withdraw button: " + given.getText());
        }
        assertEquals("No one has received your personal data.", driver.findElement(By.id("noDisclosures")).getText());

        String sponsor = "Acme Learning " + member.id + " (sponsor of Webinar X)";
        long consent = Long.parseLong(testHook("/test/privacy/consent", Map.of("email", member.email, "key", "sponsor:" + member.id,
                "label", sponsor, "fields", "name,email")));
        testHook("/test/disclose", Map.of("email", member.email, "key", "sponsor:" + member.id, "label", sponsor,
                "fields", "name,email", "purpose", "Attendee list export of Webinar X", "consent", Long.toString(consent)));

        open("/account/privacy");
        WebElement card = driver.findElement(By.id("consent-" + consent));
        assertTrue(card.getText().contains("Sharing with " + sponsor), card.getText());
        assertTrue(card.getText().contains(sponsor + " may receive your name and email address."), card.getText());
        assertTrue(card.getText().contains("version event-notice/1"), card.getText());
        List<WebElement> ledgerRows = driver.findElements(By.cssSelector("#ledgerTable tbody tr"));
        assertEquals(1, ledgerRows.size());
        assertTrue(ledgerRows.get(0).getText().contains(sponsor), ledgerRows.get(0).getText());
        assertTrue(ledgerRows.get(0).getText().contains("name and email address"), ledgerRows.get(0).getText());
        assertTrue(ledgerRows.get(0).getText().contains("Attendee list export of Webinar X"), ledgerRows.get(0).getText());

        // Asking once: the question, and keeping it changes nothing.
        submit("withdraw-" + consent);
        assertTrue(driver.getCurrentUrl().contains("withdraw=" + consent), driver.getCurrentUrl());
        assertTrue(driver.findElement(By.id("confirm")).getText().contains("Withdraw this consent?"));
        submit("keep");
        assertTrue(driver.findElements(By.id("confirm")).isEmpty(), "the question is gone");
        assertEquals(1, driver.findElements(By.id("consent-" + consent)).size(), "kept");

        // With the keyboard this time: Withdraw, then Yes.
        pressEnter("withdraw-" + consent);
        pressEnter("confirmWithdraw:yes");
        String done = driver.findElement(By.id("withdrawnNotice")).getText();
        assertTrue(done.matches("Withdrawn on \\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2} UTC: Sharing with .*"), done);
        assertTrue(driver.findElements(By.id("consent-" + consent)).isEmpty(), "no longer in force");
        assertFalse(driver.findElement(By.cssSelector(".consent-list")).getText().contains("Sharing with"), "no sharing in force");
        List<WebElement> history = driver.findElements(By.cssSelector("#historyTable tbody tr")).stream()
                .filter(row -> row.getText().contains("Sharing with")).toList();
        assertEquals(1, history.size());
        assertTrue(history.get(0).getAttribute("class").contains("history--withdrawn"));
        assertFalse(history.get(0).getText().contains("In force"), history.get(0).getText());
        assertTrue(history.get(0).getText().contains("Sharing with " + sponsor), history.get(0).getText());

        // Prospective: the earlier disclosure stays on record, the next one is refused.
        HttpResponse<String> refused = postForm("/test/disclose", Map.of("email", member.email, "key", "sponsor:" + member.id,
                "label", sponsor, "fields", "name,email", "purpose", "A later export", "consent", Long.toString(consent)));
        assertNotEquals(200, refused.statusCode(), refused.body());
        open("/account/privacy");
        assertEquals(1, driver.findElements(By.cssSelector("#ledgerTable tbody tr")).size());
    }

    /** The ledger: newest first, 20 a page, at stable addresses ?page=N. */
    @Test
    void theLedgerIsPagedNewestFirst() throws Exception {
        Member member = registerVerifyAndSignIn();
        String sponsor = "Paging Sponsor " + member.id;
        String consent = testHook("/test/privacy/consent", Map.of("email", member.email, "key", "sponsor:p" + member.id,
                "label", sponsor, "fields", "email"));
        for (int export = 1; export <= 21; export++) {
            testHook("/test/disclose", Map.of("email", member.email, "key", "sponsor:p" + member.id, "label", sponsor,
                    "fields", "email", "purpose", "Export " + export, "consent", consent));
        }
        open("/account/privacy");
        List<WebElement> rows = driver.findElements(By.cssSelector("#ledgerTable tbody tr"));
        assertEquals(20, rows.size());
        assertTrue(rows.get(0).getText().contains("Export 21"), rows.get(0).getText());
        assertTrue(mainText().contains("Page 1 of 2"));
        driver.findElement(By.id("ledgerOlder")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.getCurrentUrl().contains("page=2"), driver.getCurrentUrl());
        rows = driver.findElements(By.cssSelector("#ledgerTable tbody tr"));
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getText().contains("Export 1"), rows.get(0).getText());
        assertTrue(driver.findElements(By.id("ledgerOlder")).isEmpty());
    }

    /**
     * P-MARKETING-1: marketing is a consent the member gives and withdraws on the page; after opting
     * out of marketing and of one notification kind, mail of those queued before is not sent, new
     * marketing mail is not sent, and account notices and other notifications still arrive.
     */
    @Test
    void optingOutIsHonouredOnTheNextSendAndAccountMailStillArrives_P_MARKETING_1() throws Exception {
        Member member = registerVerifyAndSignIn();
        open("/account/privacy");
        assertTrue(driver.findElement(By.id("email-always")).getText().contains("Security and account notices"));
        WebElement marketing = driver.findElement(By.id("emailForm:marketing"));
        assertFalse(marketing.isSelected(), "marketing is never pre-ticked");
        assertTrue(kindBox("FORUM_REPLY").isSelected(), "notifications are on until the member turns them off");

        // Without consent a newsletter is not even queued for sending.
        String early = queue("MARKETING", null, "Newsletter before consent " + member.id, false);
        assertTrue(early.endsWith("suppressed: no live marketing consent"), early);

        marketing.click();
        submit("emailForm:save");
        assertTrue(mainText().contains("Your email preferences are saved"));
        assertTrue(driver.findElement(By.id("emailForm:marketing")).isSelected());
        assertTrue(driver.findElement(By.id("historyTable")).getText().contains("Newsletters and promotional email"));

        // Queued while the member wants them, held back from sending...
        String newsletter = queue("MARKETING", null, "Newsletter held " + member.id, true);
        String reply = queue("NOTIFICATION", "FORUM_REPLY", "Reply held " + member.id, true);
        assertTrue(newsletter.endsWith(" queued") && reply.endsWith(" queued"), newsletter + " / " + reply);

        // ...then the member opts out of marketing and of forum replies.
        driver.findElement(By.id("emailForm:marketing")).click();
        kindBox("FORUM_REPLY").click();
        submit("emailForm:save");
        assertFalse(driver.findElement(By.id("emailForm:marketing")).isSelected());
        assertFalse(kindBox("FORUM_REPLY").isSelected());
        assertTrue(kindBox("EVENT_REMINDER").isSelected());
        assertTrue(driver.findElement(By.cssSelector("#historyTable tbody tr")).getText().matches("(?s).*Newsletters and promotional email.*UTC.*UTC.*"),
                "the marketing consent shows as withdrawn in the history");

        // The next send of each mail queued before the opt-out does not send it.
        assertEquals("SUPPRESSED suppressed: no live marketing consent", release(newsletter));
        assertEquals("SUPPRESSED suppressed: opted out of FORUM_REPLY", release(reply));
        assertTrue(queue("MARKETING", null, "Newsletter after " + member.id, false).endsWith("suppressed: no live marketing consent"));

        // Account notices and notifications the member still wants arrive.
        queue("ACCOUNT", null, "Account notice " + member.id, false);
        queue("NOTIFICATION", "EVENT_REMINDER", "Reminder " + member.id, false);
        Set<String> arrived = Set.of(portal.mail().awaitMail(member.email, MAIL).subject(), portal.mail().awaitMail(member.email, MAIL).subject());
        assertEquals(Set.of("Account notice " + member.id, "Reminder " + member.id), arrived);
        List<String> everything = portal.mail().allTo(member.email).stream().map(ReceivedMail::subject).toList();
        assertTrue(everything.stream().noneMatch(subject -> subject.startsWith("Newsletter") || subject.startsWith("Reply")), everything.toString());
    }

    /**
     * P-COOKIE-1: reading sets no cookie; a signed-in member has only the cookies the catalogue lists,
     * with the attributes it states; the cookie table lists them; no page loads anything from another host.
     */
    @Test
    void onlyTheCataloguedCookiesAndNothingFromOtherSites_P_COOKIE_1() throws Exception {
        for (String page : List.of("/", "/forums", "/events", "/workgroups", "/testimonials", "/privacy", "/rules", "/cookies")) {
            open(page);
            assertEquals(Set.of(), driver.manage().getCookies(), "an anonymous visit to " + page + " sets no cookie");
            assertOnlyOwnResources(page);
        }

        registerVerifyAndSignIn();
        CookieCatalogue catalogue = new CookieCatalogue();
        for (String page : List.of("/", "/account", "/account/sessions", "/account/two-factor", "/account/privacy")) {
            open(page);
            assertOnlyOwnResources(page);
            Set<Cookie> cookies = driver.manage().getCookies();
            assertFalse(cookies.isEmpty(), "signed in");
            for (Cookie cookie : cookies) {
                CookieCatalogue.Cookie listed = catalogue.named(cookie.getName())
                        .orElseThrow(() -> new AssertionError("cookie " + cookie.getName() + " on " + page + " is not in the catalogue"));
                assertEquals(listed.httpOnly(), cookie.isHttpOnly(), cookie.toString());
                assertEquals(listed.sameSite(), cookie.getSameSite(), cookie.toString());
            }
        }
        List<String> listed = driver.findElements(By.cssSelector("#cookie-table tbody th")).stream().map(WebElement::getText).toList();
        assertEquals(catalogue.all().stream().map(CookieCatalogue.Cookie::name).toList(), listed);
    }

    // ------------------------------------------------------------------ helpers

    /** Every resource the page loaded came from the portal itself (Resource Timing, which lists every fetch). */
    private void assertOnlyOwnResources(String page) {
        String own = URI.create(portal.url("/")).getAuthority();
        @SuppressWarnings("unchecked")
        List<String> urls = (List<String>) script("return performance.getEntriesByType('resource').map(e => e.name)"
                + ".concat([document.location.href]);");
        List<String> foreign = urls.stream().filter(url -> !url.startsWith("data:"))
                .filter(url -> !own.equals(URI.create(url).getAuthority())).toList();
        assertEquals(List.of(), foreign, "requests to other hosts from " + page);
    }

    private WebElement kindBox(String kind) {
        return driver.findElement(By.cssSelector("#emailForm input[type=checkbox][value=" + kind + "]"));
    }

    private String queue(String category, String kind, String subject, boolean hold) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("category", category);
        form.put("kind", kind == null ? "" : kind);
        form.put("to", currentEmail);
        form.put("subject", subject);
        form.put("body", "Hello, this is " + subject);
        form.put("hold", Boolean.toString(hold));
        return testHook("/test/privacy/mail", form);
    }

    /** Sends a held mail now; answers e.g. "SUPPRESSED suppressed: no live marketing consent". */
    private String release(String queued) throws Exception {
        return testHook("/test/privacy/release", Map.of("id", queued.substring(0, queued.indexOf(' '))));
    }


    private String currentEmail;

    private Member registerVerifyAndSignIn() {
        Member member = Member.fresh();
        currentEmail = member.email;
        open("/register");
        type("register:name", member.name);
        type("register:username", member.username);
        type("register:email", member.email);
        type("register:password", member.password);
        new Select(driver.findElement(By.id("register:country"))).selectByVisibleText("Belgium");
        driver.findElements(By.cssSelector("#register input[type=radio]")).stream()
                .filter(radio -> driver.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).getText().equals("16 or older"))
                .findFirst().orElseThrow().click();
        submit("register:submit");
        assertTrue(driver.getCurrentUrl().contains("/register-done"), driver.getCurrentUrl() + "\n" + mainText());
        driver.get(portal.mail().awaitMail(member.email, MAIL).link("/verify"));
        awaitLoaded();
        submit("verify:submit");
        open("/sign-in");
        type("signIn:login", member.username);
        type("signIn:password", member.password);
        submit("signIn:submit");
        assertEquals(member.username, driver.findElement(By.id("accountLink")).getText());
        return member;
    }

    record Member(String id, String name, String username, String email, String password) {
        static Member fresh() {
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            return new Member(id, "Petra Privacy " + id, "petra" + id, "petra" + id + "@example.org", "quiet harbour lantern " + id);
        }
    }
}
