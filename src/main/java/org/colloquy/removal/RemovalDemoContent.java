package org.colloquy.removal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.forum.ForumService;
import org.colloquy.forum.ForumViews;
import org.colloquy.platform.demo.DemoContent;

/**
 * Demo removal requests in every state (P-REMOVE-1), on the demo forum's posts, after the forum (30)
 * and moderation (35): received, in review, done by removal, done by anonymising, refused, and
 * refused then appealed (waiting for an officer other than priya, who refused it).
 */
@ApplicationScoped
public class RemovalDemoContent implements DemoContent {

    @Inject
    private RemovalDesk desk;

    @Inject
    private ForumService forum;

    @Inject
    private MemberDirectory directory;

    @Override
    public String name() {
        return "removal";
    }

    @Override
    public int order() {
        return 36;
    }

    @Override
    public void seed() {
        long sam = member("sam");
        long evelyn = member("evelyn");
        long priya = member("priya");

        desk.request(sam, post("getting-started", "Welcome to the forums", 2), RemovalRequest.Wanted.REDACT,
                "My introduction says where I stand in standards work; please take that part out.");

        RemovalRequest inReview = desk.request(sam, post("getting-started", "How do I read a draft before a meeting?", 1),
                RemovalRequest.Wanted.REMOVE_ITEM, null);
        desk.review(priya, inReview.id());

        RemovalRequest removed = desk.request(sam, post("getting-started", "Markdown tips for posts", 2),
                RemovalRequest.Wanted.REMOVE_ITEM, "I would rather not have this question under my name.");
        desk.decide(priya, removed.id(), RemovalRequest.Outcome.REMOVED, null, null, "Removed as asked.");

        RemovalRequest anonymised = desk.request(sam, post("privacy", "What does a sponsor actually receive?", 1),
                RemovalRequest.Wanted.REDACT, "It says I register for sponsored webinars.");
        desk.decide(priya, anonymised.id(), RemovalRequest.Outcome.ANONYMISED,
                "If a member registers for a sponsored webinar, does the sponsor get their email?", null, null);

        RemovalRequest refused = desk.request(evelyn, post("events", "Slides from the consent records webinar?", 2),
                RemovalRequest.Wanted.REMOVE_ITEM, null);
        desk.decide(priya, refused.id(), RemovalRequest.Outcome.REFUSED, null, RemovalRequest.RefusalReason.NOT_YOUR_INFORMATION,
                "The post says where slides are published; it holds no personal information about you.");

        RemovalRequest appealed = desk.request(sam, post("events", "Slides from the consent records webinar?", 1),
                RemovalRequest.Wanted.REMOVE_ITEM, "I asked this before I knew the thread would stay public.");
        desk.decide(priya, appealed.id(), RemovalRequest.Outcome.REFUSED, null, RemovalRequest.RefusalReason.QUOTED_BY_OTHERS,
                "The answers below only make sense with your question, and they are useful to everyone.");
        desk.appeal(sam, appealed.id(), "Please keep the question but without my name, or reword it.");
    }

    private long member(String username) {
        return directory.idOf(username).orElseThrow(() -> new IllegalStateException("No demo member " + username));
    }

    private long post(String categorySlug, String topicTitle, int number) {
        ForumViews.TopicRow row = forum.topics(categorySlug, 1).topics().stream().filter(t -> t.topic().title().equals(topicTitle))
                .findFirst().orElseThrow(() -> new IllegalStateException("No demo topic " + topicTitle));
        return forum.topic(row.topic().id(), 1).posts().stream().filter(p -> p.post().number() == number).findFirst()
                .orElseThrow(() -> new IllegalStateException("No post " + number + " in " + topicTitle)).post().id();
    }
}
