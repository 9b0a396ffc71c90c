package org.colloquy.platform.mail.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;

import org.colloquy.platform.mail.web.LinkedText.Piece;
import org.junit.jupiter.api.Test;

/** How the dev mailbox cuts a mail body into text and links. */
class LinkedTextTest {

    @Test
    void aUrlInASentenceBecomesALinkWithoutTheFullStop() {
        List<Piece> pieces = LinkedText.split("Confirm at https://example.org/verify?token=a1&x=2. Thanks");
        assertEquals(List.of(new Piece("Confirm at ", false), new Piece("https://example.org/verify?token=a1&x=2", true),
                new Piece(". Thanks", false)), pieces);
    }

    @Test
    void markupInTheBodyStaysText() {
        String body = "<script>alert(1)</script> see http://127.0.0.1:8080/reset\n<a href=\"javascript:x\">x</a>";
        List<Piece> pieces = LinkedText.split(body);
        assertEquals(List.of("http://127.0.0.1:8080/reset"), pieces.stream().filter(Piece::link).map(Piece::text).toList());
        assertEquals(body, pieces.stream().map(Piece::text).collect(Collectors.joining()), "nothing is lost or added");
    }

    @Test
    void aUrlInParenthesesOrAtTheEndAndTextWithoutUrls() {
        assertEquals(List.of(new Piece("(", false), new Piece("https://a.example/x", true), new Piece(")", false)),
                LinkedText.split("(https://a.example/x)"));
        assertEquals(List.of(new Piece("http://a.example", true)), LinkedText.split("http://a.example"));
        assertEquals(List.of(new Piece("ftp://a.example and mailto:x@y", false)), LinkedText.split("ftp://a.example and mailto:x@y"));
        assertEquals(List.of(), LinkedText.split(""));
    }
}
