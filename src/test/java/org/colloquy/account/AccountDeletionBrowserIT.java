package org.colloquy.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.colloquy.test.BrowserTest;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * P-ACCOUNT-2 in the browser: an anonymising deletion after which the leak test finds the name
 * nowhere. A member with a distinctive real name, email and username posts in a forum and has a
 * testimonial published under their name; another member quotes and mentions them. The member reads on
 * {@code /account/delete} what happens to each kind of data, deletes the account keeping the posts,
 * and is signed out; the topic page, the forum search, the topic's and the forum's feeds,
 * {@code /testimonials} and the old profile address then hold neither the name, the email nor the
 * username, while the post text is still there, credited to a former member, and the other member's
 * quote and mention say "a former member". A deactivated member deletes without reactivating first.
 */
class AccountDeletionBrowserIT extends BrowserTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anAnonymisingDeletionAfterWhichTheLeakTestFindsTheNameNowhere_P_ACCOUNT_2() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String realName = "Zebulon Quartzfeather" + id;
        String username = "zquartz" + id;
        String email = "zebulon.hidden." + id + "@example.org";
        String password = "copper willow lantern " + id;
        String text = "Glimmerword" + id + " stays after I leave";
        String moderator = "dmod" + id;
        String moderatorPassword = "harbor violet pebble " + id;
        register("Moderator Person " + id, moderator, "dmod." + id + "@example.org", moderatorPassword);
        testHook("/test/testimonial/moderator", Map.of("username", moderator));
        register(realName, username, email, password);
        signIn(username, password);

        // A testimonial credited with the full name, published by a moderator.
        String testimonial = "Testimark" + id + " a kind community";
        open("/account/testimonials");
        driver.findElement(By.id("writeLink")).click();
        awaitLoaded();
        type("testimonial:body", testimonial);
        driver.findElement(By.cssSelector("#testimonial input[type=radio][value=FULL_NAME]")).click();
        submit("testimonial:save");
        String testimonialId = driver.findElement(By.cssSelector("a[id^=edit-]")).getAttribute("id").substring("edit-".length());
        Set<Cookie> memberCookies = driver.manage().getCookies();
        driver.manage().deleteAllCookies();
        signIn(moderator, moderatorPassword);
        setUpSecondFactor(); // staff roles need a second factor in the test portal
        open("/account/testimonial-review");
        submit("review-" + testimonialId + ":publish");
        assertTrue(anonymous("/testimonials").contains(realName), "before: the testimonial shows the consented name");
        driver.manage().deleteAllCookies();
        memberCookies.forEach(driver.manage()::addCookie);
        String topic = testHook("/test/forum/thread", Map.of("category", "leaving-" + id, "title", "Leaving thread " + id,
                "username", username, "posts", "1")).strip();
        testHook("/test/forum/reply", Map.of("topic", topic, "username", username, "text", text));
        // Another member quotes the post and mentions its author.
        testHook("/test/forum/reply", Map.of("topic", topic, "username", moderator, "text",
                "> @" + username + " wrote:\n> " + text + "\n\nEchoword" + id + ": safe travels, @" + username + "!"));
        String topicId = topic.split("/")[2];
        List<String> surfaces = List.of(topic, "/search?q=Glimmerword" + id, "/search?q=Echoword" + id, "/feeds/t/" + topicId,
                "/feeds/c/leaving-" + id, "/testimonials", "/u/" + username);
        assertTrue(anonymous(topic).contains(username), "before: the topic names the author by username");
        assertTrue(anonymous("/u/" + username).contains(username), "before: the profile page exists");

        // The privacy centre leads to the page, which says what happens before anything is asked.
        open("/account/privacy");
        driver.findElement(By.id("deleteAccountLink")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.findElement(By.id("erased")).getText().contains("Your profile"), mainText());
        assertTrue(driver.findElement(By.id("erased")).getText().contains("your username becomes \"a former member\""), mainText());
        assertTrue(driver.findElement(By.id("notified")).getText().contains("revocation notice"), mainText());
        String kept = driver.findElement(By.id("kept")).getText();
        assertTrue(kept.contains("six years") && kept.contains("nobody can register it for 30 days"), kept);

        // Nothing chosen and a wrong password: refused beside the fields, nothing deleted.
        type("delete:currentPassword", "not the password");
        submit("delete:submit");
        assertEquals("Choose what happens to your posts.", driver.findElement(By.id("delete:posts-message")).getText());
        driver.findElement(By.cssSelector("#delete input[type=radio][value=keep]")).click();
        type("delete:currentPassword", "not the password");
        submit("delete:submit");
        assertEquals("That is not your current password.", driver.findElement(By.id("delete:currentPassword-message")).getText());
        assertTrue(anonymous(topic).contains(username), "a refused deletion changes nothing");

        // Anonymous search pages are kept a few seconds per node (decision 0049): the deletion must evict them.
        assertTrue(anonymous("/search?q=Echoword" + id).contains(username), "before: search names the mentioned member");
        driver.findElement(By.cssSelector("#delete input[type=radio][value=keep]")).click();
        type("delete:currentPassword", password);
        submit("delete:submit");
        assertEquals("Your account is deleted", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElements(By.id("accountLink")).isEmpty(), "signed out");
        HttpResponse<String> done = http.send(HttpRequest.newBuilder(portal.uri("/account-deleted")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, done.statusCode());
        assertEquals(List.of(), done.headers().allValues("Set-Cookie"), "the plain page after deletion opens no session");

        for (String path : surfaces) {
            String page = anonymous(path).toLowerCase(Locale.ROOT);
            assertFalse(page.contains(realName.toLowerCase(Locale.ROOT)), path + " names the member");
            assertFalse(page.contains(email.toLowerCase(Locale.ROOT)), path + " shows the email");
            assertFalse(page.contains(username.toLowerCase(Locale.ROOT)), path + " shows the username");
        }
        assertFalse(anonymous("/testimonials").contains(testimonial), "the testimonial is withdrawn with the account");
        for (String path : List.of(topic, "/search?q=Glimmerword" + id, "/feeds/t/" + topicId)) {
            String page = anonymous(path);
            // The search marks the word it found: the rest of the sentence is plain.
            assertTrue(page.contains(path.startsWith("/search") ? " stays after I leave" : text), path + " still holds the post text");
            assertTrue(page.contains("a former member"), path + " credits a former member");
        }
        String quoted = anonymous(topic);
        assertTrue(quoted.contains("a former member wrote:") && quoted.contains("safe travels, a former member!"),
                "the quote and the mention of the other member name a former member: " + quoted);
        assertTrue(anonymous("/search?q=Echoword" + id).contains("safe travels, a former member"), "search finds the new text");
        ReceivedMail last = portal.mail().awaitMail(email, Duration.ofSeconds(30));
        assertTrue(last.subject().endsWith("is deleted"), last.subject());
        assertTrue(last.bodyText().contains("credited to \"a former member\""), last.bodyText());

        // The old password opens nothing.
        signIn(username, password);
        assertTrue(driver.findElements(By.id("accountLink")).isEmpty(), mainText());
    }

    /**
     * P-ACCOUNT-2: a deactivated member who gives the right password may delete the account from
     * {@code /reactivate} without reactivating it: the same terms, the same confirmation (refused
     * beside the field when wrong), then signed out, the last mail sent, and the password opens nothing.
     */
    @Test
    void aDeactivatedMemberDeletesWithoutReactivating_P_ACCOUNT_2() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        String username = "paused" + id;
        String email = "paused." + id + "@example.org";
        String password = "amber meadow kettle " + id;
        register("Paused Person " + id, username, email, password);
        signIn(username, password);
        open("/account/deactivate");
        type("deactivate:currentPassword", password);
        submit("deactivate:submit");
        assertTrue(driver.getCurrentUrl().endsWith("/deactivated"), driver.getCurrentUrl());

        signIn(username, password);
        assertTrue(driver.getCurrentUrl().contains("/reactivate"), driver.getCurrentUrl());
        driver.findElement(By.id("deleteInstead")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.getCurrentUrl().contains("/delete-account"), driver.getCurrentUrl());
        assertTrue(mainText().contains("Your account is deactivated and stays so if you leave this page"), mainText());
        assertTrue(driver.findElement(By.id("kept")).getText().contains("six years"), mainText());

        driver.findElement(By.cssSelector("#delete input[type=radio][value=delete]")).click();
        type("delete:currentPassword", "not the password");
        submit("delete:submit");
        assertEquals("That is not your current password.", driver.findElement(By.id("delete:currentPassword-message")).getText());
        assertEquals("true", driver.findElement(By.id("delete:currentPassword")).getAttribute("aria-invalid"));

        driver.findElement(By.cssSelector("#delete input[type=radio][value=delete]")).click();
        type("delete:currentPassword", password);
        pressEnter("delete:submit");
        assertEquals("Your account is deleted", driver.findElement(By.tagName("h1")).getText());
        ReceivedMail last = portal.mail().awaitMail(email, Duration.ofSeconds(30));
        assertTrue(last.subject().endsWith("is deleted"), last.subject());

        signIn(username, password);
        assertFalse(driver.getCurrentUrl().contains("/reactivate"), "nothing left to reactivate: " + driver.getCurrentUrl());
        assertTrue(driver.findElements(By.id("accountLink")).isEmpty(), mainText());
        driver.manage().deleteAllCookies();
        open("/delete-account");
        assertTrue(driver.getCurrentUrl().contains("/sign-in"), "without the password first, the page sends to sign in");
    }

    /** The page as an anonymous visitor gets it (headers and body), whatever its status. */
    private String anonymous(String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(portal.uri(path))
                .header("X-Forwarded-For", randomClientAddress()).build(), HttpResponse.BodyHandlers.ofString());
        return response.headers().map().entrySet().stream().map(Object::toString).collect(Collectors.joining("\n")) + response.body();
    }
}
