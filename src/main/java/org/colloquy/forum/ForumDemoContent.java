package org.colloquy.forum;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.demo.DemoContent;
import org.colloquy.platform.text.Markdown;

/**
 * Demo forums with threads by the demo members: a public forum for newcomers, one on standards work
 * and one on privacy with conditions of their own, one on webinars, and a members-only lounge; one
 * topic runs to a second page. Written straight through the repository with past dates (posting
 * rate and rules apply to members, not to seeding); the demo members still accept the rules at
 * their first post of their own.
 */
@ApplicationScoped
public class ForumDemoContent implements DemoContent {

    @Inject
    private ForumRepository forums;

    @Inject
    private MemberDirectory directory;

    @Inject
    private Markdown markdown;

    @Override
    public String name() {
        return "forum";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void seed() {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(6);
        ForumCategory welcome = category("Getting started", "getting-started",
                "Introduce yourself and ask how the community works.", null, Visibility.PUBLIC, 10, start);
        ForumCategory standards = category("Standards and specifications", "standards",
                "Drafts, reviews and questions about the specifications our workgroups write.",
                "- Quote drafts only from their public versions.\n- Name the section you discuss (for example *3.2 Consent records*).",
                Visibility.PUBLIC, 20, start);
        ForumCategory events = category("Webinars and events", "events",
                "Questions before and after our webinars, and ideas for the next ones.", null, Visibility.PUBLIC, 25, start);
        ForumCategory privacy = category("Privacy and your data", "privacy",
                "Ask how the portal handles your data: consents, sponsors, exports and removal.",
                "- Never post someone else's personal data, even to ask about it.\n- For a request about your own data, use the privacy centre; this forum is for questions.",
                Visibility.PUBLIC, 27, start);
        ForumCategory lounge = category("Members' lounge", "lounge",
                "Off-topic talk among signed-in members.", null, Visibility.MEMBERS, 30, start);

        thread(welcome, "Welcome to the forums", start.plusHours(1), List.of(
                "ada", "Welcome! Introduce yourself here: what you work on and what you hope to find. Please read the [forum rules](/rules) first.",
                "sam", "Hi all, I'm **sam**. I follow the consent work and I'm new to standards groups.",
                "morgan", "Welcome sam. If you are unsure where a question goes, ask here and I'll move it.",
                "priya", "Hello! I look after privacy questions. Only your username shows here, never your real name or email."));
        thread(welcome, "How do I read a draft before a meeting?", start.plusHours(20), List.of(
                "sam", "Is there a way to see what changed in a draft since the last meeting?",
                "evelyn", "Each webinar page links the draft it discusses. The change summary is at the top of every version.",
                "sam", "Found it, thanks!"));

        String[] voices = {"ada", "morgan", "evelyn", "priya", "sam"};
        String[] lines = {
                "I think section 3.2 should say when a consent record is written, not only what it holds.",
                "Agreed. *Written once* is the key property; a withdrawal is a separate record.",
                "Could we add an example of a withdrawal that is **prospective**?",
                "Here is a sketch:\n\n> Withdrawal stops every later use; it does not undo what was done before.",
                "That reads well. What about the notice version: number or date?",
                "Both: the number identifies it, the date tells people when it changed.",
                "Let's keep the digest of the text too, so a record proves what was shown.",
                "Is SHA-256 enough there, or do we need a signature?",
                "A digest is enough for integrity against ourselves; signatures are for a later draft.",
                "I opened an issue for the signature idea so that it is not lost."};
        List<String> longThread = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            longThread.add(voices[i % voices.length]);
            longThread.add(lines[i % lines.length] + (i >= lines.length ? " (point " + (i + 1) + ")" : ""));
        }
        thread(standards, "Review of draft 3: consent records", start.plusDays(1), longThread);
        thread(standards, "Terminology: member, participant, attendee", start.plusDays(3), List.of(
                "morgan", "We use three words for people. Should the glossary define each?",
                "ada", "Yes: *member* (has an account), *participant* (in a workgroup), *attendee* (of an event)."));
        thread(events, "Slides from the consent records webinar?", start.plusDays(2), List.of(
                "sam", "Will the slides from last week's webinar on consent records be posted somewhere?",
                "evelyn", "Yes: they go on the webinar's page within two days, with the recording for those who registered.",
                "sam", "Great. Is the recording public or only for attendees?",
                "evelyn", "Only for registered attendees for a month, then public. The sponsor never gets the recording list, only the attendees who agreed to share their details with them."));
        thread(events, "Ideas for the next webinar", start.plusDays(2).plusHours(5), List.of(
                "evelyn", "What should the next webinar cover? Reply with a topic and, if you like, a speaker.",
                "morgan", "A walk through the moderation guidelines: what gets hidden, and why authors are told.",
                "priya", "Data subject requests from the organisation's side: what we must answer, and by when.",
                "ada", "+1 to both. We could run them a month apart."));
        thread(privacy, "What does a sponsor actually receive?", start.plusDays(1).plusHours(3), List.of(
                "sam", "If I register for a sponsored webinar, does the sponsor get my email?",
                "priya", "Only if you tick the box for that sponsor, and only the fields the box lists. You can see every disclosure in your privacy centre, and withdraw for the future.",
                "sam", "And if I never tick it?",
                "priya", "Then the sponsor gets nothing about you. The attendee list they download only has people who said yes to that sponsor."));
        thread(privacy, "Can I get a copy of my data?", start.plusDays(3).plusHours(2), List.of(
                "morgan", "Someone asked me in a meeting how to get a copy of everything the portal holds about them.",
                "priya", "Ask me, and you get it within a month: your account, consents, posts and every disclosure about you. The privacy centre already lists your consents and the disclosure ledger; a download of it all is coming."));
        thread(welcome, "Markdown tips for posts", start.plusDays(2).plusHours(8), List.of(
                "morgan", "Posts take Markdown: `*emphasis*`, `**strong**`, lists with `-`, quotes with `>`, and code in backticks.\n\n```\nlike this\n```",
                "sam", "Can I add images?",
                "morgan", "Not yet: posts take text and links only, so no page loads anything from another site."));
        thread(lounge, "Favourite note-taking tools?", start.plusDays(4), List.of(
                "evelyn", "What do you use for meeting notes? Plain text here.",
                "sam", "Plain Markdown files, one per meeting."));
    }

    private ForumCategory category(String name, String slug, String description, String conditions, Visibility visibility,
                                   int position, OffsetDateTime at) {
        ForumCategory category = new ForumCategory(new CategoryDraft(name, slug, description, conditions, visibility, position), at);
        forums.add(category);
        forums.flush();
        return category;
    }

    /** A topic whose posts alternate author usernames and texts, 37 minutes apart. */
    private void thread(ForumCategory category, String title, OffsetDateTime at, List<String> authorsAndTexts) {
        long starter = member(authorsAndTexts.get(0));
        Topic topic = new Topic(category.id(), title, starter, at);
        forums.add(topic);
        forums.flush();
        OffsetDateTime when = at;
        for (int i = 0; i < authorsAndTexts.size(); i += 2) {
            long author = member(authorsAndTexts.get(i));
            String text = authorsAndTexts.get(i + 1);
            int number = topic.addPost(author, when);
            forums.add(new Post(topic.id(), number, author, text, markdown.toHtml(text, 3), when));
            if (number == 1) {
                forums.countTopic(category.id(), when);
            } else {
                forums.countPost(category.id(), when);
            }
            when = when.plusMinutes(37);
        }
    }

    private long member(String username) {
        return directory.idOf(username).orElseThrow(() -> new IllegalStateException("No demo member " + username));
    }
}
