package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.colloquy.test.BrowserTest;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * Watching, mentions and unread markers in the browser: a member starts a topic (and so watches
 * it), another replies mentioning the first; after the watch sweep the first member has the mention
 * mail and the watch mail (usernames only, P-FORUM-1), sees "1 new" on the forum's page, follows it
 * to the reply, and the marker is gone; the Watch buttons work from the keyboard. Axe checks every
 * page with the new controls.
 */
class ForumWatchBrowserIT extends BrowserTest {


    @Test
    void aWatcherIsMailedMentionedAndSeesWhatIsUnread_P_FORUM_1() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String slug = testHook("/test/forum/category", Map.of("slug", "watch-" + id));

        // The first member starts a topic: the topic page says they watch it.
        String first = "watcher" + id;
        String firstEmail = "watcher.private." + id + "@example.org";
        String firstPassword = "lantern harbour meadow " + id;
        register("Wilhelmina Secretname" + id, first, firstEmail, firstPassword);
        signIn(first, firstPassword);
        open("/c/" + slug);
        assertEquals("Watch this forum", driver.findElement(By.id("watchButton")).getText());
        driver.findElement(By.id("newTopicLink")).click();
        awaitLoaded();
        submit("post:acceptRules");
        type("post:title", "Watching works " + id);
        type("post:body", "Who has tried this?");
        submit("post:submit");
        assertEquals("Stop watching this topic", driver.findElement(By.id("watchButton")).getText(), "starting a topic watches it");
        assertTrue(driver.findElement(By.id("watchState")).getText().startsWith("You watch this topic"));
        String topicPath = driver.getCurrentUrl().substring(portal.url("/").length() - 1).replaceAll("[#?].*$", "");
        submit("signOutButton");

        // The second member replies, mentioning the first.
        String second = "replier" + id;
        String secondEmail = "replier.private." + id + "@example.org";
        String secondPassword = "copper violin orchard " + id;
        register("Bartholomew Hiddenname" + id, second, secondEmail, secondPassword);
        signIn(second, secondPassword);
        open(topicPath);
        driver.findElement(By.id("replyLink")).click();
        awaitLoaded();
        submit("post:acceptRules");
        type("post:body", "I have, @" + first + ": it works.");
        submit("post:submit");
        WebElement mention = driver.findElement(By.cssSelector("#post-2 .post__body a"));
        assertEquals("@" + first, mention.getText());
        assertTrue(mention.getAttribute("href").endsWith("/u/" + first), mention.getAttribute("href"));
        submit("signOutButton");

        // The sweep runs; the first member has both mails, with usernames only.
        testHook("/test/forum/sweep", Map.of());
        ReceivedMail mentionMail = awaitMail(firstEmail, "mentioned you");
        assertTrue(mentionMail.bodyText().contains("it works"), mentionMail.bodyText());
        ReceivedMail watchMail = awaitMail(firstEmail, "New posts in");
        assertTrue(watchMail.bodyText().contains(second + " wrote (post 2)"), watchMail.bodyText());
        for (ReceivedMail mail : List.of(mentionMail, watchMail)) {
            String all = mail.subject() + mail.bodyText();
            assertFalse(all.contains("Bartholomew") || all.contains(secondEmail), "P-FORUM-1: " + all);
            assertTrue(mail.link(topicPath).contains("#post-2"), mail.bodyText());
        }

        // The forum's page marks the topic "1 new"; following it leads to the reply, then the marker is gone.
        signIn(first, firstPassword);
        open("/c/" + slug);
        WebElement marker = driver.findElement(By.cssSelector("#topicTable .badge--unread"));
        assertEquals("1 new", marker.findElement(By.cssSelector("[aria-hidden=true]")).getText());
        assertEquals("1 new post since you last read it", marker.findElement(By.cssSelector(".visually-hidden")).getAttribute("textContent"),
                "what a screen reader says");
        marker.click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.getCurrentUrl().endsWith("#post-2"), driver.getCurrentUrl());
        open("/c/" + slug);
        assertTrue(driver.findElements(By.cssSelector("#topicTable .badge--unread")).isEmpty(), "read now");

        // Watch the forum and stop watching the topic, from the keyboard.
        pressEnter("watchButton");
        assertEquals("Stop watching this forum", driver.findElement(By.id("watchButton")).getText());
        open(topicPath);
        pressEnter("watchButton");
        assertEquals("Watch this topic", driver.findElement(By.id("watchButton")).getText());
        assertTrue(driver.findElements(By.id("watchState")).isEmpty());

        // The member's own list of what they watch: the forum only now; stopping empties it.
        open("/account");
        driver.findElement(By.id("watchingLink")).click();
        awaitLoaded();
        checkPage(false);
        String list = driver.findElement(By.id("watching")).getText();
        assertTrue(list.contains("Watched forum watch-" + id), list);
        assertFalse(list.contains("Watching works " + id), list);
        pressEnter("watching:list:0:stop");
        assertTrue(driver.findElement(By.id("watching")).getText().contains("You no longer watch"), mainText());
        assertTrue(driver.findElement(By.id("watching:noWatches")).isDisplayed());

        // The watch mail's kind can be turned off in the privacy centre, under a label covering topics and forums.
        open("/account/privacy");
        assertTrue(mainText().contains("New posts in topics and forums I watch"), mainText());
    }

    /** The first mail to {@code to} whose subject contains {@code subjectPart}, waited for up to 30 s. */
    private ReceivedMail awaitMail(String to, String subjectPart) {
        return new FluentWait<>(portal.mail()).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "No mail to " + to + " with " + subjectPart + " in its subject; got " + portal.mail().allTo(to))
                .until(inbox -> inbox.allTo(to).stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElse(null));
    }
}
