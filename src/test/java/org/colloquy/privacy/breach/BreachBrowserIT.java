package org.colloquy.privacy.breach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.colloquy.account.TotpCodes;
import org.colloquy.test.BrowserTest;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * P-BREACH-1 in the browser: a privacy officer records a sponsor's breach (a workgroup scope chosen
 * without its workgroup is refused beside the field first), sees how many members it
 * affects and the notice they will read, and sends it; the affected member's inbox has the notice and
 * an unaffected member's has none; an anonymous visitor sees the banner on the home page and reads
 * the public notice.
 */
class BreachBrowserIT extends BrowserTest {

    @Test
    void anOfficerNotifiesTheMembersOfASponsorsBreachAndTheHomePageShowsIt_P_BREACH_1() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String sponsorKey = "sponsor:breach-" + id;
        String sponsorLabel = "Leaky Learning " + id;

        // Two members: the sponsor received the affected one's data, another sponsor the other's.
        String affected = "hit" + id;
        String affectedEmail = "hit." + id + "@example.org";
        String spared = "spared" + id;
        String sparedEmail = "spared." + id + "@example.org";
        testHook("/test/breach/member", Map.of("username", affected, "name", "Hilde Hit", "email", affectedEmail));
        testHook("/test/breach/member", Map.of("username", spared, "name", "Sven Spared", "email", sparedEmail));
        disclose(affectedEmail, sponsorKey, sponsorLabel);
        disclose(sparedEmail, "sponsor:other-" + id, "Other Sponsor " + id);

        // The privacy officer (second factor first, as staff roles need here).
        String officer = "officer" + id;
        String password = "harbor violet anchor " + id;
        register("Olga Officer", officer, "officer." + id + "@example.org", password);
        testHook("/test/breach/officer", Map.of("username", officer));
        signIn(officer, password);
        open("/account/two-factor");
        submit("status:start");
        String secret = driver.findElement(By.id("secret")).getText().replace(" ", "");
        type("setup:code", TotpCodes.now(secret));
        submit("setup:confirm");

        // Records the breach: which recipient, what happened, until when the public notice shows.
        open("/privacy-office/breaches");
        String title = "Attendee list exposed by " + sponsorLabel;
        type("record:title", title);
        type("record:whatHappened", "The sponsor left the attendee list of a webinar in a public folder for a day.");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        setDate("record:occurredOn", LocalDate.now(ZoneOffset.UTC).minusDays(2).toString());
        setDate("record:discoveredOn", today);
        type("record:dataConcerned", "name, email");
        type("record:measures", "The folder was closed and the sponsor deleted every copy.");
        type("record:memberAdvice", "Be wary of unexpected mail that mentions the webinar.");
        type("record:contact", "privacy@colloquy.example");
        setDate("record:bannerUntil", today);
        // A scope that names a workgroup, chosen without one, is refused beside the workgroup field.
        new Select(driver.findElement(By.id("record:scope"))).selectByValue("WORKGROUP");
        submit("record:submit");
        assertEquals("Choose the workgroup whose participants are affected.",
                driver.findElement(By.id("record:workgroup-message")).getText(), mainText());
        assertEquals("true", driver.findElement(By.id("record:workgroup")).getAttribute("aria-invalid"));
        new Select(driver.findElement(By.id("record:scope"))).selectByValue("RECIPIENT");
        new Select(driver.findElement(By.id("record:recipient"))).selectByValue(sponsorKey);
        submit("record:submit");

        // The preview: one member affected, who, and the notice as they will read it.
        assertEquals("Affected members: 1", driver.findElement(By.id("affectedCount")).getText(), mainText());
        assertTrue(driver.findElement(By.id("someUsernames")).getText().contains(affected), mainText());
        String preview = driver.findElement(By.id("previewBody")).getText();
        assertTrue(preview.contains("Dear Hilde Hit"), preview);
        assertTrue(preview.contains("Your data that we had passed to " + sponsorLabel + ": email, name."), preview);
        assertTrue(preview.contains("Whom to contact\nprivacy@colloquy.example"), preview);

        submit("send:submit");
        assertTrue(mainText().contains("The notice was sent: 1 affected members, 1 mailed"), mainText());
        String row = driver.findElement(By.xpath("//table[@id='pastBreaches']//tr[th[contains(., '" + title + "')]]")).getText();
        assertTrue(row.contains(sponsorLabel), row);

        // The affected member's inbox has the notice; the other member's has none.
        ReceivedMail notice = new FluentWait<>(portal.mail()).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "No breach notice to " + affectedEmail + "; got " + portal.mail().allTo(affectedEmail))
                .until(inbox -> inbox.allTo(affectedEmail).stream().filter(m -> m.subject().equals("Security notice: " + title))
                        .findFirst().orElse(null));
        assertTrue(notice.bodyText().contains("Your data that we had passed to " + sponsorLabel + ": email, name."), notice.bodyText());
        assertTrue(portal.mail().allTo(sparedEmail).stream().noneMatch(m -> m.subject().startsWith("Security notice")),
                "an unaffected member gets no notice: " + portal.mail().allTo(sparedEmail));

        // An anonymous visitor sees the banner on the home page and reads the public notice.
        submit("signOutButton");
        driver.manage().deleteAllCookies();
        open("/");
        String banner = driver.findElement(By.id("breachBanner")).getText();
        assertTrue(banner.startsWith("Security notice"), banner);
        assertTrue(banner.contains(title), banner);
        driver.findElement(By.xpath("//section[@id='breachBanner']//li[contains(., '" + title + "')]/a")).click();
        awaitLoaded();
        checkPage(false);
        assertEquals(title, driver.findElement(By.id("breachTitle")).getText());
        assertTrue(mainText().contains("The sponsor left the attendee list of a webinar in a public folder for a day."), mainText());
        assertTrue(driver.manage().getCookies().isEmpty(), "no session for an anonymous reader: " + driver.manage().getCookies());
    }

    private void disclose(String email, String key, String label) throws Exception {
        String consent = testHook("/test/privacy/consent", Map.of("email", email, "key", key, "label", label, "fields", "name,email"));
        testHook("/test/disclose", Map.of("email", email, "key", key, "label", label, "fields", "name,email", "purpose", "Attendee list",
                "consent", consent));
    }

    private void setDate(String fieldId, String isoDate) {
        script("document.getElementById(arguments[0]).value = arguments[1]", fieldId, isoDate);
    }
}
