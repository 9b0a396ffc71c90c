package org.colloquy.removal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
 * Issue 12's journey "a removal request refused with a reason and appealed" (P-REMOVE-1): a member
 * asks for the removal of their post from the post itself; a privacy officer finds it in the queue
 * and refuses it with a reason and words; the member reads the reason on their removal requests page
 * and by mail, and appeals; a second officer grants the appeal; the member sees the outcome and the
 * post's text is gone from the topic. Every page passes axe; officers see the username, never the
 * real name or address. A request past its due date is marked "Overdue" in words in the queue.
 */
class RemovalBrowserIT extends BrowserTest {

    @Test
    void aRemovalRequestRefusedWithAReasonAndAppealed_P_REMOVE_1() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String topicPath = testHook("/test/moderation/topic", Map.of("slug", "removal-" + id)).split(" ")[1];

        // The member replies with something personal, then asks for its removal from the post.
        String member = "rosa" + id;
        String memberEmail = "rosa.secret." + id + "@example.org";
        String memberPassword = "lantern meadow quartz " + id;
        register("Rosa Realname" + id, member, memberEmail, memberPassword);
        signIn(member, memberPassword);
        open(topicPath);
        driver.findElement(By.id("replyLink")).click();
        awaitLoaded();
        if (!driver.findElements(By.id("post:acceptRules")).isEmpty()) {
            submit("post:acceptRules");
        }
        String personal = "I live at 7 Juniper Lane " + id;
        type("post:body", personal);
        submit("post:submit");
        driver.findElement(By.id("removal-2")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.findElement(By.id("requestedPost")).getText().contains(personal));
        assertTrue(driver.findElement(By.id("whatHappens")).getText().contains("30 days"), mainText());
        submit("removal:send");
        assertTrue(driver.findElement(By.id("removal:wanted-message")).getText().startsWith("Choose whether"), mainText());
        driver.findElement(By.cssSelector("input[name='removal:wanted'][value='REMOVE_ITEM']")).click();
        type("removal:explanation", "My home address is in it");
        submit("removal:send");
        assertTrue(driver.findElement(By.id("removal:sentNotice")).getText().contains("Your request has been received"), mainText());
        submit("signOutButton");

        // A privacy officer refuses it with a reason and words.
        String officer = "priv" + id;
        String officerPassword = "harbor violet anchor " + id;
        String secret = officer(officer, "Petra Realname" + id, officerPassword);
        driver.findElement(By.id("privacyOfficeLink")).click();
        awaitLoaded();
        checkPage(false);
        String waiting = driver.findElement(By.id("officeRemovals")).getText();
        assertTrue(waiting.matches("(?s).*Open requests: [1-9][0-9]*, of which overdue: [0-9]+\\..*"), "the office says what waits: " + waiting);
        driver.findElement(By.cssSelector("#officeRemovals a")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(mainText().contains(member), mainText());
        assertFalse(mainText().contains("Rosa Realname"), "officers never see real names");
        String requestRow = "//table[@id='queue']//tr[td[contains(., '" + member + "')]]";
        assertFalse(driver.findElement(By.xpath(requestRow)).getText().contains("Overdue"), "on time when just received");

        // Past its due date, the request stands out in words, and the office overview counts it.
        testHook("/test/removal/due", Map.of("username", member, "days", "-2"));
        open("/privacy-office/removals");
        assertEquals("Overdue", driver.findElement(By.xpath(requestRow + "//strong[contains(@class, 'urgency--overdue')]")).getText());
        assertTrue(driver.findElement(By.xpath(requestRow)).getAttribute("class").contains("removal-row--overdue"));
        open("/privacy-office/overview");
        assertTrue(driver.findElement(By.id("officeRemovals")).getText().matches("(?s).*of which overdue: [1-9][0-9]*\\..*"), mainText());
        testHook("/test/removal/due", Map.of("username", member, "days", "30"));
        open("/privacy-office/removals");
        assertFalse(driver.getPageSource().contains(memberEmail), "nor addresses");
        driver.findElement(By.xpath("//table[@id='queue']//tr[td[contains(., '" + member + "')]]//a")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.findElement(By.id("selectedPost")).getText().contains(personal));
        assertEquals("My home address is in it", driver.findElement(By.id("selectedExplanation")).getText());
        driver.findElement(By.cssSelector("input[name='decision:outcome'][value='REFUSED']")).click();
        submit("decision:decide");
        assertFalse(driver.findElement(By.id("decision:category-message")).getText().isBlank(), mainText());
        assertTrue(driver.findElement(By.id("decision:words-message")).getText().startsWith("Say in your words"), mainText());
        driver.findElement(By.cssSelector("input[name='decision:outcome'][value='REFUSED']")).click();
        new Select(driver.findElement(By.id("decision:category"))).selectByVisibleText("Kept under a legal hold");
        type("decision:words", "The thread is evidence in an open complaint");
        submit("decision:decide");
        assertTrue(mainText().contains("Decided. The member has been told by mail."), mainText());
        submit("signOutButton");
        ReceivedMail refusal = awaitMail(memberEmail, "was refused");
        assertTrue(refusal.bodyText().contains("Why: Kept under a legal hold"), refusal.bodyText());

        // The member sees why on their removal requests page, from the privacy centre, and appeals once.
        signIn(member, memberPassword);
        open("/account/privacy");
        driver.findElement(By.cssSelector("#removalsLink a")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(mainText().contains("Refused"), mainText());
        assertTrue(mainText().contains("Kept under a legal hold"), mainText());
        assertTrue(mainText().contains("The thread is evidence in an open complaint"), mainText());
        String due = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(30)
                .format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH));
        assertEquals(due, driver.findElement(By.cssSelector(".removal-due")).getText(), "due 30 days after receipt");
        driver.findElement(By.cssSelector("a[id^='appeal-']")).click();
        awaitLoaded();
        checkPage(false);
        submit("appealForm:send");
        assertTrue(driver.findElement(By.id("appealForm:statement-message")).getText().startsWith("Tell the privacy officer"), mainText());
        type("appealForm:statement", "The complaint was closed last month");
        submit("appealForm:send");
        assertTrue(mainText().contains("Your appeal has been received"), mainText());
        assertTrue(mainText().contains("Appeal in review"), mainText());
        assertTrue(driver.findElements(By.cssSelector("a[id^='appeal-']")).isEmpty(), "one appeal only");
        submit("signOutButton");

