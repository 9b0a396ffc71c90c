package org.colloquy.forum;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces the {@code @name} of a deleted member in a post's Markdown (P-ACCOUNT-2: the name nowhere
 * after deletion): running-text mentions, quote attributions ({@code > @ada wrote:}) and the same
 * characters anywhere else (code, link texts), in any case, with words such as "a former member".
 * Only the name goes; everything else the author wrote stays as it is. A name followed by more
 * username characters ({@code @ada.b}, {@code @adam}) is another member's and is left alone; trailing
 * dots end a sentence, as {@link org.colloquy.platform.text.Markdown#mentions} reads them.
 */
final class FormerMentions {

    private final Pattern pattern;
    private final String replacement;

    /**
     * @param usernames   the deleted member's usernames (any case); none blank
     * @param replacement what each mention becomes
     */
    FormerMentions(Collection<String> usernames, String replacement) {
        Objects.requireNonNull(replacement);
        Set<String> names = usernames.stream().filter(n -> n != null && !n.isBlank()).map(n -> n.toLowerCase(Locale.ROOT))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("No username to replace");
        }
        String alternatives = names.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).collect(Collectors.joining("|"));
        this.pattern = Pattern.compile("(?<![A-Za-z0-9_.@/-])@(?:" + alternatives + ")(?![A-Za-z0-9_-]|\\.+[A-Za-z0-9_-])",
                Pattern.CASE_INSENSITIVE);
        this.replacement = Matcher.quoteReplacement(replacement);
    }

    /** The Markdown with every mention of the member replaced; the same string when there is none. */
    String apply(String markdown) {
        if (markdown == null || markdown.isEmpty()) {
            return markdown;
        }
        Matcher m = pattern.matcher(markdown);
        return m.find() ? m.replaceAll(replacement) : markdown;
    }

    /**
     * The {@code LIKE} patterns (on the lower-case Markdown) that find every candidate post; the
     * pattern then decides. A username's {@code _} matches any character there, which only finds more
     * candidates, never fewer.
     */
    static Set<String> likePatterns(Collection<String> usernames) {
        return usernames.stream().filter(n -> n != null && !n.isBlank()).map(n -> "%@" + n.toLowerCase(Locale.ROOT) + "%")
                .collect(Collectors.toSet());
    }
}
