package org.colloquy.workgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.colloquy.test.BrowserTest;
import org.colloquy.test.Portal;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.Select;

/**
 * The "Done when", in the browser with axe on every page: an administrator creates a
 * workgroup and appoints a chair; three members join and see each other's name, email and photo (two apply and are approved, one is invited
 * and accepts, each accepting the joining clause), and one of them leaves; the chair uploads a
 * draft, which an outsider cannot read; the chair starts a release; the two active participants get
 * the notice by mail and on their workgroups page, and one corrects their company; the chair sees
 * who answered; on release the public page lists exactly the two, with the corrected company, the
 * member who left is not listed, and both ledgers show the entry.
 */
class WorkgroupBrowserIT extends BrowserTest {

    private static final String PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";

    private record Person(String name, String username, String email, String password) {
    }

    private Person person(String role, String id) {
        return new Person(role.substring(0, 1).toUpperCase() + role.substring(1) + " Realname" + id, role + id,
                role + ".private." + id + "@example.org", "meadow lantern harbour " + role + " " + id);
    }

    private void as(Person p) {
        driver.manage().deleteAllCookies();
        signIn(p.username(), p.password());
    }

    /** P-RELEASE-1, P-RELEASE-2, P-RELEASE-3: the whole walk of the issue. */
    @Test
    void participantsAreToldFirstThenNamedPublicly_P_RELEASE_1_P_RELEASE_2_P_RELEASE_3() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        Person chair = person("chair", id);
        Person ann = person("ann", id);
        Person ben = person("ben", id);
        Person cai = person("cai", id);
        Person outsider = person("outsider", id);
        for (Person p : List.of(chair, ann, ben, cai, outsider)) {
            register(p.name(), p.username(), p.email(), p.password());
        }

        // The administrator (with the second factor staff roles need here) creates the workgroup and appoints the chair.
        Person admin = new Person("Wanda Admin" + id, "wadmin" + id, Portal.WORKGROUP_ADMIN_EMAIL, "workgroup admin passphrase " + id);
        register(admin.name(), admin.username(), admin.email(), admin.password());
        signIn(admin.username(), admin.password());
        setUpSecondFactor();
        forumRulesInEffect("Be kind and stay on topic. " + id);
        open("/workgroups");
        driver.findElement(By.id("createWorkgroupLink")).click();
        awaitLoaded();
        checkPage(false);
        submit("workgroup:save");
        assertEquals("Give the workgroup a name.", driver.findElement(By.id("workgroup:name-message")).getText());
        type("workgroup:name", "Interop Guide " + id);
        type("workgroup:description", "Writes the interoperability guide.");
        submit("workgroup:save");
        assertEquals("Interop Guide " + id, driver.findElement(By.id("groupName")).getText());
        String groupPath = driver.getCurrentUrl().substring(portal.url("/").length() - 1);
        type("chairs:chairUsername", "nobody" + id);
        submit("chairs:submit");
        assertTrue(driver.findElement(By.id("chairs:chairUsername-message")).getText().contains("No member is called"), mainText());
        type("chairs:chairUsername", chair.username());
        submit("chairs:submit");
        assertTrue(driver.findElement(By.id("chairList")).getText().contains(chair.username()), mainText());

        // Two members apply, accepting the clause (refused without it); Ann has a photo on her profile.
        Path photo = Files.createTempFile("ann", ".png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(120, 120, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", photo.toFile());
        for (Person p : List.of(ann, ben)) {
            as(p);
            if (p == ann) {
                open("/account/profile");
                driver.findElement(By.id("photo:file")).sendKeys(photo.toString());
                submit("photo:upload");
                assertTrue(driver.findElement(By.id("ownPhoto")).isDisplayed(), mainText());
            }
            open(groupPath);
            assertTrue(driver.findElement(By.cssSelector("label[for='join:clause']")).getText()
                    .contains("the name, email and company of each active participant are published"));
            if (p == ann) {
                submit("join:apply");
                assertTrue(driver.findElement(By.id("join:clause-message")).getText().startsWith("Tick the box"), mainText());
            }
            driver.findElement(By.id("join:clause")).click();
            submit("join:apply");
            assertTrue(driver.findElement(By.id("applied")).isDisplayed());
        }