        // The officer who refused may not decide the appeal; a second officer grants it.
        signIn(officer, officerPassword);
        type("secondFactor:code", TotpCodes.next(secret));
        submit("secondFactor:submit");
        open("/privacy-office/removals");
        driver.findElement(By.xpath("//table[@id='queue']//tr[td[contains(., '" + member + "')]]//a")).click();
        awaitLoaded();
        assertTrue(driver.findElement(By.id("ownRefusal")).getText().contains("another privacy officer"), mainText());
        submit("signOutButton");
        String second = "sec" + id;
        String secondPassword = "tundra marigold compass " + id;
        officer(second, "Sven Realname" + id, secondPassword);
        open("/privacy-office/removals");
        driver.findElement(By.xpath("//table[@id='queue']//tr[td[contains(., '" + member + "')]]//a")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.findElement(By.id("appealStatement")).getText().contains("closed last month"));
        driver.findElement(By.cssSelector("input[name='decision:outcome'][value='REMOVED']")).click();
        type("decision:words", "The hold has ended");
        submit("decision:decide");
        assertTrue(mainText().contains("Decided."), mainText());
        submit("signOutButton");
        awaitMail(memberEmail, "Your appeal was granted");

        // The member sees the outcome; the text is gone from the topic.
        signIn(member, memberPassword);
        open("/account/removals");
        assertTrue(mainText().contains("Granted: the post was removed"), mainText());
        assertTrue(mainText().contains("Done"), mainText());
        open(topicPath);
        assertFalse(mainText().contains(personal), "removed");
    }

    /** Registers a member, makes them a privacy officer, signs them in with a second factor; returns the TOTP secret. */
    private String officer(String username, String name, String password) throws Exception {
        actAsClient(randomClientAddress());
        register(name, username, username + ".secret@example.org", password);
        testHook("/test/removal/grant", Map.of("username", username));
        signIn(username, password);
        open("/account/two-factor");
        submit("status:start");
        String secret = driver.findElement(By.id("secret")).getText().replace(" ", "");
        type("setup:code", TotpCodes.now(secret));
        submit("setup:confirm");
        return secret;
    }

    private ReceivedMail awaitMail(String to, String subjectPart) {
        return new FluentWait<>(portal.mail()).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "No mail to " + to + " with " + subjectPart + " in its subject; got " + portal.mail().allTo(to))
                .until(inbox -> inbox.allTo(to).stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElse(null));
    }
}
