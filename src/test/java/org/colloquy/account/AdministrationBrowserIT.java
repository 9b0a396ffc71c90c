package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.colloquy.test.BrowserTest;
import org.colloquy.test.Portal;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Administration from the browser. The test portal names {@link Portal#ADMIN_EMAIL} as the first
 * administrator and requires a second factor for staff roles (COLLOQUY_STAFF_MFA=true), so the
 * first administrator must set up two-step sign-in before the administration pages open.
 */
class AdministrationBrowserIT extends BrowserTest {

    private static final Duration MAIL = Duration.ofSeconds(30);

    @Test
    void theFirstAdministratorSetsUpTwoStepSignInThenGrantsARoleAndSuspendsWithReasons() {
        actAsClient(randomClientAddress());
        var other = AccountJourneyBrowserIT.Member.fresh();
        register(other.name(), other.username(), other.email(), other.password());

        // A plain member cannot open the administration pages: the server refuses, not just the menu.
        signIn(other.username(), other.password());
        openErrorPage("/admin/members");
        assertEquals("Not allowed · Colloquy", driver.getTitle());
        submit("signOutButton");

        String adminPassword = "first admin passphrase lantern";
        register("Avery Admin", "avery", Portal.ADMIN_EMAIL, adminPassword);
        signIn("avery", adminPassword);
        assertTrue(driver.getPageSource().contains("Your staff roles are paused until you turn on two-step sign-in"));
        openErrorPage("/admin/members");
        assertEquals("Not allowed · Colloquy", driver.getTitle());

        String secret = setUpSecondFactor();
        assertTrue(driver.findElements(By.id("adminLink")).size() == 1, "the administration link appears");

        open("/admin/members?q=" + other.email().toUpperCase());
        driver.findElement(By.linkText(other.username())).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(mainText().contains(other.name()));

        new Select(driver.findElement(By.id("roles:role"))).selectByVisibleText("Moderator");
        submit("roles:grant");
        assertTrue(driver.findElement(By.id("roles:reason-message")).getText().contains("Give a reason"));
        new Select(driver.findElement(By.id("roles:role"))).selectByVisibleText("Moderator");
        type("roles:reason", "Volunteered to moderate the standards forum");
        submit("roles:grant");
        assertTrue(driver.findElement(By.id("memberRoles")).getText().contains("Moderator"));

        type("suspension:reason", "Repeated advertising after two warnings");
        submit("suspension:suspend");
        assertTrue(driver.findElement(By.id("memberStatus")).getText().contains("Repeated advertising after two warnings"));

        open("/admin/log");
        String log = mainText();
        assertTrue(log.contains("Granted role Moderator") && log.contains("Volunteered to moderate the standards forum"), log);
        assertTrue(log.contains("Suspended") && log.contains("avery"), log);
        assertTrue(log.contains("COLLOQUY_ADMIN_EMAIL names this address"), "the first grant is logged as the system's");

        submit("signOutButton");
        open("/sign-in");
        type("signIn:login", other.username());
        type("signIn:password", other.password());
        submit("signIn:submit");
        assertTrue(mainText().contains("Your account is suspended: Repeated advertising after two warnings"), mainText());
        assertTrue(portal.mail().awaitMail(other.email(), MAIL).bodyText().contains("Repeated advertising after two warnings"));

        // The administrator reinstates the member, again with a reason; the member can sign in again.
        signIn("avery", adminPassword);
        type("secondFactor:code", TotpCodes.next(secret));
        submit("secondFactor:submit");
        open("/admin/member?u=" + other.username());
        submit("suspension:reinstate");
        assertTrue(driver.findElement(By.id("suspension:reason-message")).getText().contains("Give a reason"));
        type("suspension:reason", "Agreed to the rules after an appeal");
        submit("suspension:reinstate");
        assertTrue(driver.findElement(By.id("memberStatus")).getText().contains("Active"));
        submit("signOutButton");
        signIn(other.username(), other.password());
        assertEquals(other.username(), driver.findElement(By.id("accountLink")).getText());
    }
}
