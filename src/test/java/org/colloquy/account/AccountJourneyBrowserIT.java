package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.colloquy.test.BrowserTest;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * A member's account from the browser: joining (with the age check), confirming the address by
 * the mailed link, signing in and out, wrong passwords and throttling, resetting a forgotten
 * password, changing the email address, and two-step sign-in. Every page is checked for
 * accessibility and kept as a screenshot.
 */
class AccountJourneyBrowserIT extends BrowserTest {

    private static final Duration MAIL = Duration.ofSeconds(30);

    @BeforeEach
    void freshVisitor() {
        driver.manage().deleteAllCookies();
        actAsClient(randomClientAddress());
    }

    /** P-PROFILE-2: the form asks for name, username, email and password, and nothing else but the age check. */
    @Test
    void registrationAsksOnlyForNameUsernameEmailAndPassword_P_PROFILE_2() {
        open("/register");
        List<String> labels = driver.findElements(By.cssSelector("#register label")).stream()
                .map(WebElement::getText).map(String::strip).filter(text -> !text.isEmpty()).toList();
        assertEquals(List.of("Name", "Username", "Email address", "Password", "Country where you live",
                "Under 13", "13 to 15", "16 or older"), labels);
        assertTrue(mainText().contains("We use your answers for this check only and do not keep them"));
    }

    /** P-CHILD-1: under 16 in the EEA is refused plainly, nothing is kept, and the same details then register. */
    @Test
    void someoneUnderAgeIsRefusedAndNothingTheyTypedIsKept_P_CHILD_1() {
        Member member = Member.fresh();
        open("/register");
        fillRegistration(member, "Germany", "13 to 15");
        submit("register:submit");

        assertTrue(driver.getCurrentUrl().contains("/register-refused"), driver.getCurrentUrl());
        assertTrue(mainText().contains("at least 16 years old"), mainText());
        assertTrue(mainText().contains("Nothing you typed into the form was kept"));

        // Elsewhere 13 is enough: the same username and address are free, so nothing was stored.
        open("/register");
        fillRegistration(member, "Canada", "13 to 15");
        submit("register:submit");
        assertTrue(driver.getCurrentUrl().contains("/register-done"), driver.getCurrentUrl());
        assertTrue(portal.mail().awaitMail(member.email, MAIL).subject().startsWith("Confirm your email address"));
    }

    /** P-SECURITY-1: an individual sign-in, and signing out ends the session: back shows no private page. */
    @Test
    void aMemberConfirmsTheirAddressSignsInAndSignsOut_P_SECURITY_1() {
        Member member = registerAndVerify();

        signIn(member.username, member.password);
        assertEquals(member.username, driver.findElement(By.id("accountLink")).getText());
        open("/account");
        assertTrue(mainText().contains(member.email), "the account page shows the member's address");

        submit("signOutButton");
        assertTrue(mainText().contains("Your session has ended on the server"));
        driver.navigate().back();
        awaitLoaded();
        assertTrue(driver.getCurrentUrl().contains("/sign-in"), "back after sign-out leads to sign-in, not the account page: "
                + driver.getCurrentUrl());
        assertFalse(driver.getPageSource().contains(member.email));
    }

    @Test
    void wrongPasswordsGetOneMessageAndRepeatedFailuresAreThrottled() {
        Member member = registerAndVerify();
        open("/sign-in");
        type("signIn:login", member.username);
        type("signIn:password", "not-the-password-at-all");
        submit("signIn:submit");
        String wrongPassword = driver.findElement(By.cssSelector(".form-messages")).getText();

        type("signIn:login", "nobody-" + member.username);
        type("signIn:password", "not-the-password-at-all");
        submit("signIn:submit");
        assertEquals(wrongPassword, driver.findElement(By.cssSelector(".form-messages")).getText(),
                "an unknown account gets the very same message");
        assertTrue(wrongPassword.contains("do not match an account"), wrongPassword);

        for (int attempt = 2; attempt <= 6; attempt++) {
            type("signIn:login", member.username);
            type("signIn:password", "wrong-guess-number-" + attempt);
            submit("signIn:submit");
        }
        type("signIn:login", member.username);
        type("signIn:password", member.password);
        submit("signIn:submit", true);
        assertEquals("Too many attempts · Colloquy", driver.getTitle());
        assertTrue(mainText().contains("Please wait a minute before trying again"), mainText());
    }

