package org.colloquy.testimonial;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.privacy.Basis;
import org.colloquy.privacy.ConsentService;
import org.colloquy.privacy.Disclosure;
import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.Recipient;
import org.colloquy.privacy.RecipientKind;

/**
 * Keeps testimonials for a given member or moderator; {@link TestimonialService} and
 * {@link TestimonialModeration} decide who may call what. Invariants: a named credit rests on a
 * live TESTIMONIAL_NAME consent for {@code testimonial:<id>} whose notice names exactly the credit
 * text; while a testimonial is published with a name, one ledger entry records that showing, and
 * when the showing stops (unpublished, edited, credit changed, consent withdrawn, withdrawn
 * altogether) the entry that ends it is written in the same transaction (decision 0024).
 */
@Stateless
public class TestimonialWriter {

    public static final int RATING_MAX = 5;
    public static final int ORGANIZATION_LENGTH = 100;

    /** The field of a refused decline reason or change request. */
    public static final String NOTE = "note";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private ConsentService consents;

    @Inject
    private DisclosureService disclosures;

    @Inject
    private MemberDirectory directory;

    @Inject
    private NameConsents nameConsents;

    @Inject
    private TestimonialSubjects subjects;

    // ------------------------------------------------------------------ the author

    /** Writes a testimonial, awaiting review, with the credit chosen. */
    public Testimonial write(long authorId, TestimonialDraft draft, String via) {
        Checked checked = check(authorId, draft);
        Testimonial testimonial = new Testimonial(authorId, checked.body, draft.rating(), checked.webinarId, checked.about, now());
        em.persist(testimonial);
        em.flush();
        applyCredit(testimonial, draft.credit(), checked.creditText, via);
        return testimonial;
    }

    /**
     * Saves the author's changes. Changed words, rating or subject send the testimonial back to
     * review (and take it off the public pages until then); a changed credit alone applies at once,
     * as staff could not change it anyway.
     */
    public Testimonial edit(long authorId, long id, TestimonialDraft draft, String via) {
        Testimonial testimonial = own(authorId, id);
        Checked checked = check(authorId, draft);
        if (!testimonial.body().equals(checked.body) || !Objects.equals(testimonial.rating(), draft.rating())
                || !Objects.equals(testimonial.webinarId(), checked.webinarId)) {
            endShowing(testimonial);
            testimonial.rewrite(checked.body, draft.rating(), checked.webinarId, checked.about, now());
        }
        applyCredit(testimonial, draft.credit(), checked.creditText, via);
        return testimonial;
    }

    /** Removes the testimonial: off every page, its name consent withdrawn, the showing ended in the ledger. */
    public void withdraw(long authorId, long id, String via) {
        Testimonial testimonial = own(authorId, id);
        endShowing(testimonial);
        if (testimonial.consentId() != null) {
            consents.withdraw(authorId, testimonial.consentId(), via);
        }
        em.remove(testimonial);
    }

    /** The author's testimonials, newest first. */
    public List<Testimonial> of(long authorId) {
        return em.createNamedQuery("Testimonial.ofAuthor", Testimonial.class).setParameter("author", authorId).getResultList();
    }

    /** One of the author's testimonials, to show in the edit form. */
    public Testimonial read(long authorId, long id) {
        Testimonial testimonial = em.find(Testimonial.class, id);
        if (testimonial == null || testimonial.authorId() != authorId) {
            throw new NoSuchTestimonialException(id);
        }
        return testimonial;
    }

    /** One of the author's testimonials, locked for a change. */
    public Testimonial own(long authorId, long id) {
        Testimonial testimonial = em.find(Testimonial.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (testimonial == null || testimonial.authorId() != authorId) {
            throw new NoSuchTestimonialException(id);
        }
        return testimonial;
    }

    /**
     * The name consent of a testimonial was withdrawn (from the privacy centre, or by a change of
     * credit): the name goes at once, in the withdrawing transaction, and the showing ends.
     */
    public void nameWithdrawn(long consentId) {
        for (Testimonial testimonial : em.createNamedQuery("Testimonial.byConsent", Testimonial.class)
                .setParameter("consent", consentId).getResultList()) {
            endShowing(testimonial);
            testimonial.credit(Credit.ANONYMOUS, null, null, now());
        }
    }

    // ------------------------------------------------------------------ moderation

    public Testimonial publish(long id) {
        Testimonial testimonial = get(id);
        if (!testimonial.isPublished()) {
            testimonial.moderate(TestimonialStatus.PUBLISHED, null, now());
            startShowing(testimonial);
        }
        return testimonial;
    }

    /** Declines, with a reason the author reads. */
    public Testimonial decline(long id, String reason) {
        return takeBack(id, TestimonialStatus.DECLINED, reason, "reason");
    }

    /** Asks the author for a change, saying what; the author's edit sends it back to review. */
    public Testimonial askForChange(long id, String note) {
        return takeBack(id, TestimonialStatus.CHANGE_REQUESTED, note, "note");
    }

    /** Features a published testimonial on the home page, or stops featuring it. */
    public Testimonial feature(long id, boolean featured) {
        Testimonial testimonial = get(id);
        if (featured && !testimonial.isPublished()) {
            throw new InvalidInputException("featured", Texts.get("testimonial.feature.notPublished"));
        }
        testimonial.feature(featured);
        return testimonial;
    }

    public List<Testimonial> inStatus(TestimonialStatus status) {
        return em.createNamedQuery("Testimonial.inStatus", Testimonial.class).setParameter("status", status).getResultList();
    }

    // ------------------------------------------------------------------ public

    public TestimonialPage published(int page, int size) {
        long total = em.createNamedQuery("Testimonial.countPublished", Long.class).getSingleResult();
        List<PublicTestimonial> items = em.createNamedQuery("Testimonial.published", Testimonial.class)
                .setFirstResult(Math.max(0, page) * size).setMaxResults(size).getResultStream()
                .map(PublicTestimonial::of).toList();
        return new TestimonialPage(items, Math.max(0, page), size, total);
    }

    public List<PublicTestimonial> featured(int limit) {
        return em.createNamedQuery("Testimonial.featured", Testimonial.class).setMaxResults(limit).getResultStream()
                .map(PublicTestimonial::of).toList();
    }

    /** The exact credit text a named choice would show for this member, or null when it cannot be made. */
    public String creditText(long authorId, Credit credit, String organization) {
        String name = directory.realName(authorId).orElse("");
        if (credit == Credit.ANONYMOUS || name.isBlank()
                || (credit == Credit.INITIALS && (organization == null || organization.isBlank()))) {
            return null;
        }
        return CreditWording.creditText(credit, name, organization);
    }

    // ------------------------------------------------------------------ inside

    private Testimonial takeBack(long id, TestimonialStatus status, String note, String field) {
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException(NOTE, Texts.get("testimonial.review." + field + ".required"));
        }
        if (text.length() > Testimonial.STAFF_NOTE_LENGTH) {
            throw new InvalidInputException(NOTE, Texts.get("testimonial.review.tooLong", Testimonial.STAFF_NOTE_LENGTH));
        }
        Testimonial testimonial = get(id);
        endShowing(testimonial);
        testimonial.moderate(status, text, now());
        return testimonial;
    }

