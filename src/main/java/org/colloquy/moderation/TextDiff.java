package org.colloquy.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * The difference between two texts of a post, word by word, as moderators read it on
 * {@code /moderation/edit} (issue 7, decision 0039). The diff itself is java-diff-utils' Myers
 * algorithm over words (each with the white space after it); this class only cuts the texts into such
 * tokens and joins the result into runs of kept, removed and added text, which the page shows as
 * plain text inside {@code <del>} and {@code <ins>} (escaped: a post's Markdown is never markup here).
 */
public final class TextDiff {

    /**
     * Words, each with the white space after it (and white space at the start on its own), so that
     * joining the tokens gives the text back exactly and a changed phrase reads as one run.
     */
    private static final Pattern TOKEN = Pattern.compile("\\S+\\s*|\\s+");

    /** Whether a run of text is in both texts, only in the earlier one, or only in the later one. */
    public enum Change { KEPT, REMOVED, ADDED }

    /** A run of text and what happened to it. */
    public record Run(Change change, String text) {

        public boolean isKept() {
            return change == Change.KEPT;
        }

        public boolean isRemoved() {
            return change == Change.REMOVED;
        }

        public boolean isAdded() {
            return change == Change.ADDED;
        }
    }

    private TextDiff() {
    }

    /** The runs that turn {@code before} into {@code after}, in reading order; removals come before additions at the same place. */
    public static List<Run> between(String before, String after) {
        List<String> from = tokens(before == null ? "" : before);
        List<String> to = tokens(after == null ? "" : after);
        Patch<String> patch = DiffUtils.diff(from, to);
        List<Run> runs = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            int position = delta.getSource().getPosition();
            add(runs, Change.KEPT, from.subList(at, position));
            add(runs, Change.REMOVED, delta.getSource().getLines());
            add(runs, Change.ADDED, delta.getTarget().getLines());
            at = position + delta.getSource().size();
        }
        add(runs, Change.KEPT, from.subList(at, from.size()));
        return runs;
    }

    private static void add(List<Run> runs, Change change, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        if (!runs.isEmpty() && runs.get(runs.size() - 1).change() == change) {
            Run last = runs.remove(runs.size() - 1);
            text = last.text() + text;
        }
        runs.add(new Run(change, text));
    }

    static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }
}