    @Test
    void aForgottenPasswordIsResetByMailAndEndsEverySession() {
        Member member = registerAndVerify();
        signIn(member.username, member.password);
        var signedInCookie = driver.manage().getCookieNamed("JSESSIONID");

        driver.manage().deleteAllCookies();
        open("/forgot-password");
        type("forgot:email", member.email.toUpperCase());
        submit("forgot:submit");
        assertTrue(mainText().contains("If an account uses that address"));
        ReceivedMail mail = portal.mail().awaitMail(member.email, MAIL);
        assertTrue(mail.bodyText().contains("within one hour"), mail.bodyText());

        driver.get(mail.link("/reset-password"));
        awaitLoaded();
        checkPage(false);
        type("reset:password", "short");
        submit("reset:submit");
        assertTrue(driver.findElement(By.id("reset:password-message")).getText().contains("12"), "too short is explained at the field");
        String newPassword = "a brand new passphrase " + UUID.randomUUID().toString().substring(0, 8);
        type("reset:password", newPassword);
        submit("reset:submit");
        assertTrue(mainText().contains("every session of your account has been signed out"));

        // The session signed in before the reset is over.
        driver.manage().deleteAllCookies();
        driver.get(portal.url("/"));
        driver.manage().addCookie(signedInCookie);
        open("/account");
        assertTrue(driver.getCurrentUrl().contains("/sign-in"), driver.getCurrentUrl());

        // The link worked once.
        driver.get(mail.link("/reset-password"));
        awaitLoaded();
        assertTrue(mainText().contains("expired or has already been used"));

        signIn(member.email, newPassword);
        assertEquals(member.username, driver.findElement(By.id("accountLink")).getText());
    }

    /** P-ACCOUNT-1: the member corrects their address; the new one confirms, the old one is told. */
    @Test
    void changingTheEmailAddressNeedsTheNewAddressAndTellsTheOldOne_P_ACCOUNT_1() {
        Member member = registerAndVerify();
        signIn(member.username, member.password);
        open("/account");
        String newEmail = "moved-" + member.email;
        type("emailForm:email", newEmail);
        type("emailForm:currentPassword", "not my password");
        submit("emailForm:save");
        assertTrue(driver.findElement(By.id("emailForm:currentPassword-message")).getText().contains("not your current password"));
        assertEquals(newEmail, driver.findElement(By.id("emailForm:email")).getAttribute("value"), "what was typed is kept");
        assertEquals("true", driver.findElement(By.id("emailForm:currentPassword")).getAttribute("aria-invalid"),
                "the refused field is announced as invalid");
        assertNull(driver.findElement(By.id("emailForm:email")).getAttribute("aria-invalid"), "the accepted field is not");

        type("emailForm:currentPassword", member.password);
        submit("emailForm:save");
        assertTrue(mainText().contains("Check the new address for a confirmation link"));
        assertTrue(mainText().contains(member.email), "until confirmed, the account keeps its address");

        driver.get(portal.mail().awaitMail(newEmail, MAIL).link("/confirm-email"));
        awaitLoaded();
        checkPage(false);
        submit("confirm:submit");
        assertTrue(mainText().contains("Your account now uses this address"));
        ReceivedMail notice = portal.mail().awaitMail(member.email, MAIL);
        assertTrue(notice.bodyText().contains(newEmail), notice.bodyText());

        open("/account");
        assertTrue(mainText().contains("Your account uses " + newEmail));
    }

    /** P-ACCOUNT-1: the member corrects their username and sees and ends their other sessions. */
    @Test
    void aMemberRenamesThemselvesAndEndsTheirOtherSessions_P_ACCOUNT_1() {
        Member member = registerAndVerify();
        signIn(member.username, member.password);
        var firstDevice = driver.manage().getCookieNamed("JSESSIONID");

        driver.manage().deleteAllCookies();
        signIn(member.email, member.password);
        open("/account");
        String renamed = "re" + member.username;
        type("usernameForm:username", "ad.min");
        submit("usernameForm:save");
        assertTrue(driver.findElement(By.id("usernameForm:username-message")).getText().contains("kept for the site"));
        type("usernameForm:username", renamed);
        submit("usernameForm:save");
        assertTrue(mainText().contains("Your username is saved"));
        assertEquals(renamed, driver.findElement(By.id("accountLink")).getText(), "the header shows the new name at once");
        open("/u/" + member.username);
        assertTrue(driver.getCurrentUrl().endsWith("/u/" + renamed), "the old name leads to the new one: " + driver.getCurrentUrl());
        assertEquals(renamed, driver.findElement(By.id("memberName")).getText());

        open("/account/sessions");
        assertEquals(2, driver.findElements(By.cssSelector(".session")).size(), mainText());
        assertTrue(mainText().contains("(this device)"));
        submit("sessions:endOthers");
        assertTrue(mainText().contains("One other session is signed out"), mainText());
        assertEquals(1, driver.findElements(By.cssSelector(".session")).size());

        driver.manage().deleteAllCookies();
        driver.manage().addCookie(firstDevice);
        open("/account");
        assertTrue(driver.getCurrentUrl().contains("/sign-in"), "the other device is signed out: " + driver.getCurrentUrl());

        // The old username stays the member's for 30 days: nobody else can take it.
        driver.manage().deleteAllCookies();
        Member other = Member.fresh();
        open("/register");
        fillRegistration(new Member(other.name, member.username, other.email, other.password), "Canada", "16 or older");
        submit("register:submit");
        assertTrue(driver.findElement(By.id("register:username-message")).getText().contains("taken"));
    }

