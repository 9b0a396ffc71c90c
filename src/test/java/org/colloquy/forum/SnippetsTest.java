package org.colloquy.forum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Search snippets: only the matched words are marked, and nothing of a post's text is ever markup. */
class SnippetsTest {

    @Test
    void markupInThePostIsEscapedAndOnlyTheMarkersBecomeMarks() {
        String marked = "<script>alert(1)</script> & \"" + Snippets.START + "harbour" + Snippets.STOP + "\" <b>'x'</b>";
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;<mark>harbour</mark>&quot; &lt;b&gt;&#39;x&#39;&lt;/b&gt;",
                Snippets.toHtml(marked));
    }

    @Test
    void anUnclosedMarkIsClosedAndStrayStopsAndControlCharactersAreDropped() {
        assertEquals("a<mark>b</mark>", Snippets.toHtml("a" + Snippets.STOP + Snippets.START + "b"));
        assertEquals("ab", Snippets.toHtml("a\u0000\u0007b"));
        assertEquals("", Snippets.toHtml(null));
        assertEquals("&lt;b&gt;", Snippets.toHtml(Snippets.LESS_THAN + "b" + Snippets.GREATER_THAN), "angle brackets as PostgreSQL's headline got them");
    }

    @Test
    void theH2FallbackMarksEveryMatchCaseInsensitivelyAroundTheFirst() {
        String text = "word ".repeat(100) + "The Lighthouse keeper & the lighthouse. " + "tail ".repeat(100);
        String html = Snippets.toHtml(Snippets.mark(text, List.of("lighthouse"), 120));
        assertTrue(html.contains("The <mark>Lighthouse</mark> keeper &amp; the <mark>lighthouse</mark>."), html);
        assertTrue(html.startsWith("…") && html.endsWith("…"), html);
        assertTrue(html.length() < 220, html);
        assertEquals("<mark>Sea</mark> and <mark>sky</mark>", Snippets.toHtml(Snippets.mark("Sea and sky", List.of("sea", "sky"), 0)));
    }

    @Test
    void aPostsPlainTextHasNoTagsEntitiesOrControlCharacters() {
        String text = PostText.ofHtml("<h3>Title</h3><p>Fish &amp; chips &lt;script&gt; &#39;x&#39; &#x41;\u0002</p><p>next</p>");
        assertEquals("Title Fish & chips <script> 'x' A next", text);
        assertFalse(text.contains("\u0002"));
    }

    @Test
    void aQuerysWordsAreItsLettersAndDigitsLowerCased() {
        assertEquals(List.of("harbour", "2026", "über"), ForumSearch.words("  Harbour, 2026 -- ÜBER harbour!"));
        assertEquals(List.of(), ForumSearch.words("*** ... !!!"));
    }
}
