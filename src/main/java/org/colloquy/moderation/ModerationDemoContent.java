package org.colloquy.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.platform.demo.DemoContent;

/**
 * A few items in the review queue for the demo (morgan moderates, ada administers): flags from
 * demo members on posts of the forum's demo threads, one of them "something else" with its words.
 * Seeded after the forums (order 35), through the moderation desk as members would flag.
 */
@ApplicationScoped
public class ModerationDemoContent implements DemoContent {

    @Inject
    private ModerationDesk desk;

    @Inject
    private ForumService forum;

    @Inject
    private MemberDirectory directory;

    @Override
    public String name() {
        return "moderation";
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public void seed() {
        flag("sam", "getting-started", "Markdown tips for posts", 1, FlagReason.OTHER,
                "Is it fine to recommend tools here, or is that advertising?");
        flag("priya", "privacy", "Can I get a copy of my data?", 1, FlagReason.PRIVACY_INVADING, null);
        flag("sam", "events", "Ideas for the next webinar", 3, FlagReason.OFF_TOPIC, null);
    }

    private void flag(String flagger, String categorySlug, String topicTitle, int number, FlagReason reason, String words) {
        long member = directory.idOf(flagger).orElseThrow(() -> new IllegalStateException("No demo member " + flagger));
        ForumViews.TopicRow row = forum.topics(categorySlug, 1).topics().stream().filter(t -> t.topic().title().equals(topicTitle))
                .findFirst().orElseThrow(() -> new IllegalStateException("No demo topic " + topicTitle));
        long postId = forum.topic(row.topic().id(), 1).posts().stream().filter(p -> p.post().number() == number).findFirst()
                .orElseThrow().post().id();
        desk.flag(member, postId, reason, words);
    }
}