    /**
     * P-ACCOUNT-2: a member deactivates their account with their password; they are signed out
     * everywhere and their profile page is gone. Signing in again asks whether to reactivate: "keep it
     * deactivated" changes nothing, reactivating (by keyboard) signs them in and brings the profile back.
     */
    @Test
    void aMemberDeactivatesTheirAccountAndReactivatesItBySigningIn_P_ACCOUNT_2() throws Exception {
        Member member = registerAndVerify();
        signIn(member.username, member.password);
        var otherDevice = driver.manage().getCookieNamed("JSESSIONID");
        driver.manage().deleteAllCookies();
        signIn(member.username, member.password);
        assertEquals(200, profileStatus(member.username));
        String forum = "pause-" + member.username.substring(6);
        String topicPath = testHook("/test/forum/thread", Map.of("category", forum, "title", "Before a pause " + member.username,
                "username", member.username, "posts", "1"));

        open("/account");
        driver.findElement(By.id("deactivateLink")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(mainText().contains("Your forum posts stay where they are, under your username, without a link to you"));
        assertTrue(mainText().contains("Deleting your account for good"), "the page says deletion is a separate request");
        type("deactivate:currentPassword", "not my password");
        submit("deactivate:submit");
        assertTrue(driver.findElement(By.id("deactivate:currentPassword-message")).getText().contains("not your current password"));
        assertEquals("true", driver.findElement(By.id("deactivate:currentPassword")).getAttribute("aria-invalid"));
        assertEquals(200, profileStatus(member.username), "a refused confirmation changes nothing");

        type("deactivate:currentPassword", member.password);
        submit("deactivate:submit");
        assertTrue(driver.getCurrentUrl().endsWith("/deactivated"), driver.getCurrentUrl());
        assertTrue(mainText().contains("Your account is deactivated"));
        assertTrue(driver.findElements(By.id("accountLink")).isEmpty(), "signed out");
        assertEquals(404, profileStatus(member.username), "the profile page disappears");
        for (String page : List.of(topicPath, "/c/" + forum)) {
            open(page);
            assertTrue(mainText().contains(member.username), "the post stays under the username: " + page);
            assertTrue(driver.findElements(By.cssSelector("a[href$='/u/" + member.username + "']")).isEmpty(),
                    "without a link to the profile that is gone: " + page);
        }
        driver.manage().deleteAllCookies();
        driver.get(portal.url("/"));
        driver.manage().addCookie(otherDevice);
        open("/account");
        assertTrue(driver.getCurrentUrl().contains("/sign-in"), "the other device is signed out too: " + driver.getCurrentUrl());

        super.signIn(member.username, member.password);
        assertTrue(driver.getCurrentUrl().contains("/reactivate"), driver.getCurrentUrl());
        assertTrue(mainText().contains("You deactivated this account"));
        submit("reactivate:keep");
        assertTrue(driver.findElements(By.id("accountLink")).isEmpty(), "keeping it deactivated does not sign in");
        assertEquals(404, profileStatus(member.username));

        super.signIn(member.username, member.password);
        pressEnter("reactivate:submit");
        assertEquals(member.username, driver.findElement(By.id("accountLink")).getText(), "reactivated and signed in");
        assertEquals(200, profileStatus(member.username), "the profile page is back");
        open(topicPath);
        assertEquals(1, driver.findElements(By.cssSelector("a[href$='/u/" + member.username + "']")).size(), "the post links to it again");
    }

    /** The status of a member's profile page for an anonymous visitor. */
    private int profileStatus(String username) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal.uri("/u/" + username)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** P-ACCOUNT-1: changing the password needs the current one, says why a new one is refused, and signs out elsewhere. */
    @Test
    void changingThePasswordNeedsTheCurrentOneAndEndsOtherSessions_P_ACCOUNT_1() {
        Member member = registerAndVerify();
        signIn(member.username, member.password);
        var otherDevice = driver.manage().getCookieNamed("JSESSIONID");
        driver.manage().deleteAllCookies();
        signIn(member.username, member.password);
        open("/account");

        type("passwordForm:currentPassword", "not the password");
        type("passwordForm:newPassword", "a fresh passphrase lantern 42x");
        submit("passwordForm:save");
        assertTrue(driver.findElement(By.id("passwordForm:currentPassword-message")).getText().contains("not your current password"));

        type("passwordForm:currentPassword", member.password);
        type("passwordForm:newPassword", member.username + "2026");
        submit("passwordForm:save");
        assertTrue(driver.findElement(By.id("passwordForm:newPassword-message")).getText().contains("too easy to guess"),
                driver.findElement(By.id("passwordForm:newPassword-message")).getText());

        String newPassword = "a fresh passphrase lantern " + UUID.randomUUID().toString().substring(0, 6);
        type("passwordForm:currentPassword", member.password);
        type("passwordForm:newPassword", newPassword);
        submit("passwordForm:save");
        assertTrue(mainText().contains("Your password is changed, and your other sessions are signed out"));
        assertTrue(portal.mail().awaitMail(member.email, MAIL).subject().contains("was changed"));

        driver.manage().deleteAllCookies();
        driver.get(portal.url("/"));
        driver.manage().addCookie(otherDevice);
        open("/account");
        assertTrue(driver.getCurrentUrl().contains("/sign-in"), "the other device is signed out: " + driver.getCurrentUrl());
        signIn(member.email, newPassword);
    }

    @Test
    void twoStepSignInWithAnAuthenticatorAppAndARecoveryCode() {
        Member member = registerAndVerify();
        signIn(member.username, member.password);
        open("/account/two-factor");
        submit("status:start");
        String secret = driver.findElement(By.id("secret")).getText().replace(" ", "");
        type("setup:code", "000000".equals(TotpCodes.now(secret)) ? "111111" : "000000");
        submit("setup:confirm");
        assertTrue(driver.findElement(By.id("setup:code-message")).getText().contains("does not match"));
        type("setup:code", TotpCodes.now(secret));
        submit("setup:confirm");
        List<String> recoveryCodes = driver.findElements(By.cssSelector("#recoveryCodes code")).stream().map(WebElement::getText).toList();
        assertEquals(10, recoveryCodes.size());

        submit("signOutButton");
        open("/sign-in");
        type("signIn:login", member.username);
        type("signIn:password", member.password);
        submit("signIn:submit");
        assertTrue(driver.getCurrentUrl().contains("/sign-in-code"), driver.getCurrentUrl());
        // The code that turned the app on cannot be used again; the app's next code can.
        type("secondFactor:code", TotpCodes.next(secret));
        submit("secondFactor:submit");
        assertEquals(member.username, driver.findElement(By.id("accountLink")).getText());

        submit("signOutButton");
        open("/sign-in");
        type("signIn:login", member.username);
        type("signIn:password", member.password);
        submit("signIn:submit");
        type("secondFactor:code", recoveryCodes.get(0));
        submit("secondFactor:submit");
        assertEquals(member.username, driver.findElement(By.id("accountLink")).getText());
        open("/account/two-factor");
        assertTrue(mainText().contains("You have 9 unused recovery codes"), mainText());
    }

    // ------------------------------------------------------------------ helpers

    private Member registerAndVerify() {
        Member member = Member.fresh();
        open("/register");
        fillRegistration(member, "Belgium", "16 or older");
        submit("register:submit");
        assertTrue(driver.getCurrentUrl().contains("/register-done"), driver.getCurrentUrl() + "\n" + mainText());
        driver.get(portal.mail().awaitMail(member.email, MAIL).link("/verify"));
        awaitLoaded();
        checkPage(false);
        submit("verify:submit");
        assertTrue(mainText().contains("your address is confirmed"), mainText());
        return member;
    }

    private void fillRegistration(Member member, String country, String age) {
        type("register:name", member.name);
        type("register:username", member.username);
        type("register:email", member.email);
        type("register:password", member.password);
        new Select(driver.findElement(By.id("register:country"))).selectByVisibleText(country);
        driver.findElements(By.cssSelector("#register input[type=radio]")).stream()
                .filter(radio -> driver.findElement(By.cssSelector("label[for='" + radio.getAttribute("id") + "']")).getText().equals(age))
                .findFirst().orElseThrow().click();
    }

    /** Signs in, and checks that it worked: every sign-in of this test is meant to. */
    @Override
    protected void signIn(String login, String password) {
        super.signIn(login, password);
        assertTrue(driver.findElements(By.id("accountLink")).size() == 1, "signed in: " + mainText());
    }

    /** A new person with a distinctive name, username, address and a strong password. */
    record Member(String name, String username, String email, String password) {
        static Member fresh() {
            String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            return new Member("Quentin Testperson " + id, "walker" + id, "walker" + id + "@example.org",
                    "river lantern copper " + id);
        }
    }
}