    private Testimonial get(long id) {
        Testimonial testimonial = em.find(Testimonial.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (testimonial == null) {
            throw new NoSuchTestimonialException(id);
        }
        return testimonial;
    }

    private void applyCredit(Testimonial testimonial, Credit credit, String creditText, String via) {
        if (testimonial.credit() == credit && Objects.equals(testimonial.creditText(), creditText)) {
            return;
        }
        endShowing(testimonial);
        Long old = testimonial.consentId();
        testimonial.credit(Credit.ANONYMOUS, null, null, now());
        if (old != null) {
            consents.withdraw(testimonial.authorId(), old, via);
        }
        if (credit.isNamed()) {
            long consent = nameConsents.give(testimonial.authorId(), testimonial.id(), credit, creditText, via);
            testimonial.credit(credit, creditText, consent, now());
            startShowing(testimonial);
        }
    }

    /** Published with a name and no showing recorded: the disclosure to the public starts now. */
    private void startShowing(Testimonial testimonial) {
        if (!testimonial.isPublished() || !testimonial.credit().isNamed() || testimonial.disclosureEntryId() != null) {
            return;
        }
        Recipient everyone = new Recipient(RecipientKind.PUBLIC, subjectKey(testimonial),
                Texts.get("testimonial.ledger.recipient"));
        testimonial.disclosureEntry(disclosures.discloseLasting(Disclosure.of(everyone, testimonial.credit().fields(),
                Texts.get("testimonial.ledger.purpose", testimonial.creditText()), testimonial.authorId(),
                Basis.consent(testimonial.consentId()))));
    }

    private void endShowing(Testimonial testimonial) {
        if (testimonial.disclosureEntryId() != null) {
            disclosures.end(testimonial.disclosureEntryId());
            testimonial.disclosureEntry(null);
        }
    }

    private static String subjectKey(Testimonial testimonial) {
        return "testimonial:" + testimonial.id();
    }

    private record Checked(String body, Long webinarId, String about, String creditText) {
    }

    private Checked check(long authorId, TestimonialDraft draft) {
        Map<String, String> problems = new LinkedHashMap<>();
        String body = draft.body() == null ? "" : draft.body().strip();
        if (body.isEmpty()) {
            problems.put("body", Texts.get("testimonial.body.required"));
        } else if (body.length() > Testimonial.BODY_LENGTH) {
            problems.put("body", Texts.get("testimonial.body.tooLong", Testimonial.BODY_LENGTH, body.length()));
        }
        if (draft.rating() != null && (draft.rating() < 1 || draft.rating() > RATING_MAX)) {
            problems.put("rating", Texts.get("testimonial.rating.range", RATING_MAX));
        }
        String about = null;
        if (draft.webinarId() != null) {
            Optional<TestimonialSubjects.WebinarChoice> webinar = subjects.find(draft.webinarId());
            if (webinar.isEmpty()) {
                problems.put("about", Texts.get("testimonial.about.unknown"));
            } else {
                about = webinar.get().title();
            }
        }
        Credit credit = draft.credit() == null ? Credit.ANONYMOUS : draft.credit();
        String organization = draft.organization() == null ? "" : draft.organization().strip();
        if (credit == Credit.INITIALS) {
            if (organization.isEmpty()) {
                problems.put("organization", Texts.get("testimonial.organization.required"));
            } else if (organization.length() > ORGANIZATION_LENGTH) {
                problems.put("organization", Texts.get("testimonial.organization.tooLong", ORGANIZATION_LENGTH));
            }
        }
        String creditText = null;
        if (credit.isNamed() && problems.isEmpty()) {
            creditText = creditText(authorId, credit, organization);
            if (creditText == null) {
                problems.put("credit", Texts.get("testimonial.credit.noName"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new Checked(body, draft.webinarId(), about, creditText);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
