package org.colloquy.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.colloquy.test.BrowserTest;
import org.colloquy.test.Portal;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.colloquy.account.TotpCodes;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 12's journey in the browser (P-CORP-1), an organization claim with the prior notice: an
 * administrator registers the organization, its administrator claims the domain (a free-mail domain
 * is refused beside the field) and the mailed link verifies the claim; the member at that domain is
 * told by mail and in the privacy centre; once the notice period has passed (a test hook moves the
 * notices' dates) the organization's view shows the member with email, and the member's ledger
 * shows the disclosure; an administrator then withdraws the claim (a reason is required), the member
 * is told and the organization's view is empty at once. axe checks each distinct page.
 */
class OrganizationAccessBrowserIT extends BrowserTest {

    private record Person(String name, String username, String email, String password) {
    }

    private void as(Person p) {
        driver.manage().deleteAllCookies();
        signIn(p.username(), p.password());
    }

    @Test
    void anOrganizationClaimWithThePriorNotice_P_CORP_1() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String domain = "corp" + id + ".test";
        String orgName = "Acme Widgets " + id;
        Person boss = new Person("Olga Boss" + id, "olga" + id, "olga." + id + "@example.org", "copper lantern meadow " + id);
        Person mia = new Person("Mia Member" + id, "mia" + id, "mia." + id + "@" + domain, "silver harbour pebble " + id);
        Person admin = new Person("Orla Admin" + id, "oadmin" + id, Portal.ORGANIZATION_ADMIN_EMAIL, "organization admin passphrase " + id);
        register(boss.name(), boss.username(), boss.email(), boss.password());
        register(mia.name(), mia.username(), mia.email(), mia.password());

        // The administrator (with the second factor staff roles need here) registers the organization.
        register(admin.name(), admin.username(), admin.email(), admin.password());
        signIn(admin.username(), admin.password());
        String secret = setUpSecondFactor();
        open("/admin/members");
        driver.findElement(By.id("organizationsLink")).click();
        awaitLoaded();
        checkPage(false);
        submit("organization:register");
        assertEquals("Give the organization's name.", driver.findElement(By.id("organization:name-message")).getText());
        type("organization:name", orgName);
        type("organization:admin", boss.username());
        submit("organization:register");
        assertTrue(driver.findElement(By.id("organizationTable")).getText().contains(orgName), mainText());
        checkPage(false);
        open("/admin/log");
        assertTrue(mainText().contains("Registered an organization, administered by the member named,"), mainText());

        // The organization's administrator claims the domain: a free-mail domain is refused, then a link is mailed.
        as(boss);
        open("/account");
        driver.findElement(By.id("organizationLink")).click();
        awaitLoaded();
        checkPage(false);
        assertEquals(orgName, driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.id("noDomains")).isDisplayed(), mainText());
        type("claim:address", "olga.boss@gmail.com");
        submit("claim:claimSubmit");
        assertTrue(driver.findElement(By.id("claim:address-message")).getText()
                .startsWith("Addresses at gmail.com are available to anyone"), mainText());
        assertEquals("true", driver.findElement(By.id("claim:address")).getAttribute("aria-invalid"));
        type("claim:address", "it@" + domain);
        submit("claim:claimSubmit");
        assertTrue(mainText().contains("A link is on its way to it@" + domain), mainText());
        assertTrue(driver.findElement(By.id("domainList")).getText().contains(domain + ": waiting for the mailed link"), mainText());

        // Whoever reads it@domain follows the link: opening it changes nothing, the button verifies the claim.
        ReceivedMail link = portal.mail().awaitMail("it@" + domain, Duration.ofSeconds(30));
        driver.manage().deleteAllCookies();
        driver.get(link.link("/organization-confirm"));
        awaitLoaded();
        checkPage(false);
        submit("confirm:submit");
        assertTrue(driver.findElement(By.id("done")).getText().contains("The claim of " + domain + " is verified"), mainText());

        // The member at that domain is told what will be seen and from when, by mail and in the privacy centre.
        ReceivedMail notice = portal.mail().awaitMail(mia.email(), Duration.ofSeconds(30));
        assertEquals(orgName + " will see your email and past use on Colloquy", notice.subject());
        assertTrue(notice.bodyText().contains("your email address"), notice.bodyText());
        assertTrue(notice.bodyText().contains("change your email address to one outside " + domain), notice.bodyText());
        as(mia);
        open("/account/privacy");
        String notices = driver.findElement(By.id("organizationNotices")).getText();
        assertTrue(notices.contains(orgName) && notices.contains(mia.email()), notices);

        // Before the notice period has passed the organization sees nobody.
        as(boss);
        open("/organization");
        assertTrue(driver.findElement(By.id("noMembers")).isDisplayed(), mainText());
        assertTrue(driver.findElement(By.id("waiting")).getText().startsWith("1 more from"), mainText());

        // Once it has passed, the view shows the member with email, and that view is in the member's ledger.
        testHook("/test/organization/notice-passed", Map.of("name", orgName));
        open("/organization");
        String members = driver.findElement(By.id("memberTable")).getText();
        assertTrue(members.contains(mia.username()) && members.contains(mia.email()), members);
        assertEquals("Page 1 of 1; members shown in all: 1", driver.findElement(By.id("pageStatus")).getText());
        as(mia);
        open("/account/privacy");
        String ledger = driver.findElement(By.id("ledgerTable")).getText();
        assertTrue(ledger.contains(orgName + " (organization administrator)"), ledger);
        assertTrue(ledger.contains("saw your email and past use"), ledger);

        // The administrator withdraws the claim (a reason is needed): the member is told, the view stops at once.
        driver.manage().deleteAllCookies();
        signIn(admin.username(), admin.password());
        type("secondFactor:code", TotpCodes.next(secret));
        submit("secondFactor:submit");
        open("/admin/organizations");
        new Select(driver.findElement(By.id("withdraw:organizationId"))).selectByVisibleText(orgName);
        type("withdraw:domain", domain);
        submit("withdraw:withdrawSubmit");
        assertEquals("Say why the claim is withdrawn.", driver.findElement(By.id("withdraw:reason-message")).getText(), mainText());
        type("withdraw:reason", "The contract with " + orgName + " ended");
        submit("withdraw:withdrawSubmit");
        assertTrue(mainText().contains("The claim of " + domain + " is withdrawn"), mainText());
        ReceivedMail withdrawn = new FluentWait<>(portal.mail()).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .until(inbox -> inbox.allTo(mia.email()).stream().filter(m -> m.subject().startsWith(orgName + " no longer sees"))
                        .findFirst().orElse(null));
        assertTrue(withdrawn.bodyText().contains("no longer sees your email or your past use"), withdrawn.bodyText());
        as(boss);
        open("/organization");
        assertTrue(driver.findElement(By.id("noMembers")).isDisplayed(), mainText());
        assertTrue(driver.findElement(By.id("noDomains")).isDisplayed(), mainText());
    }
}
