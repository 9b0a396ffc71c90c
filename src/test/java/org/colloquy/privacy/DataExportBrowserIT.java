package org.colloquy.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.colloquy.test.BrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;

/**
 * P-ACCOUNT-3 in the browser: a member finds "Your data" in the privacy centre and downloads one JSON
 * file whose manifest counts what it holds, including the consent they gave and the disclosure made
 * under it.
 */
class DataExportBrowserIT extends BrowserTest {

    @Test
    @SuppressWarnings("unchecked")
    void aMemberDownloadsTheirDataFromThePrivacyCentre_P_ACCOUNT_3() throws Exception {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String username = "dora" + id;
        String email = username + "@example.org";
        String password = "amber quiet meadow " + id;
        actAsClient(randomClientAddress());
        register("Dora Download " + id, username, email, password);
        signIn(username, password);
        String sponsor = "Export Sponsor " + id;
        String consent = testHook("/test/privacy/consent", Map.of("email", email, "key", "sponsor:x" + id, "label", sponsor,
                "fields", "name,email")).trim();
        testHook("/test/disclose", Map.of("email", email, "key", "sponsor:x" + id, "label", sponsor, "fields", "name,email",
                "purpose", "Attendee list of Webinar " + id, "consent", consent));

        open("/account/privacy");
        WebElement section = driver.findElement(By.id("data"));
        assertEquals("Your data", section.findElement(By.tagName("h2")).getText());
        WebElement button = driver.findElement(By.id("downloadData"));
        assertEquals("Download my data", button.getText());
        WebElement form = driver.findElement(By.id("dataForm"));
        assertEquals("post", form.getAttribute("method").toLowerCase(java.util.Locale.ROOT));

        // The form as the browser sends it: its action, its token, every cookie the browser holds.
        String token = form.findElement(By.name("token")).getAttribute("value");
        String cookies = driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue()).collect(Collectors.joining("; "));
        HttpResponse<String> file = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(form.getAttribute("action")))
                .header("Cookie", cookies).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + URLEncoder.encode(token, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, file.statusCode(), file.body());
        assertEquals("attachment; filename=\"colloquy-" + username + "-" + LocalDate.now(ZoneOffset.UTC) + ".json\"",
                file.headers().firstValue("Content-Disposition").orElse(""));

        Map<String, Object> export = new Json().toType(file.body(), Map.class);
        assertEquals("colloquy-export", export.get("schema"));
        Map<String, List<Map<String, Object>>> sections = (Map<String, List<Map<String, Object>>>) export.get("sections");
        Map<String, Object> manifest = (Map<String, Object>) export.get("manifest");
        List<Map<String, Object>> counts = (List<Map<String, Object>>) manifest.get("sections");
        assertEquals(sections.keySet(), counts.stream().map(c -> (String) c.get("name")).collect(Collectors.toSet()));
        for (Map<String, Object> count : counts) {
            assertEquals(sections.get((String) count.get("name")).size(), ((Number) count.get("count")).intValue(),
                    "manifest count of " + count.get("name"));
        }
        assertEquals(username, sections.get("account").get(0).get("username"));
        assertEquals(email, sections.get("account").get(0).get("email"));
        assertTrue(sections.get("consents").stream().anyMatch(c -> sponsor.equals(c.get("subjectLabel"))), sections.get("consents").toString());
        assertEquals(1, sections.get("disclosures").size());
        assertEquals(sponsor, sections.get("disclosures").get(0).get("recipientLabel"));
        assertEquals(0, sections.get("forum-posts").size());
        assertFalse(((List<?>) manifest.get("withheld")).isEmpty(), "what is withheld, and why");
        assertFalse(file.body().contains(token), "no session secret in the file");
        // The mails sent to Dora are hers, with the code of the verification link blanked.
        org.colloquy.test.ReceivedMail verification = portal.mail().allTo(email).stream()
                .filter(m -> m.links().stream().anyMatch(l -> l.contains("/verify?token="))).findFirst().orElseThrow();
        String link = verification.link("/verify");
        String code = link.substring(link.indexOf("token=") + "token=".length());
        Map<String, Object> mail = sections.get("mails").stream().filter(m -> verification.subject().equals(m.get("subject")))
                .findFirst().orElseThrow(() -> new AssertionError("no verification mail in " + sections.get("mails")));
        assertTrue(((String) mail.get("body")).contains("/verify?token=WITHHELD"), (String) mail.get("body"));
        assertFalse(file.body().contains(code), "no link code in the file");
    }
}
