package org.colloquy.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.colloquy.moderation.TextDiff.Change;
import org.colloquy.moderation.TextDiff.Run;
import org.junit.jupiter.api.Test;

/** The word diff moderators see of an edited post (issue 7, P-FORUM-3). */
class TextDiffTest {

    @Test
    void aChangedWordIsRemovedAndAddedInPlace_P_FORUM_3() {
        assertEquals(List.of(new Run(Change.KEPT, "Call me at "), new Run(Change.REMOVED, "555-1234 "),
                        new Run(Change.ADDED, "[number removed by a moderator] "), new Run(Change.KEPT, "tonight.")),
                TextDiff.between("Call me at 555-1234 tonight.", "Call me at [number removed by a moderator] tonight."));
    }

    @Test
    void runsJoinBackIntoBothTexts() {
        String before = "First line\n\nSecond *line* with words\nthird";
        String after = "First line\n\nSecond line, with more words\n\nthird and fourth";
        List<Run> runs = TextDiff.between(before, after);
        assertEquals(before, String.join("", runs.stream().filter(r -> !r.isAdded()).map(Run::text).toList()));
        assertEquals(after, String.join("", runs.stream().filter(r -> !r.isRemoved()).map(Run::text).toList()));
    }

    @Test
    void sameTextIsOneKeptRunAndEmptyTextsNone() {
        assertEquals(List.of(new Run(Change.KEPT, "Same words")), TextDiff.between("Same words", "Same words"));
        assertEquals(List.of(), TextDiff.between("", null));
        assertEquals(List.of(new Run(Change.ADDED, "New")), TextDiff.between(null, "New"));
    }
}
