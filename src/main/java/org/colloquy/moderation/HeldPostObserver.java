package org.colloquy.moderation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.colloquy.forum.PostHeld;

/** Puts a held post into the review queue, in the transaction that wrote it. */
@ApplicationScoped
public class HeldPostObserver {

    @Inject
    private ModerationDesk desk;

    void onHeld(@Observes PostHeld held) {
        desk.held(held.postId(), held.authorId());
    }
}
