package org.colloquy.rights;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.demo.DemoContent;

/**
 * Demo rights requests in every state, so the privacy officer's queue has something to show: sam's
 * access request just received, evelyn's correction in progress, morgan's deletion overdue (received
 * 35 days ago), sam's objection answered by priya, and a visitor's restriction request still waiting
 * for its link. Members the accounts did not seed are left out.
 */
@ApplicationScoped
public class RightsDemoContent implements DemoContent {

    @Inject
    private RightsDesk desk;

    @Inject
    private RightsRepository repository;

    @Inject
    private MemberDirectory directory;

    @Override
    public String name() {
        return "rights-requests";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void seed() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        directory.idOf("sam").ifPresent(sam -> desk.requestAsMember(sam, RequestKind.ACCESS,
                "Please send me a copy of everything you hold about me, including my forum posts."));
        directory.idOf("evelyn").ifPresent(evelyn -> {
            RightsRequest r = desk.requestAsMember(evelyn, RequestKind.CORRECTION,
                    "My organization is misspelled in the attendee lists of the autumn webinar.");
            r.backdate(now.minusDays(10));
            directory.idOf("priya").ifPresent(priya -> desk.start(priya, r.id()));
        });
        directory.idOf("morgan").ifPresent(morgan -> desk.requestAsMember(morgan, RequestKind.DELETION,
                "Please delete the photos I uploaded to my profile in the first week.").backdate(now.minusDays(35)));
        directory.idOf("sam").ifPresent(sam -> directory.idOf("priya").ifPresent(priya -> {
            RightsRequest r = desk.requestAsMember(sam, RequestKind.OBJECTION, "I object to being listed in the members directory.");
            desk.answer(priya, r.id(), Outcome.DONE, "There is no public members directory; your profile is private. Nothing lists you.");
        }));
        desk.requestFromPublic(RequestKind.RESTRICTION, "visitor@demo.colloquy.test",
                "Please stop using my address for the newsletter while you check how you got it.");
    }
}