        // The chair approves both (from the keyboard) and invites the third member.
        as(chair);
        open(groupPath);
        pressEnter("requests:list:0:approve");
        pressEnter("requests:list:0:approve");
        type("invite:username", cai.username());
        submit("invite:submit");
        as(cai);
        open("/account/workgroups");
        driver.findElement(By.id("invitations:list:0:clause")).click();
        submit("invitations:list:0:accept");
        open(groupPath);

        // Inside the group: the collaboration view (P-RELEASE-2).
        String members = driver.findElement(By.id("memberTable")).getText();
        for (Person p : List.of(ann, ben, cai)) {
            assertTrue(members.contains(p.name()) && members.contains(p.email()), members);
        }
        // Fellows see each other's photo where the profile shows it (Ann has one, Ben none).
        List<WebElement> photos = driver.findElements(By.cssSelector("#memberTable img.member-photo"));
        assertEquals(1, photos.size(), members);
        assertTrue(photos.get(0).getAttribute("src").endsWith("/profile-photo/" + ann.username() + "/small"));
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return arguments[0].complete && arguments[0].naturalWidth > 0;", photos.get(0)), "the photo loads for a fellow");

        // The chair uploads a draft; a wrong type is refused next to the field.
        as(chair);
        open(groupPath);
        Path fake = Files.createTempFile("fake", ".pdf");
        Files.writeString(fake, "not a pdf at all");
        type("upload:title", "Interop Guide");
        type("upload:version", "Draft 1");
        driver.findElement(By.id("upload:file")).sendKeys(fake.toString());
        submit("upload:submit");
        assertTrue(driver.findElement(By.id("upload:file-message")).getText().startsWith("This file is not a PDF"), mainText());
        Path pdf = Files.createTempFile("guide", ".pdf");
        Files.writeString(pdf, PDF, StandardCharsets.US_ASCII);
        type("upload:title", "Interop Guide");
        type("upload:version", "Draft 1");
        driver.findElement(By.id("upload:file")).sendKeys(pdf.toString());
        submit("upload:submit");
        String draftPath = driver.findElement(By.cssSelector("#documentTable a.draft-link")).getAttribute("href")
                .substring(portal.url("/").length() - 1);

