package org.colloquy.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.colloquy.account.MemberSanctions;
import org.colloquy.account.TotpCodes;
import org.colloquy.test.BrowserTest;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 7's "done when", as far as it is built (P-FORUM-3): a new member's post is held and
 * approved; members flag a post until it is hidden; a moderator claims it and hides it with a
 * reason; the author is told what, why and how to appeal by mail, sees it marked on their post,
 * appeals, and a second moderator restores it; the staff log shows every step. Every page passes axe; moderators see usernames, never real names or addresses.
 */
class ModerationBrowserIT extends BrowserTest {

    @Test
    void aHeldPostIsApprovedAndAFlaggedPostHiddenWithAReason_P_FORUM_3() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String[] topic = testHook("/test/moderation/topic", Map.of("slug", "moderated-" + id)).split(" ");
        String topicId = topic[0];
        String topicPath = topic[1];
        testHook("/test/moderation/held", Map.of("count", "1"));
        try {
            // A new member replies: their first post waits for review, marked for them only.
            String author = "newbie" + id;
            String authorEmail = "newbie.secret." + id + "@example.org";
            String authorPassword = "meadow lantern quartz " + id;
            register("Nadia Hiddenname" + id, author, authorEmail, authorPassword);
            signIn(author, authorPassword);
            open(topicPath);
            driver.findElement(By.id("replyLink")).click();
            awaitLoaded();
            if (!driver.findElements(By.id("post:acceptRules")).isEmpty()) {
                submit("post:acceptRules");
            }
            String heldText = "Hello from a newcomer " + id;
            type("post:body", heldText);
            submit("post:submit");
            checkPage(false);
            assertTrue(driver.findElement(By.id("awaiting-2")).getText().startsWith("Awaiting review"), mainText());
            assertTrue(mainText().contains(heldText));
            submit("signOutButton");

            // Nobody else sees it: not an anonymous reader, twice (the second answer may come from the page cache).
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal.url(topicPath)))
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, anonymous.statusCode());
                assertFalse(anonymous.body().contains(heldText), "held post served to an anonymous reader");
            }
            open(topicPath);
            assertFalse(mainText().contains(heldText));

            // A moderator (second factor first, as staff roles need here) finds it in the queue and approves it.
            String moderator = "moder" + id;
            String moderatorPassword = "harbor violet anchor " + id;
            actAsClient(randomClientAddress());
            register("Moritz Realname" + id, moderator, "moritz.secret." + id + "@example.org", moderatorPassword);
            testHook("/test/moderation/grant", Map.of("username", moderator));
            signIn(moderator, moderatorPassword);
            String secret = setUpSecondFactor();
            open("/moderation/queue?kind=HELD");
            assertTrue(mainText().contains("Welcome thread moderated-" + id), mainText());
            assertTrue(mainText().contains(author));
            assertFalse(mainText().contains("Nadia Hiddenname"), "moderators never see real names");
            assertFalse(driver.getPageSource().contains(authorEmail), "nor addresses");
            reviewItemOf(id);
            awaitLoaded();
            checkPage(false);
            assertTrue(driver.findElement(By.id("itemPost")).getText().contains(heldText));
            submit("item:claim");
            assertTrue(driver.findElement(By.id("claimState")).getText().contains(moderator), mainText());
            type("item:note", "Friendly, first post");
            submit("item:addNote");
            assertTrue(driver.findElement(By.id("notes")).getText().contains("Friendly, first post"));
            driver.findElement(By.cssSelector("input[name='item:decision'][value='APPROVE']")).click();
            submit("item:decide");
            assertTrue(driver.findElement(By.id("item:words-message")).getText().startsWith("Give a reason"), mainText());
            driver.findElement(By.cssSelector("input[name='item:decision'][value='APPROVE']")).click();
            type("item:words", "A friendly introduction");
            submit("item:decide");
            assertTrue(mainText().contains("Decided."), mainText());
            submit("signOutButton");
            open(topicPath);
            assertTrue(mainText().contains(heldText), "approved: everyone sees it");
            awaitMail(authorEmail, "is now shown");

            // Members flag it until it is hidden: two established members through the hook, then one in the browser.
            String flagger = "flagger" + id;
            String flaggerEmail = "flagger.secret." + id + "@example.org";
            String flaggerPassword = "juniper saxophone glacier orbit " + id;
            actAsClient(randomClientAddress());
            register("Fiona Flagger" + id, flagger, flaggerEmail, flaggerPassword);
            testHook("/test/moderation/age", Map.of("username", flagger));
            testHook("/test/moderation/flags", Map.of("topic", topicId, "number", "2", "count", "2"));
            signIn(flagger, flaggerPassword);
            open(topicPath);
            driver.findElement(By.id("flag-2")).click();
            awaitLoaded();
            checkPage(false);
            assertTrue(driver.findElement(By.id("flaggedPost")).getText().contains(heldText));
            driver.findElement(By.cssSelector("input[name='flag:reason'][value='OTHER']")).click();
            submit("flag:send");
            assertTrue(driver.findElement(By.id("flag:explanation-message")).getText().contains("needs a few words"), mainText());
            type("flag:explanation", "Spam link in disguise");
            submit("flag:send");
            assertTrue(mainText().contains("The moderators will look at the post"), mainText());
            open(topicPath);
            assertFalse(mainText().contains(heldText), "hidden after three flags from established members");
            submit("signOutButton");
            ReceivedMail hiddenMail = awaitMail(authorEmail, "hidden until a moderator reviews it");
            assertTrue(hiddenMail.bodyText().contains("Why it was flagged: Abusive"), hiddenMail.bodyText());

            // The author still sees their post, marked hidden.
            signIn(author, authorPassword);
            open(topicPath);
            assertTrue(driver.findElement(By.id("hidden-2")).getText().startsWith("Hidden by moderation"), mainText());
            submit("signOutButton");

            // The moderator claims the flagged item and hides it with a rule and their words.
            signIn(moderator, moderatorPassword);
            type("secondFactor:code", TotpCodes.next(secret));
            submit("secondFactor:submit");
            open("/moderation/queue?kind=FLAGGED&reason=ABUSIVE");
            reviewItemOf(id);
            awaitLoaded();
            submit("item:claim");
            driver.findElement(By.cssSelector("input[name='item:decision'][value='HIDE']")).click();
            type("item:words", "Advertising dressed as a greeting");
            submit("item:decide");
            assertTrue(driver.findElement(By.id("item:category-message")).getText().contains("Choose the rule"), mainText());
            driver.findElement(By.cssSelector("input[name='item:decision'][value='HIDE']")).click();
            new Select(driver.findElement(By.id("item:category"))).selectByVisibleText("Advertising or solicitation");
            submit("item:decide");
            assertTrue(mainText().contains("Decided."), mainText());
            ReceivedMail told = awaitMail(authorEmail, "was hidden by a moderator");
            assertTrue(told.bodyText().contains("Why: Advertising or solicitation"), told.bodyText());
            assertTrue(told.bodyText().contains("In the moderator's words: Advertising dressed as a greeting"), told.bodyText());
            assertTrue(told.bodyText().contains("How to appeal"), told.bodyText());
            awaitMail(flaggerEmail, "About the post you flagged");

            submit("signOutButton");

            // The author sees the reason, appeals from their post, once.
            signIn(author, authorPassword);
            open(topicPath);
            driver.findElement(By.id("appeal-2")).click();
            awaitLoaded();
            checkPage(false);
            submit("appeal:send");
            assertTrue(driver.findElement(By.id("appeal:statement-message")).getText().startsWith("Tell the moderators"), mainText());
            type("appeal:statement", "It was a greeting, the link is my own blog");
            submit("appeal:send");
            assertTrue(mainText().contains("Your appeal is in the moderators' queue"), mainText());
            submit("signOutButton");

            // A second moderator restores it on appeal; the author is told.
            actAsClient(randomClientAddress());
            String second = "second" + id;
            String secondPassword = "tundra marigold compass " + id;
            register("Selma Realname" + id, second, "selma.secret." + id + "@example.org", secondPassword);
            testHook("/test/moderation/grant", Map.of("username", second));
            signIn(second, secondPassword);
            setUpSecondFactor();
            open("/moderation/queue?kind=APPEAL");
            reviewItemOf(id);
            awaitLoaded();
            checkPage(false);
            assertTrue(driver.findElement(By.id("appealStatement")).getText().contains("the link is my own blog"));
            submit("item:claim");
            driver.findElement(By.cssSelector("input[name='item:decision'][value='RESTORE']")).click();
            type("item:words", "A greeting with a personal link is fine");
            submit("item:decide");
            assertTrue(mainText().contains("Decided."), mainText());
            awaitMail(authorEmail, "was granted");
            open(topicPath);
            assertTrue(mainText().contains(heldText), "shown again");

            // The staff log shows every step, searchable.
            open("/moderation/log?q=post");
            String log = mainText();
            assertTrue(log.contains("Approved"), log);
            assertTrue(log.contains("Hid after flags"), log);
            assertTrue(log.contains("Advertising or solicitation: Advertising dressed as a greeting"), log);
            assertTrue(log.contains("Granted the appeal on"), log);
            open("/moderation/queue");
        } finally {
            testHook("/test/moderation/held", Map.of("count", "0"));
        }
    }

    /** A member who does not moderate gets no moderation page, and the header offers none. */
    @Test
    void membersWhoDoNotModerateAreKeptOutOfTheQueue_P_FORUM_3() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String member = "plain" + id;
        String password = "sparrow ledger tide " + id;
        register("Plain Member" + id, member, "plain." + id + "@example.org", password);
        signIn(member, password);
        assertTrue(driver.findElements(By.id("moderationLink")).isEmpty());
        openErrorPage("/moderation/queue");
        assertFalse(mainText().contains("Review queue"), mainText());
        openErrorPage("/moderation/item?id=1");
        assertFalse(driver.getPageSource().contains("item:decide"));
        openErrorPage("/moderation/member?u=" + member);
        assertFalse(driver.getPageSource().contains("sanction:apply"));
    }

    /**
     * Issue 7's "done when" for sanctions (P-FORUM-3, decisions 0028 and 0052): a moderator opens a member's
     * page (username and posts, never email or real name; "No warnings, silences or suspensions."), gets messages beside the fields for a
     * missing reason and a past end, then silences one member and suspends another until a day; both
     * are told by mail and listed among the active sanctions. The silenced member is told until when
     * and why as the reply form opens and again when sending; the suspended one at sign-in. Once the
     * days have passed (the test hook moves both ends a minute into the past), the reply is posted and
     * shown, the suspended member signs in, neither is an active sanction any more, the member page
     * says "not silenced or suspended" while its sanction history shows each as ended (until when, the
     * rule, the words, who), and the staff log, searched by username from that page, shows
     * who sanctioned whom, until when and why. Every page passes axe.
     */
    @Test
    void aSilenceAndASuspensionTakeEffectAndExpire_P_FORUM_3() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String topicPath = testHook("/test/moderation/topic", Map.of("slug", "sanctioned-" + id)).split(" ")[1];
        String silenced = "noisy" + id;
        String silencedEmail = "noisy.secret." + id + "@example.org";
        String silencedPassword = "pebble orchard violin " + id;
        register("Norbert Realname" + id, silenced, silencedEmail, silencedPassword);
        String suspended = "susp" + id;
        String suspendedEmail = "susp.secret." + id + "@example.org";
        String suspendedPassword = "granite lagoon whistle tapestry " + id;
        actAsClient(randomClientAddress());
        register("Suspended Member" + id, suspended, suspendedEmail, suspendedPassword);
        String moderator = "sanct" + id;
        String moderatorPassword = "harbor violet anchor " + id;
        actAsClient(randomClientAddress());
        register("Sanna Realname" + id, moderator, "sanna.secret." + id + "@example.org", moderatorPassword);
        testHook("/test/moderation/grant", Map.of("username", moderator));
        signIn(moderator, moderatorPassword);
        String secret = setUpSecondFactor();

        // The moderator silences one member from their page: messages beside the fields first.
        open("/moderation/member?u=" + silenced);
        assertEquals(silenced, driver.findElement(By.id("memberName")).getText());
        assertTrue(driver.findElement(By.id("standing")).getText().contains("Not silenced or suspended"), mainText());
        assertEquals("No warnings, silences or suspensions.", driver.findElement(By.id("historyEmpty")).getText());
        assertFalse(mainText().contains("Norbert Realname"), "moderators never see real names");
        assertFalse(driver.getPageSource().contains(silencedEmail), "nor addresses");
        new Select(driver.findElement(By.id("sanction:kind"))).selectByValue("SILENCE");
        setDate("sanction:until", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString());
        submit("sanction:apply");
        assertEquals("The end must be in the future.", driver.findElement(By.id("sanction:until-message")).getText());
        assertTrue(driver.findElement(By.id("sanction:words-message")).getText().startsWith("Give a reason"), mainText());
        assertFalse(driver.findElement(By.id("sanction:category-message")).getText().isBlank(), mainText());
        LocalDate silenceEnd = LocalDate.now(ZoneOffset.UTC).plusDays(3);
        String silencedUntil = MemberSanctions.when(silenceEnd.atStartOfDay().atOffset(ZoneOffset.UTC));
        sanction("SILENCE", "Abusive", "Please cool down for a few days " + id, silenceEnd);
        assertTrue(mainText().contains("The member has been told by mail"), mainText());
        String standing = driver.findElement(By.id("standing")).getText();
        assertTrue(standing.contains("Silenced until " + silencedUntil + ": Abusive: Please cool down for a few days " + id), standing);
        assertTrue(historyRow("Silence").endsWith("Active now"), historyRow("Silence"));
        awaitMail(silencedEmail, "You cannot post on");

        // ... and suspends the other.
        open("/moderation/member?u=" + suspended);
        LocalDate suspensionEnd = LocalDate.now(ZoneOffset.UTC).plusDays(5);
        String suspendedUntil = MemberSanctions.when(suspensionEnd.atStartOfDay().atOffset(ZoneOffset.UTC));
        sanction("SUSPEND", "Threatening", "Threats in the chat " + id, suspensionEnd);
        standing = driver.findElement(By.id("standing")).getText();
        assertTrue(standing.contains("Suspended until " + suspendedUntil + ": Threatening: Threats in the chat " + id), standing);
        awaitMail(suspendedEmail, "is suspended until " + suspendedUntil);
        open("/moderation/sanctions");
        assertTrue(sanctionRow(silenced).contains("Silenced"), sanctionRow(silenced));
        assertTrue(sanctionRow(suspended).contains("Suspended"), sanctionRow(suspended));
        submit("signOutButton");

        // The suspended member cannot sign in and is told until when and why.
        signIn(suspended, suspendedPassword);
        String refusal = mainText();
        assertTrue(refusal.contains("suspended until " + suspendedUntil), refusal);
        assertTrue(refusal.contains("Threatening: Threats in the chat " + id), refusal);
        assertTrue(driver.findElements(By.id("signOutButton")).isEmpty(), "not signed in");

        // The silenced member is told as the reply form opens, and refused when sending anyway.
        signIn(silenced, silencedPassword);
        open(topicPath);
        driver.findElement(By.id("replyLink")).click();
        awaitLoaded();
        if (!driver.findElements(By.id("post:acceptRules")).isEmpty()) {
            submit("post:acceptRules");
        }
        String told = driver.findElement(By.cssSelector("#post .form-messages")).getText();
        assertTrue(told.contains("silenced you until " + silencedUntil), told);
        assertTrue(told.contains("Abusive: Please cool down for a few days " + id), told);
        String reply = "Back again, and calmer " + id;
        type("post:body", reply);
        submit("post:submit");
        told = driver.findElement(By.cssSelector("#post .form-messages")).getText();
        assertTrue(told.contains("silenced you until " + silencedUntil), told);
        assertTrue(told.contains("Abusive: Please cool down for a few days " + id), told);
        // The silence's days pass: the same reply, still in the form, goes through and shows in the topic, once.
        testHook("/test/moderation/expire", Map.of("username", silenced));
        submit("post:submit");
        assertTrue(driver.getCurrentUrl().contains(topicPath), driver.getCurrentUrl());
        assertEquals(1, mainText().split(reply, -1).length - 1, mainText());
        submit("signOutButton");

        // The suspension's days pass: the member signs in.
        testHook("/test/moderation/expire", Map.of("username", suspended));
        signIn(suspended, suspendedPassword);
        assertFalse(driver.findElements(By.id("signOutButton")).isEmpty(), "signed in again: " + mainText());
        submit("signOutButton");

        // The moderator: neither is an active sanction now, the member page says so, the staff log shows both.
        signIn(moderator, moderatorPassword);
        type("secondFactor:code", TotpCodes.next(secret));
        submit("secondFactor:submit");
        open("/moderation/sanctions");
        assertTrue(driver.findElements(By.xpath("//table[@id='sanctions']//a[text()='" + silenced + "']")).isEmpty(), mainText());
        assertTrue(driver.findElements(By.xpath("//table[@id='sanctions']//a[text()='" + suspended + "']")).isEmpty(), mainText());
        open("/moderation/member?u=" + silenced);
        assertTrue(driver.findElement(By.id("standing")).getText().contains("Not silenced or suspended"), mainText());
        // The sanction history keeps the silence: until when, the rule, the words, who, and that it ended.
        String silenceRow = historyRow("Silence");
        assertTrue(silenceRow.contains(silencedUntil) && silenceRow.contains("Abusive") && silenceRow.contains(moderator), silenceRow);
        assertTrue(silenceRow.contains("Please cool down for a few days " + id), silenceRow);
        assertTrue(silenceRow.contains("Ended on "), silenceRow);
        assertTrue(driver.findElement(By.id("posts")).getText().contains("Welcome thread sanctioned-" + id), mainText());
        driver.findElement(By.id("memberLog")).click();
        awaitLoaded();
        checkPage(false);
        String silenceEntry = logRow("Silenced until " + silencedUntil);
        assertTrue(silenceEntry.contains(moderator) && silenceEntry.contains(silenced), silenceEntry);
        assertTrue(silenceEntry.contains("Abusive: Please cool down for a few days " + id), silenceEntry);
        open("/moderation/member?u=" + suspended);
        assertTrue(driver.findElement(By.id("standing")).getText().contains("Not silenced or suspended"), mainText());
        String suspensionRow = historyRow("Suspension");
        assertTrue(suspensionRow.contains(suspendedUntil) && suspensionRow.contains("Threatening") && suspensionRow.contains(moderator),
                suspensionRow);
        assertTrue(suspensionRow.contains("Ended on "), suspensionRow);
        assertFalse(mainText().contains("Suspended Member"), "usernames only");
        driver.findElement(By.id("memberLog")).click();
        awaitLoaded();
        String suspensionEntry = logRow("Suspended until " + suspendedUntil);
        assertTrue(suspensionEntry.contains(moderator) && suspensionEntry.contains(suspended), suspensionEntry);
        assertTrue(suspensionEntry.contains("Threatening: Threats in the chat " + id), suspensionEntry);
        assertFalse(mainText().contains("Norbert Realname") || mainText().contains("Suspended Member"), "usernames only");
    }

    /** The row of the active sanctions table that names the member. */
    private String sanctionRow(String username) {
        return driver.findElement(By.xpath("//table[@id='sanctions']//tr[.//a[text()='" + username + "']]")).getText();
    }

    /** The one row of the member page's sanction history whose kind is this (Warning, Silence, Suspension). */
    private String historyRow(String kind) {
        List<WebElement> rows = driver.findElements(By.xpath("//table[@id='history']//tr[th[@scope='row'][normalize-space()='" + kind + "']]"));
        assertEquals(1, rows.size(), "one " + kind + " in " + mainText());
        return rows.get(0).getText();
    }

    /** The one staff log row on the page whose "what" holds the text. */
    private String logRow(String what) {
        List<WebElement> rows = driver.findElements(
                By.xpath("//table[contains(@class, 'staff-log')]//tr[td[contains(., '" + what + "')]]"));
        assertEquals(1, rows.size(), "one entry with " + what + " in " + mainText());
        return rows.get(0).getText();
    }

    /**
     * Issue 7, P-FORUM-3: a moderator edits a member's post from the topic page with a rule and words
     * (messages beside the fields first), sees the earlier text as a word diff, and moves the topic to
     * another forum, whose old address still finds it. The author sees "Notifications, n unread" in
     * the header, pages through the notice list, opens the notice (marked read, it leads to the post)
     * and marks all read. Every page passes axe.
     */
    @Test
    void aModeratorEditsWithADiffAndMovesATopicAndTheAuthorReadsTheNotice_P_FORUM_3() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String[] topic = testHook("/test/moderation/topic", Map.of("slug", "edited-" + id)).split(" ");
        String topicId = topic[0];
        String topicPath = topic[1];
        testHook("/test/moderation/topic", Map.of("slug", "target-" + id));

        String author = "edauth" + id;
        String authorPassword = "cobalt tamarind pelican drizzle " + id;
        register("Edna Realname" + id, author, "edna.secret." + id + "@example.org", authorPassword);
        signIn(author, authorPassword);
        open(topicPath);
        driver.findElement(By.id("replyLink")).click();
        awaitLoaded();
        if (!driver.findElements(By.id("post:acceptRules")).isEmpty()) {
            submit("post:acceptRules");
        }
        type("post:body", "Ring my neighbour on 5550199 " + id);
        submit("post:submit");
        submit("signOutButton");

        String moderator = "edmod" + id;
        String moderatorPassword = "harbor violet anchor " + id;
        actAsClient(randomClientAddress());
        register("Emil Realname" + id, moderator, "emil.secret." + id + "@example.org", moderatorPassword);
        testHook("/test/moderation/grant", Map.of("username", moderator));
        signIn(moderator, moderatorPassword);
        setUpSecondFactor();
        open(topicPath);
        driver.findElement(By.id("moderate-2")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.findElement(By.id("revisions")).getText().contains("has not been changed"), mainText());
        type("edit:body", "Ring my neighbour on [number removed] " + id);
        submit("edit:save");
        assertFalse(driver.findElement(By.id("edit:category-message")).getText().isBlank(), mainText());
        assertTrue(driver.findElement(By.id("edit:words-message")).getText().startsWith("Give a reason"), mainText());
        new Select(driver.findElement(By.id("edit:category"))).selectByVisibleText("Invades someone's privacy");
        type("edit:words", "No phone numbers of others");
        submit("edit:save");
        assertTrue(mainText().contains("Edited. The author has been told"), mainText());
        assertEquals("5550199", driver.findElement(By.cssSelector("#diff-1 del")).getText().replace("removed:", "").strip());
        assertEquals("[number removed]", driver.findElement(By.cssSelector("#diff-1 ins")).getText().replace("added:", "").strip());
        open(topicPath);
        assertFalse(mainText().contains("5550199"), mainText());

        // Move the topic: messages beside the fields, then moved; the old address shows it in its new forum.
        driver.findElement(By.id("moveTopicLink")).click();
        awaitLoaded();
        checkPage(false);
        submit("move:submit");
        assertEquals("Choose the forum to move the topic to.", driver.findElement(By.id("move:category-message")).getText());
        new Select(driver.findElement(By.id("move:category"))).selectByVisibleText("Moderated target-" + id);
        type("move:words", "It belongs with the targets");
        submit("move:submit");
        assertTrue(mainText().contains("Moved to Moderated target-" + id), mainText());
        open(topicPath);
        assertEquals("Moderated target-" + id, driver.findElement(By.id("categoryLink")).getText());
        submit("signOutButton");

        // The author: the count in the header, the list paged, open marks read and leads to the post, mark all read.
        testHook("/test/moderation/notices", Map.of("username", author, "count", "20"));
        signIn(author, authorPassword);
        open("/forums");
        assertEquals("Notifications, 21 unread", driver.findElement(By.id("noticesLink")).getAccessibleName());
        driver.findElement(By.id("noticesLink")).click();
        awaitLoaded();
        checkPage(false);
        assertEquals("21 unread notifications.", driver.findElement(By.id("unreadState")).getText());
        assertEquals(20, driver.findElements(By.cssSelector("#noticeList > li")).size());
        driver.findElement(By.id("nextPage")).click();
        awaitLoaded();
        checkPage(false);
        String notice = driver.findElement(By.id("noticeList")).getText();
        assertTrue(notice.contains("was edited by a moderator"), notice);
        assertTrue(notice.contains("Why: Invades someone's privacy"), notice);
        assertTrue(notice.contains("In the moderator's words: No phone numbers of others"), notice);
        assertFalse(driver.findElements(By.cssSelector("#noticeList a[href*='/forum/appeal?post=']")).isEmpty(), "how to appeal");
        submit("notices:list:0:open");
        assertTrue(driver.getCurrentUrl().contains("/t/" + topicId + "/"), driver.getCurrentUrl());
        assertTrue(mainText().contains("[number removed]"), mainText());
        assertEquals("Notifications, 20 unread", driver.findElement(By.id("noticesLink")).getAccessibleName());
        open("/notices");
        submit("notices:markAllRead");
        assertEquals("Nothing unread.", driver.findElement(By.id("unreadState")).getText());
        assertEquals("Notifications, 0 unread", driver.findElement(By.id("noticesLink")).getAccessibleName());
    }

    /**
     * P-FORUM-3, decision 0040: an administrator assigns a moderator to one category until a day
     * (shown on the members list), reads the staff dashboard, finds a silenced member in the active
     * sanctions, is told beside the field that lifting needs a reason, lifts it, and finds a member
     * by username, whose sanction history says the silence was lifted early, by whom and why; every page passes axe.
     */
    @Test
    void anAdministratorAssignsAModeratorReadsTheDashboardAndLiftsASilence_P_FORUM_3() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        testHook("/test/moderation/topic", Map.of("slug", "assigned-" + id));
        String moderator = "catmod" + id;
        register("Category Moderator" + id, moderator, "catmod." + id + "@example.org", "orchid tunnel basalt sunrise");
        testHook("/test/moderation/grant", Map.of("username", moderator));
        String noisy = "loud" + id;
        actAsClient(randomClientAddress());
        register("Loud Member" + id, noisy, "loud." + id + "@example.org", "walnut prairie comet harvest");
        testHook("/test/moderation/sanction", Map.of("username", noisy, "kind", "SILENCE", "reason", "Too loud " + id, "days", "3"));
        String admin = "admin" + id;
        String adminPassword = "saffron quarry beacon mosaic";
        actAsClient(randomClientAddress());
        register("Admin Person" + id, admin, "admin." + id + "@example.org", adminPassword);
        testHook("/test/moderation/grant", Map.of("username", admin, "role", "ADMIN"));
        signIn(admin, adminPassword);
        setUpSecondFactor();

        open("/admin/member?u=" + moderator);
        assertTrue(driver.findElement(By.id("assignmentNow")).getText().contains("every category"), mainText());
        assertTrue(driver.findElement(By.id("assignment:all")).isSelected(), "without an assignment a moderator moderates everything");
        driver.findElement(By.id("assignment:all")).click();
        java.time.LocalDate end = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(60);
        driver.findElement(By.xpath("//form[@id='assignment']//label[contains(., 'Moderated assigned-" + id + "')]")).click();
        setDate("assignment:ends", end.toString());
        submit("assignment:assign");
        assertTrue(driver.findElement(By.id("assignment:words-message")).getText().startsWith("Give a reason"), mainText());
        type("assignment:words", "Looks after the new forum");
        submit("assignment:assign");
        String assigned = driver.findElement(By.id("assignmentNow")).getText();
        assertTrue(assigned.contains("Moderates: Moderated assigned-" + id), assigned);
        assertTrue(assigned.contains("Term ends: " + org.colloquy.account.MemberSanctions.when(end.atStartOfDay().atOffset(java.time.ZoneOffset.UTC))), assigned);
        open("/admin/members?q=" + moderator);
        String until = org.colloquy.account.MemberSanctions.when(end.atStartOfDay().atOffset(java.time.ZoneOffset.UTC));
        assertTrue(driver.findElement(By.id("results")).getText().contains("moderator until " + until), mainText());

        open("/moderation/dashboard?days=7");
        assertTrue(Long.parseLong(driver.findElement(By.id("openItems")).getText()) >= 0);
        new Select(driver.findElement(By.id("days"))).selectByValue("90");
        submit("periodSubmit");
        assertTrue(driver.getCurrentUrl().contains("days=90"));

        driver.findElement(By.id("sanctionsLink")).click();
        awaitLoaded();
        checkPage(false);
        String row = driver.findElement(By.xpath("//table[@id='sanctions']//tr[.//a[text()='" + noisy + "']]")).getText();
        assertTrue(row.contains("Silenced") && row.contains("Too loud " + id), row);
        driver.findElement(By.xpath("//table[@id='sanctions']//tr[.//a[text()='" + noisy + "']]//a[starts-with(@id, 'lift-')]")).click();
        awaitLoaded();
        checkPage(false);
        submit("lift:liftSubmit");
        assertTrue(driver.findElement(By.id("lift:words-message")).getText().startsWith("Give a reason"), mainText());
        type("lift:words", "Apologised to everyone");
        submit("lift:liftSubmit");
        assertTrue(mainText().contains("Lifted: " + noisy), mainText());
        assertTrue(driver.findElements(By.xpath("//table[@id='sanctions']//a[text()='" + noisy + "']")).isEmpty());

        type("u", noisy);
        submit("memberSearchSubmit");
        assertEquals(noisy, driver.findElement(By.id("memberName")).getText());
        // The member page's sanction history: the silence, lifted early, by whom and why.
        String lifted = historyRow("Silence");
        assertTrue(lifted.contains("Too loud " + id), lifted);
        assertTrue(lifted.contains("Lifted early on ") && lifted.endsWith(" by " + admin + ": Apologised to everyone"), lifted);
    }

    /** Fills and sends the member page's sanction form. */
    private void sanction(String kind, String category, String words, LocalDate until) {
        new Select(driver.findElement(By.id("sanction:kind"))).selectByValue(kind);
        new Select(driver.findElement(By.id("sanction:category"))).selectByVisibleText(category);
        type("sanction:words", words);
        setDate("sanction:until", until.toString());
        submit("sanction:apply");
    }

    private void setDate(String fieldId, String isoDate) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).value = arguments[1]",
                fieldId, isoDate);
    }

    /** Opens the queue item of this test's topic (the queue may hold older items of other tests). */
    private void reviewItemOf(String id) {
        driver.findElement(By.xpath("//table[@id='queue']//a[contains(., 'Welcome thread moderated-" + id + "')]")).click();
    }

    private ReceivedMail awaitMail(String to, String subjectPart) {
        return new FluentWait<>(portal.mail()).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "No mail to " + to + " with " + subjectPart + " in its subject; got " + portal.mail().allTo(to))
                .until(inbox -> inbox.allTo(to).stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElse(null));
    }
}
