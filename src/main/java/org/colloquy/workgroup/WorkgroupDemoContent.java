package org.colloquy.workgroup;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.demo.DemoContent;

/**
 * A workgroup chaired by {@code ada} with {@code morgan}, {@code priya} and {@code sam} taking part
 * (each accepted the joining clause), a draft and a released version of its guide: the public page
 * lists the three, and their privacy centres show the release in the ledger. The release's notice
 * period is passed over here only, so that the demo has something released on its first day.
 */
@ApplicationScoped
public class WorkgroupDemoContent implements DemoContent {

    static final String NAME = "Consent records";
    static final List<String> PARTICIPANTS = List.of("morgan", "priya", "sam");

    @Inject
    private Workgroups workgroups;

    @Inject
    private MemberDirectory directory;

    @PersistenceContext
    private EntityManager em;

    @Override
    public String name() {
        return "workgroups";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void seed() {
        seed(NAME);
    }

    /**
     * Seeds the demo group under this name, in one transaction (the seeder's, or its own when a test
     * calls it); public for the integration test, which cannot reuse the demo's name.
     */
    @jakarta.transaction.Transactional
    public Optional<Release> seed(String name) {
        Optional<Long> ada = directory.idOf("ada");
        if (ada.isEmpty()) {
            return Optional.empty();
        }
        Actor admin = Actor.administrator(ada.get());
        Workgroup group = workgroups.create(admin, name,
                "Writes the guide to keeping consent records that members can check: what to record, for how long, and how to show it.");
        workgroups.appointChair(admin, group.id(), "ada");
        for (String username : PARTICIPANTS) {
            directory.idOf(username).ifPresent(id -> workgroups.approve(admin, workgroups.apply(id, group.id(), true).id()));
        }
        workgroups.upload(admin, group.id(), "Consent record guide", "Draft 2", "consent-record-guide.md",
                guide("Draft 2: adds the section on withdrawal.").getBytes(StandardCharsets.UTF_8));
        Document released = workgroups.upload(admin, group.id(), "Consent record guide", "1.0", "consent-record-guide.md",
                guide("Version 1.0.").getBytes(StandardCharsets.UTF_8));
        Release release = workgroups.startRelease(admin, released.id(), workgroups.earliestReleaseDate());
        em.find(Release.class, release.id()).noticePeriodPassed(LocalDate.now(ZoneOffset.UTC));
        // Written now: the release reads the row again under a lock.
        em.flush();
        return Optional.of(workgroups.release(admin, release.id()));
    }

    private static String guide(String version) {
        return "# Consent record guide\n\n" + version + "\n\n## What to record\n\nThe purpose, the exact wording shown, when and where.\n";
    }
}