        // An outsider cannot read the draft: not in the browser, not anonymously.
        as(outsider);
        open(groupPath);
        assertTrue(driver.findElements(By.id("documentTable")).isEmpty());
        assertTrue(driver.findElements(By.id("memberTable")).isEmpty());
        openErrorPage(draftPath);
        assertFalse(driver.getPageSource().contains("%PDF"));
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal.uri(draftPath)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, anonymous.statusCode());
        // Nor can a member act as a chair by a crafted request: the chair's forms are not there to post.
        assertTrue(driver.findElements(By.id("upload")).isEmpty());

        // The third member leaves before the release.
        as(cai);
        open(groupPath);
        submit("leave:submit");
        open("/account/workgroups");
        assertTrue(driver.findElement(By.id("participations")).getText().contains("left"), mainText());

        // The chair starts the release: not sooner than the notice period.
        as(chair);
        open(groupPath);
        new Select(driver.findElement(By.id("release:document"))).selectByVisibleText("Interop Guide Draft 1");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        type("release:planned", today.plusDays(2).toString());
        submit("release:submit");
        assertTrue(driver.findElement(By.id("release:planned-message")).getText().contains("7 days"), mainText());
        new Select(driver.findElement(By.id("release:document"))).selectByVisibleText("Interop Guide Draft 1");
        type("release:planned", today.plusDays(7).toString());
        submit("release:submit");
        String noticesPath = driver.findElement(By.cssSelector("#releaseList a.notices-link")).getAttribute("href")
                .substring(portal.url("/").length() - 1);
        String releaseId = noticesPath.replaceAll(".*id=", "");

        // The two active participants are told by mail exactly what will be published; the one who left is not.
        for (Person p : List.of(ann, ben)) {
            ReceivedMail notice = awaitMail(p.email(), "what will be published about you");
            assertTrue(notice.bodyText().contains("Name: " + p.name()) && notice.bodyText().contains("Email: " + p.email()), notice.bodyText());
        }
        assertTrue(portal.mail().allTo(cai.email()).stream().noneMatch(m -> m.subject().contains("what will be published")));

        // Ann corrects her company on her workgroups page; Ben confirms.
        as(ann);
        open("/account/workgroups");
        assertEquals(ann.name(), driver.findElement(By.cssSelector("#notices .published-name")).getText());
        type("notices:list:0:company", "Ann Corrected Ltd " + id);
        submit("notices:list:0:correct");
        assertEquals("Ann Corrected Ltd " + id, driver.findElement(By.cssSelector("#notices .published-company")).getText());
        // Ann writes in the group's private discussion area (the forum's code, the group as its audience).
        open(groupPath);
        driver.findElement(By.id("groupForumLink")).click();
        awaitLoaded();
        checkPage(false);
        String forumPath = driver.getCurrentUrl().substring(portal.url("/").length() - 1);
        driver.findElement(By.id("newTopicLink")).click();
        awaitLoaded();
        if (!driver.findElements(By.id("post:acceptRules")).isEmpty()) {
            submit("post:acceptRules");
        }
        type("post:title", "Agenda for the release " + id);
        type("post:body", "Shall we meet before the release day?");
        submit("post:submit");
        assertEquals("Agenda for the release " + id, driver.findElement(By.id("topicTitle")).getText());
        String groupTopicPath = driver.getCurrentUrl().substring(portal.url("/").length() - 1).replaceAll("#.*$", "");
        as(ben);
        open("/account/workgroups");
        pressEnter("notices:list:0:confirm");

        // The chair sees who confirmed and who corrected; the release waits for its date.
        as(chair);
        open(noticesPath);
        String answers = driver.findElement(By.id("noticeTable")).getText();
        assertTrue(answers.contains("corrected") && answers.contains("confirmed") && answers.contains("Ann Corrected Ltd " + id), answers);
        submit("releaseNow:submit");
        assertTrue(mainText().contains("cannot be released before that day"), mainText());
        testHook("/test/workgroup/due", Map.of("release", releaseId));
        open(noticesPath);
        submit("releaseNow:submit");

        // The public page lists exactly the two, with the corrected company; the one who left is not there.
        driver.manage().deleteAllCookies();
        open("/workgroups/release?id=" + releaseId);
        List<WebElement> rows = driver.findElements(By.cssSelector("#participantTable tbody tr"));
        assertEquals(2, rows.size(), driver.findElement(By.id("participantTable")).getText());
        String list = driver.findElement(By.id("participantTable")).getText();
        assertTrue(list.contains(ann.name()) && list.contains(ann.email()) && list.contains("Ann Corrected Ltd " + id), list);
        assertTrue(list.contains(ben.name()) && list.contains(ben.email()), list);
        assertFalse(list.contains(cai.name()) || list.contains(cai.email()), list);
        assertTrue(driver.manage().getCookies().isEmpty(), "an anonymous reader gets no session");
        for (String path : List.of(forumPath, groupTopicPath, "/feeds/c/" + forumPath.replaceAll(".*/", ""))) {
            assertEquals(404, HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal.uri(path)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode(), "anonymous: " + path);
        }
        open("/workgroups");
        assertTrue(driver.findElement(By.id("releasedTable")).getText().contains("Interop Guide"));
        HttpResponse<byte[]> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(portal.uri("/workgroups/released/" + releaseId))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, file.statusCode());
        assertEquals(PDF, new String(file.body(), StandardCharsets.US_ASCII));

        // Both ledgers show the entry; the one who left has none.
        for (Person p : List.of(ann, ben)) {
            as(p);
            open("/account/privacy");
            String ledger = driver.findElement(By.id("ledgerTable")).getText();
            assertTrue(ledger.contains("Released publicly with Interop Guide Draft 1") && ledger.contains("Document release"), ledger);
        }
        as(cai);
        open("/account/privacy");
        assertFalse(mainText().contains("Released publicly with"), mainText());
        // The group's discussion area is not there for one who left: not the forum, not the topic, not in the list.
        openErrorPage(forumPath);
        assertFalse(mainText().contains("Agenda for the release"), mainText());
        openErrorPage(groupTopicPath);
        assertFalse(mainText().contains("Shall we meet"), mainText());
        open("/forums");
        assertFalse(mainText().contains("Interop Guide " + id), mainText());
    }

    private ReceivedMail awaitMail(String to, String subjectPart) {
        return new FluentWait<>(portal.mail()).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "No mail to " + to + " with " + subjectPart + " in its subject; got " + portal.mail().allTo(to))
                .until(inbox -> inbox.allTo(to).stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElse(null));
    }
}
