package org.colloquy.sponsor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

import org.colloquy.account.TotpCodes;
import org.colloquy.test.BrowserTest;
import org.colloquy.test.ReceivedMail;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.FluentWait;

/**
 * The issue's story in the browser (P-SPONSOR-1, P-SPONSOR-2, P-SPONSOR-3, P-CONSENT-1): an event
 * manager adds sponsors A and B with a contact each and creates a webinar; member M registers ticking
 * email and name for A only; A's contact sees M with email and name only and exports a CSV holding
 * exactly that; B's contact sees no consenting attendee and is refused A's list; M withdraws A; A's
 * next export lacks M, A's contact has the revocation notice (and a mail) and acknowledges it; M's
 * privacy centre shows the disclosures and the withdrawal. The confirmation and the cancellation
 * carry the calendar file (its invitation and its cancellation, one UID); between them the manager
 * moves the webinar, is told that one registrant was mailed the change, and M gets the updated entry.
 * Axe checks every page on the way.
 */
class SponsorBrowserIT extends BrowserTest {

    @Test
    void theWholeSponsorStory_P_SPONSOR_1_P_SPONSOR_2_P_SPONSOR_3() throws Exception {
        actAsClient(randomClientAddress());
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        // Two sponsor contacts and the member join first.
        String contactA = "acmec" + id;
        String contactB = "globc" + id;
        String member = "mira" + id;
        String memberEmail = "mira." + id + "@example.org";
        String password = "orchard lantern copper " + id;
        register("Casey Acme " + id, contactA, contactA + "@example.org", password);
        register("Gale Globex " + id, contactB, contactB + "@example.org", password);
        register("Mira Member " + id, member, memberEmail, password);

        // The event manager, with the second factor staff roles need here.
        String manager = "evman" + id;
        register("Evan Manager " + id, manager, manager + "@example.org", password);
        testHook("/test/event/grant", Map.of("username", manager));
        signIn(manager, password);
        String managerSecret = setUpSecondFactor();

        // Acme's logo: an SVG is refused beside the field (it can carry script), a PNG is taken.
        java.nio.file.Path files = java.nio.file.Files.createTempDirectory("colloquy-logo");
        java.nio.file.Path svg = java.nio.file.Files.writeString(files.resolve("acme.svg"),
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>");
        java.nio.file.Path png = files.resolve("acme.png");
        javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(640, 160, java.awt.image.BufferedImage.TYPE_INT_RGB), "png", png.toFile());
        open("/manage/sponsors");
        type("sponsor:name", "Acme " + id);
        type("sponsor:description", "Acme makes things.");
        driver.findElement(By.id("sponsor:logo")).sendKeys(svg.toString());
        submit("sponsor:create");
        assertEquals("SVG logos are not accepted, because an SVG file can carry script. Save the logo as PNG and upload that.",
                driver.findElement(By.id("sponsor:logo-message")).getText());
        assertEquals("Acme " + id, driver.findElement(By.id("sponsor:name")).getAttribute("value"), "nothing typed is lost");
        driver.findElement(By.id("sponsor:logo")).sendKeys(png.toString());
        submit("sponsor:create");
        assertTrue(mainText().contains("Sponsor Acme " + id + " added."), mainText());
        type("sponsor:name", "Globex " + id);
        type("sponsor:description", "Globex makes other things.");
        submit("sponsor:create");
        assertTrue(mainText().contains("Sponsor Globex " + id + " added."), mainText());
        // A logo for an existing sponsor, through the second form.
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("logoForm:logoSponsor"))).selectByVisibleText("Globex " + id);
        driver.findElement(By.id("logoForm:logo")).sendKeys(png.toString());
        submit("logoForm:change");
        assertTrue(mainText().contains("The logo of Globex " + id + " is saved."), mainText());
        addContact("Acme " + id, contactA);
        addContact("Globex " + id, contactB);

        open("/events");
        driver.findElement(By.id("newWebinarLink")).click();
        awaitLoaded();
        checkPage(false);
        type("event:title", "Sharing, carefully " + id);
        type("event:description", "We talk about **consent**.");
        type("event:timeZone", "Europe/Oslo");
        String day = LocalDate.now().plusDays(10).toString();
        setValue("event:start", day + "T15:00");
        setValue("event:end", day + "T14:00");
        type("event:joinLink", "https://meet.example.org/" + id);
        for (WebElement label : driver.findElements(By.cssSelector("#event\\:sponsors label"))) {
            if (label.getText().endsWith(id)) {
                label.click();
            }
        }
        submit("event:save");
        assertEquals("The end must come after the start.", driver.findElement(By.id("event:end-message")).getText(),
                "a refused field says why beside it");
        assertEquals("Sharing, carefully " + id, driver.findElement(By.id("event:title")).getAttribute("value"), "nothing typed is lost");
        setValue("event:end", day + "T16:00");
        submit("event:save");
        String eventPath = driver.getCurrentUrl().substring(portal.url("/").length() - 1);
        assertTrue(eventPath.startsWith("/event?id="), eventPath);
        String eventId = eventPath.substring("/event?id=".length());
        assertEquals("Sharing, carefully " + id, driver.findElement(By.id("webinarTitle")).getText());
        assertTrue(driver.findElement(By.id("when")).getText().endsWith("15:00–16:00 (Europe/Oslo)"), driver.findElement(By.id("when")).getText());
        String sponsors = driver.findElement(By.id("sponsors")).getText();
        assertTrue(sponsors.contains("Acme " + id) && sponsors.contains("Globex " + id), sponsors);

        // An anonymous reader sees the webinar and its sponsors, no join link, and gets no session.
        driver.manage().deleteAllCookies();
        open(eventPath);
        assertTrue(driver.findElements(By.id("joinLink")).isEmpty());
        assertTrue(driver.manage().getCookies().isEmpty(), "the public page sets no cookie: " + driver.manage().getCookies());
        assertTrue(driver.findElement(By.id("signInToRegister")).isDisplayed());
        // Acme's logo, scaled to fit 320 × 160, named by its alt text, served without a session and cacheable.
        WebElement logo = driver.findElement(By.cssSelector("#sponsors img[alt='Acme " + id + "']"));
        assertEquals(320L, script("return arguments[0].naturalWidth;", logo), "the 640 × 160 upload is drawn at most 320 wide");
        HttpResponse<byte[]> logoFile = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(logo.getAttribute("src"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("image/png", logoFile.headers().firstValue("Content-Type").orElse(""));
        assertTrue(logoFile.headers().firstValue("Cache-Control").orElse("").contains("max-age=31536000"), logoFile.headers().toString());
        assertTrue(logoFile.headers().firstValue("Set-Cookie").isEmpty(), "no session for a logo");
        assertTrue(driver.manage().getCookies().isEmpty(), "nor for the page with it: " + driver.manage().getCookies());

        // M registers: nothing is ticked, the line says so; M ticks email and name for A only.
        switchTo(member, password);
        open(eventPath);
        driver.findElement(By.id("registerLink")).click();
        awaitLoaded();
        checkPage(false);
        assertTrue(driver.findElement(By.id("nothingWithoutTick")).getText().startsWith("Nothing is shared with a sponsor unless you tick a box"));
        List<WebElement> boxes = driver.findElements(By.cssSelector("#register input[type=checkbox]"));
        assertEquals(8, boxes.size(), "four fields under each of two sponsors");
        assertTrue(boxes.stream().noneMatch(WebElement::isSelected), "P-SPONSOR-1: none ticked");
        int a = sponsorIndex("Acme " + id);
        tick(a, 0);
        tick(a, 1);
        assertEquals("Share my email address with Acme " + id,
                driver.findElement(By.cssSelector("label[for='register:sponsors:" + a + ":fields:0:tick']")).getText());
        type("register:jobTitle", "Analyst");
        submit("register:submit");
        assertTrue(driver.findElement(By.id("doneNotice")).getText().startsWith("You are registered."), mainText());
        ReceivedMail confirmation = awaitMail(memberEmail, "You are registered");
        assertTrue(confirmation.bodyText().contains("https://meet.example.org/" + id), confirmation.bodyText());
        // The invitation for M's calendar: 15:00 in Oslo as the instant it is, the page, the join link.
        VEvent invited = calendarEvent(confirmation, "REQUEST");
        assertEquals(LocalDate.parse(day).atTime(15, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant(),
                Instant.from(invited.getStartDate().orElseThrow().getDate()));
        assertEquals(LocalDate.parse(day).atTime(16, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant(),
                Instant.from(invited.getEndDate().orElseThrow().getDate()));
        assertEquals(portal.url(eventPath), invited.getProperty(Property.URL).orElseThrow().getValue());
        assertTrue(invited.getProperty(Property.DESCRIPTION).orElseThrow().getValue().contains("https://meet.example.org/" + id));
        open(eventPath);
        assertTrue(driver.findElement(By.id("joinLink")).getText().contains("https://meet.example.org/" + id));

        // A's contact sees M with email and name only, and the CSV holds exactly that.
        switchTo(contactA, password);
        open("/events");
        driver.findElement(By.id("sponsorPortalLink")).click();
        awaitLoaded();
        checkPage(false);
        driver.findElement(By.linkText("Sharing, carefully " + id)).click();
        awaitLoaded();
        checkPage(false);
        assertEquals("Consenting attendees: 1. Registrants who did not consent to share with you: 0.",
                driver.findElement(By.id("counts")).getText());
        List<WebElement> cells = driver.findElements(By.cssSelector("#attendees tbody tr:first-child td"));
        assertEquals(List.of(memberEmail, "Mira Member " + id, "", ""), cells.subList(0, 4).stream().map(WebElement::getText).toList(),
                "the job title was typed but not ticked for A");
        String attendeesPath = driver.getCurrentUrl().substring(portal.url("/").length() - 1);
        String sponsorA = attendeesPath.replaceAll(".*sponsor=(\\d+).*", "$1");
        HttpResponse<String> csv = export(eventId, sponsorA);
        assertEquals(200, csv.statusCode());
        assertEquals(302, exportRequest(eventId, sponsorA, null).statusCode(), "without the form token (another site's form) nothing is exported");
        assertEquals(302, send(HttpRequest.newBuilder(portal.uri("/sponsor/export?event=" + eventId + "&sponsor=" + sponsorA)).GET()).statusCode(),
                "a link (GET) leads back to the page and exports nothing");
        List<String> rows = csv.body().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of("email,name,job_title,organization,consent_given_at"), rows.subList(0, 1));
        assertEquals(2, rows.size(), csv.body());
        assertTrue(rows.get(1).startsWith(memberEmail + ",Mira Member " + id + ",,,"), rows.get(1));
        assertTrue(csv.body().startsWith("# Event: Sharing, carefully " + id), csv.body());

        // B's contact: no consenting attendee, one who did not; A's list is refused, page and CSV.
        switchTo(contactB, password);
        open("/sponsor/portal");
        driver.findElement(By.linkText("Sharing, carefully " + id)).click();
        awaitLoaded();
        checkPage(false);
        assertEquals("Consenting attendees: 0. Registrants who did not consent to share with you: 1.",
                driver.findElement(By.id("counts")).getText());
        open(attendeesPath);
        assertTrue(driver.findElement(By.id("refused")).isDisplayed(), mainText());
        assertEquals(403, export(eventId, sponsorA).statusCode(), "a crafted export of another sponsor's list");

        // M finds the sharing in the privacy centre, which leads to the registration page; M withdraws A there, from the keyboard.
        switchTo(member, password);
        open("/account/privacy");
        WebElement manage = driver.findElements(By.cssSelector("li.consent")).stream()
                .filter(li -> li.getText().contains("Acme " + id)).findFirst().orElseThrow()
                .findElement(By.cssSelector("a[id^=manage-]"));
        assertTrue(manage.getText().contains("change what you share or cancel it"), manage.getText());
        manage.click();
        awaitLoaded();
        assertTrue(driver.getCurrentUrl().endsWith("/event-register?id=" + eventId), driver.getCurrentUrl());
        assertTrue(mainText().contains("You share now: email address, name"), mainText());
        pressEnter("register:sponsors:" + a + ":withdraw");
        assertTrue(driver.findElement(By.id("doneNotice")).getText().startsWith("You no longer share anything"), mainText());

        // A's next export lacks M; A's contact has the notice and a mail, and acknowledges it.
        switchTo(contactA, password);
        HttpResponse<String> after = export(eventId, sponsorA);
        assertFalse(after.body().contains(memberEmail), after.body());
        ReceivedMail notice = awaitMail(contactA + "@example.org", "withdrew their consent");
        assertFalse(notice.bodyText().contains(memberEmail), "the mail names nobody");
        open("/sponsor/portal");
        WebElement open = driver.findElement(By.cssSelector(".revocation--open"));
        assertTrue(open.getText().contains(memberEmail + " · Mira Member " + id), open.getText());
        pressEnter(open.findElement(By.cssSelector("input[type=submit]")).getAttribute("id"));
        assertTrue(driver.findElement(By.id("acknowledgedNotice")).isDisplayed());
        assertTrue(driver.findElements(By.cssSelector(".revocation--open")).isEmpty());

        // M's privacy centre: two disclosures to A (the view and the export) and the withdrawal.
        switchTo(member, password);
        open("/account/privacy");
        String ledger = driver.findElement(By.id("ledgerTable")).getText();
        assertEquals(2, ledger.lines().filter(l -> l.contains("Acme " + id + " (sponsor of Sharing, carefully " + id + ")")).count(), ledger);
        assertTrue(ledger.contains("viewed in the sponsor portal") && ledger.contains("exported as CSV"), ledger);
        assertTrue(Pattern.compile("Your consent of \\d{1,2} \\w+ \\d{4} \\(no\\. \\d+\\), given via").matcher(ledger).find(),
                "each disclosure names the date of the consent it rested on: " + ledger);
        assertTrue(driver.findElement(By.id("historyTable")).getText().contains("Acme " + id), driver.findElement(By.id("historyTable")).getText());

        // The event manager sees M among the registrants, by username only, and marks M as attended.
        switchTo(manager, password);
        type("secondFactor:code", TotpCodes.next(managerSecret));
        submit("secondFactor:submit");
        open(eventPath);
        driver.findElement(By.id("registrantsLink")).click();
        awaitLoaded();
        checkPage(false);
        String registrants = driver.findElement(By.id("registrants")).getText();
        assertTrue(registrants.contains(member), registrants);
        assertFalse(registrants.contains("Mira Member") || registrants.contains(memberEmail), "managers see usernames only: " + registrants);
        WebElement row = driver.findElement(By.xpath("//table[@id='registrants']//tr[th[normalize-space()='" + member + "']]"));
        pressEnter(row.findElement(By.cssSelector("input[type=submit]")).getAttribute("id"));
        assertEquals("Attendance of " + member + " saved.", driver.findElement(By.id("markedNotice")).getText());
        assertEquals("Registered now: 1. Marked as attended: 1.", driver.findElement(By.id("registrantCounts")).getText());

        // The manager saves the webinar unchanged, then moves it an hour later: the page says whom the
        // change was mailed to, and M gets it with the updated entry for the calendar.
        open("/manage/event?id=" + eventId);
        submit("event:save");
        assertEquals("The webinar is saved. Its time, title and join link are as they were, so no registrant was mailed.",
                driver.findElement(By.id("savedNotice")).getText());
        driver.findElement(By.id("editLink")).click();
        awaitLoaded();
        checkPage(false);
        setValue("event:start", day + "T16:00");
        setValue("event:end", day + "T17:00");
        submit("event:save");
        assertEquals("The webinar is saved. 1 registrant was mailed what changed, with an updated entry for their calendar.",
                driver.findElement(By.id("savedNotice")).getText());
        assertTrue(driver.findElement(By.id("when")).getText().endsWith("16:00–17:00 (Europe/Oslo)"), driver.findElement(By.id("when")).getText());
        ReceivedMail changed = awaitMail(memberEmail, "Changed: ");
        assertTrue(changed.bodyText().contains("Time before: ") && changed.bodyText().contains("Time now: "), changed.bodyText());
        VEvent moved = calendarEvent(changed, "REQUEST");
        assertEquals(invited.getProperty(Property.UID).orElseThrow().getValue(), moved.getProperty(Property.UID).orElseThrow().getValue());
        assertEquals("1", moved.getProperty(Property.SEQUENCE).orElseThrow().getValue());
        assertEquals(LocalDate.parse(day).atTime(16, 0).atZone(ZoneId.of("Europe/Oslo")).toInstant(),
                Instant.from(moved.getStartDate().orElseThrow().getDate()));

        // The manager cancels the webinar: the page says so and M is told by mail.
        open("/manage/event?id=" + eventId);
        submit("event:cancelWebinar");
        assertTrue(driver.findElement(By.id("cancelledNotice")).isDisplayed(), mainText());
        ReceivedMail cancelled = awaitMail(memberEmail, "Cancelled: ");
        assertTrue(cancelled.bodyText().contains("Sharing, carefully " + id));
        VEvent withdrawn = calendarEvent(cancelled, "CANCEL");
        assertEquals(invited.getProperty(Property.UID).orElseThrow().getValue(), withdrawn.getProperty(Property.UID).orElseThrow().getValue(),
                "the same calendar entry is cancelled");
        assertEquals("CANCELLED", withdrawn.getProperty(Property.STATUS).orElseThrow().getValue());
        assertEquals("2", withdrawn.getProperty(Property.SEQUENCE).orElseThrow().getValue(), "above the update's");
    }

    /** The one event of the mail's calendar file, after checking the file's method. */
    private static VEvent calendarEvent(ReceivedMail mail, String method) throws Exception {
        ReceivedMail.Attachment file = mail.attachment("webinar.ics");
        assertTrue(file.contentType().startsWith("text/calendar"), file.contentType());
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(file.content()));
        assertEquals(method, calendar.getProperty(Property.METHOD).orElseThrow().getValue());
        return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    }

    /** Signs in as another person, starting without the previous person's cookies. */
    private void switchTo(String login, String password) {
        driver.manage().deleteAllCookies();
        signIn(login, password);
    }

    private void addContact(String sponsorName, String username) {
        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("contact:sponsorChoice"))).selectByVisibleText(sponsorName);
        type("contact:username", username);
        submit("contact:add");
        assertTrue(mainText().contains(username + " is now a contact of the sponsor."), mainText());
    }

    private void setValue(String id, String value) {
        script("document.getElementById(arguments[0]).value = arguments[1];", id, value);
    }

    private int sponsorIndex(String name) {
        List<WebElement> legends = driver.findElements(By.cssSelector("#register fieldset.share legend"));
        for (int i = 0; i < legends.size(); i++) {
            if (legends.get(i).getText().endsWith(name)) {
                return i;
            }
        }
        throw new AssertionError("No sponsor " + name + " on the form");
    }

    private void tick(int sponsor, int field) {
        driver.findElement(By.id("register:sponsors:" + sponsor + ":fields:" + field + ":tick")).click();
    }

    /** Presses "Export as CSV" as the browser would: a POST with the session's form token and every cookie the browser holds. */
    private HttpResponse<String> export(String eventId, String sponsorId) throws Exception {
        return exportRequest(eventId, sponsorId, driver.findElement(By.cssSelector("input[name=token]")).getAttribute("value"));
    }

    private HttpResponse<String> exportRequest(String eventId, String sponsorId, String token) throws Exception {
        String form = "event=" + eventId + "&sponsor=" + sponsorId + (token == null ? "" : "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(portal.uri("/sponsor/export")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        // Every cookie the browser holds, as the browser would send them: Payara checks the session's
        // version (JSESSIONIDVERSION) and, without it, may read an older replicated copy of the session.
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        return HttpClient.newHttpClient().send(request.header("Cookie", cookies).build(), HttpResponse.BodyHandlers.ofString());
    }

    private ReceivedMail awaitMail(String to, String subjectPart) {
        return new FluentWait<>(portal.mail()).withTimeout(Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(200))
                .withMessage(() -> "No mail to " + to + " with " + subjectPart + " in its subject; got " + portal.mail().allTo(to))
                .until(inbox -> inbox.allTo(to).stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElse(null));
    }
}
