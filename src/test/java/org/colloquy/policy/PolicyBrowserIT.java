package org.colloquy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.colloquy.account.TotpCodes;
import org.colloquy.test.BrowserTest;
import org.colloquy.test.Portal;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Policy changes from the browser (P-POLICY-1, P-CONSENT-1): an administrator publishes a version,
 * is refused a material change without a summary, previews and publishes one; the home page
 * announces it, {@code /privacy} shows it with its summary and the earlier version stays at its
 * address; a member is mailed, and once it is in effect is sent to {@code /policy-update}, can still
 * read public pages, accepts, and goes on where they were going. The material change takes effect
 * on the day it is published (the earliest date the form allows), so that "in effect" needs no clock
 * set by the test; the notice shows until and on that day.
 */
class PolicyBrowserIT extends BrowserTest {

    private static final Duration MAIL = Duration.ofSeconds(30);

    @Test
    void anAdministratorPublishesAMaterialChangeAndAMemberAcceptsItBeforeGoingOn_P_POLICY_1() {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        // The administrator: a configured address, with the second factor staff roles need here.
        String adminPassword = "second admin passphrase harbor " + id;
        register("Robin Admin", "robin" + id, Portal.SECOND_ADMIN_EMAIL, adminPassword);
        signIn("robin" + id, adminPassword);
        String secret = setUpSecondFactor();

        // A baseline version, so that the member below joins under a known one.
        open("/admin/policies?kind=PRIVACY_POLICY");
        publish("## What we keep\n\nYour name, username and email. Baseline " + id, today, "Baseline for the browser test " + id, false);
        assertTrue(driver.findElement(By.id("publish")).getText().contains("is published"), mainText());
        int baseline = Integer.parseInt(driver.findElement(By.cssSelector("#versions-privacy + div tbody tr th a")).getText());

        // A member joins and accepts that version: the form says which.
        String member = "reader" + id;
        String memberEmail = member + "@example.org";
        String memberPassword = "lantern copper river " + id;
        submit("signOutButton");
        driver.manage().deleteAllCookies();
        open("/register");
        assertTrue(driver.findElement(By.id("privacyPolicyStatement")).getText().contains("version " + baseline), mainText());
        fillRegistration("Riley Reader", member, memberEmail, memberPassword);
        submit("register:submit");
        driver.get(portal.mail().awaitMail(memberEmail, MAIL).link("/verify"));
        awaitLoaded();
        submit("verify:submit");

        // The administrator publishes a material change: refused without a summary, previewed, published.
        signIn("robin" + id, adminPassword);
        type("secondFactor:code", TotpCodes.next(secret));
        submit("secondFactor:submit");
        open("/admin/policies?kind=PRIVACY_POLICY");
        String summary = "We now keep sign-in records for 90 days " + id;
        String text = "## What we keep\n\nYour name, username and email, and **sign-in records for 90 days**. " + id;
        publish(text, today, "", true);
        assertTrue(driver.findElement(By.id("publish:summary-message")).getText().contains("A material change needs a summary"),
                mainText());
        type("publish:summary", summary);
        submit("publish:preview");
        assertEquals("sign-in records for 90 days", driver.findElement(By.cssSelector("#preview strong")).getText());
        submit("publish:submit");
        assertTrue(driver.findElement(By.id("publish")).getText().contains("Version " + (baseline + 1) + " of the privacy policy is published"),
                mainText());

        // Everyone sees the notice and the new version; the earlier one stays at its address.
        submit("signOutButton");
        open("/");
        WebElement notice = driver.findElement(By.id("policyNotices"));
        assertTrue(notice.getText().contains("Changes to our privacy policy take effect on") && notice.getText().contains(summary),
                notice.getText());
        notice.findElement(By.linkText("Read it")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.getCurrentUrl().endsWith("/privacy/v/" + (baseline + 1)), driver.getCurrentUrl());
        open("/privacy");
        assertEquals(Integer.toString(baseline + 1), driver.findElement(By.id("versionNumber")).getText());
        assertEquals(summary, driver.findElement(By.id("versionSummary")).getText());
        assertEquals("sign-in records for 90 days", driver.findElement(By.cssSelector("#policyText strong")).getText());
        open("/privacy/v/" + baseline);
        assertTrue(driver.findElement(By.id("versionNote")).getText()
                .contains("This is version " + baseline + ", not the current one. Version " + (baseline + 1) + " is in effect now."));
        assertTrue(mainText().contains("Baseline " + id));
        open("/privacy/versions");
        assertTrue(driver.findElement(By.id("versionList")).getText().contains(summary));

        // The member was told by mail, as an account notice.
        ReceivedMail mail = portal.mail().awaitMail(memberEmail, MAIL);
        assertTrue(mail.subject().startsWith("Changes to our privacy policy take effect on"), mail.subject());
        assertTrue(mail.bodyText().contains(summary), mail.bodyText());

        // In effect today: the member is sent to accept it, can still read public pages, accepts, goes on.
        signIn(member, memberPassword);
        open("/account/sessions");
        assertTrue(driver.getCurrentUrl().contains("/policy-update?next="), driver.getCurrentUrl());
        assertTrue(mainText().contains(summary) && mainText().contains("You last accepted version " + baseline), mainText());
        open("/rules");
        assertEquals("Forum rules", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.id("policyOwedBanner")).isDisplayed(), "a reminder on public pages");
        driver.findElement(By.id("policyOwedBanner")).findElement(By.tagName("a")).click();
        awaitLoaded();
        checkPage(false);
        open("/policy-update?next=%2Faccount%2Fsessions");
        submit("accept:submit");
        assertTrue(driver.getCurrentUrl().endsWith("/account/sessions"), driver.getCurrentUrl());
        open("/account");
        assertTrue(driver.findElements(By.id("policyOwedBanner")).isEmpty(), "nothing owed any more");
    }

    // ------------------------------------------------------------------ helpers

    private void publish(String markdown, String effective, String summary, boolean material) {
        new Select(driver.findElement(By.id("publish:kind"))).selectByVisibleText("Privacy policy");
        type("publish:body", markdown);
        // A date input takes the date as the browser's locale shows it; script sets the ISO value it posts.
        script("arguments[0].value = arguments[1];", driver.findElement(By.id("publish:effective")), effective);
        type("publish:summary", summary);
        WebElement box = driver.findElement(By.id("publish:material"));
        if (box.isSelected() != material) {
            box.click();
        }
        submit("publish:submit");
    }
}
