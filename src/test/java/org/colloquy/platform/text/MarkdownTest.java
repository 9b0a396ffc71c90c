package org.colloquy.platform.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Markdown as staff and members write it, and as an attacker would: what comes out is safe to put into a page. */
class MarkdownTest {

    private final Markdown markdown = new Markdown();

    @Test
    void theUsualFormattingComesThrough() {
        String html = markdown.toHtml("""
                # Your data

                We keep **only** what we *need*:

                1. your name
                2. your `email`

                - one
                - two

                > quoted

                ```java
                int x = 1;
                ```

                | What | Why |
                |------|-----|
                | email | sign-in |

                ---
                """);
        assertTrue(html.contains("<h2>Your data</h2>"), html);
        assertTrue(html.contains("<strong>only</strong>") && html.contains("<em>need</em>"), html);
        assertTrue(html.contains("<ol>") && html.contains("<li>your name</li>"), html);
        assertTrue(html.contains("<code>email</code>"), html);
        assertTrue(html.contains("<ul>") && html.contains("<blockquote>"), html);
        assertTrue(html.contains("<pre><code class=\"language-java\">int x &#61; 1;"), html);
        assertTrue(html.contains("<table>") && html.contains("<th>What</th>") && html.contains("<td>sign-in</td>"), html);
        assertTrue(html.contains("<hr />"), html);
    }

    @Test
    void headingsStartAtTheLevelThePageAsksFor() {
        assertTrue(markdown.toHtml("# A\n\n## B", 1).contains("<h1>A</h1>"));
        String html = markdown.toHtml("# A\n\n## B\n\n###### F", 3);
        assertTrue(html.contains("<h3>A</h3>") && html.contains("<h4>B</h4>") && html.contains("<h6>F</h6>"), html);
        assertThrows(IllegalArgumentException.class, () -> markdown.toHtml("# A", 0));
    }

    @Test
    void nothingInGivesNothingOut() {
        assertEquals("", markdown.toHtml(null));
        assertEquals("", markdown.toHtml("   \n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "<a href=\"javascript:alert(1)\">click</a>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[click]( javascript:alert(1) )",
            "[click](java&#x73;cript:alert(1))",
            "[click](&#106;avascript:alert(1))",
            "<javascript:alert(1)>",
            "[click](vbscript:msgbox(1))",
            "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "![x](javascript:alert(1))",
            "[click](http://example.org \"x\\\" onmouseover=\\\"alert(1)\")",
            "<svg onload=alert(1)>",
            "<iframe src=\"http://example.org\"></iframe>",
            "<style>body{display:none}</style>",
            "<div style=\"position:fixed\" onclick=\"alert(1)\">x</div>",
            "*<b onmouseover=alert(1)>x</b>*",
            "<form action=\"http://example.org\"><input name=a></form>",
            "```\n</code></pre><script>alert(1)</script>\n```",
            "| a |\n|---|\n| <script>alert(1)</script> |",
    })
    void hostileInputComesOutHarmless(String hostile) {
        String html = markdown.toHtml(hostile).toLowerCase(Locale.ROOT);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.matches("(?s).*<[a-z0-9]+[^>]*\\son[a-z]+\\s*=.*"), "an event handler attribute: " + html);
        assertFalse(html.contains("javascript:") && html.contains("href=\"javascript"), html);
        assertFalse(html.matches("(?s).*href=\"\\s*(javascript|vbscript|data):.*"), html);
        for (String tag : new String[] {"<img", "<svg", "<iframe", "<style", "<div", "<form", "<input", "<b "}) {
            assertFalse(html.contains(tag), tag + " came through: " + html);
        }
        assertFalse(html.contains("style="), html);
    }

    @Test
    void aLinkToAnUnsafeAddressBecomesPlainText() {
        assertEquals("<p>click</p>", markdown.toHtml("[click](javascript:alert(1))").strip());
    }

    @Test
    void rawHtmlIsShownAsTextNotDropped() {
        String html = markdown.toHtml("Use <b>bold</b> like this");
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt;"), html);
    }

    @Test
    void imagesAreNotLoadedFromAnywhere() {
        String html = markdown.toHtml("![a tracking pixel](https://example.org/pixel.png)");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("pixel.png\""), "no address to fetch: " + html);
    }

    @Test
    void linksThatLeaveTheSiteAreMarkedAndLinksWithinItAreNot() {
        assertEquals("<p><a href=\"https://example.org/x\" rel=\"nofollow ugc noopener\">out</a></p>",
                markdown.toHtml("[out](https://example.org/x)").strip());
        assertTrue(markdown.toHtml("<https://example.org>").contains("rel=\"nofollow ugc noopener\""));
        assertTrue(markdown.toHtml("[m](mailto:privacy@example.org)").contains("rel=\"nofollow ugc noopener\""));
        assertTrue(markdown.toHtml("[sneaky](//example.org/x)").contains("rel=\"nofollow ugc noopener\""));
        assertTrue(markdown.toHtml("[sneaky](/\\example.org/x)").contains("rel=\"nofollow ugc noopener\""));
        assertEquals("<p><a href=\"/privacy/v/1\">old</a></p>", markdown.toHtml("[old](/privacy/v/1)").strip());
        assertEquals("<p><a href=\"#rights\">below</a></p>", markdown.toHtml("[below](#rights)").strip());
    }

    @Test
    void whatIsAndIsNotExternal() {
        assertFalse(Markdown.isExternal("/rules"));
        assertFalse(Markdown.isExternal("#top"));
        assertTrue(Markdown.isExternal("//evil.example"));
        assertTrue(Markdown.isExternal("/\\evil.example"));
        assertTrue(Markdown.isExternal("HTTPS://example.org"));
        assertTrue(Markdown.isExternal("relative/page"));
    }

    /** Forum mentions: found in running text only, not in code, link texts or email addresses. */
    @Test
    void mentionsAreFoundInTextButNotInCodeLinksOrAddresses() {
        assertEquals(java.util.Set.of("ada", "Bob_1"), markdown.mentions(
                "Hi @ada and @Bob_1. `@code` [@linked](https://example.org) mail@example.org\n\n    @block\n"));
        assertEquals(java.util.Set.of(), markdown.mentions("@ab is too short"));
        assertEquals(java.util.Set.of("eve", "ada"), markdown.mentions("> @eve wrote:\n> hi @ada\n\nYes."));
        assertEquals(java.util.Set.of(), markdown.mentions("> @eve wrote:\n> hi @ada\n\nYes.", false), "not in quotes");
    }

    /** Only names given a link become links; the rest of the text stays as it was. */
    @Test
    void mentionsWithALinkBecomeLinksOthersStayText() {
        String html = markdown.toHtml("Thanks @Ada, @nobody and `@ada`.", 3, java.util.Map.of("ada", "/u/ada"));
        assertEquals("<p>Thanks <a href=\"/u/ada\">&#64;Ada</a>, &#64;nobody and <code>&#64;ada</code>.</p>\n", html);
    }
}
