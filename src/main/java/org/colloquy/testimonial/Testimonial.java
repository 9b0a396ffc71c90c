package org.colloquy.testimonial;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A member's testimonial: the words, an optional rating and subject, its moderation status, and its
 * credit. Invariant: a named credit always carries the text it shows and the consent it rests on;
 * when that consent goes the credit is anonymous again (see {@link TestimonialWriter}).
 */
@Entity
@Table(name = "testimonial")
@NamedQuery(name = "Testimonial.ofAuthor",
        query = "SELECT t FROM Testimonial t WHERE t.authorId = :author ORDER BY t.createdAt DESC, t.id DESC")
@NamedQuery(name = "Testimonial.byConsent",
        query = "SELECT t FROM Testimonial t WHERE t.consentId = :consent")
@NamedQuery(name = "Testimonial.published",
        query = "SELECT t FROM Testimonial t WHERE t.status = org.colloquy.testimonial.TestimonialStatus.PUBLISHED"
                + " ORDER BY t.publishedAt DESC, t.id DESC")
@NamedQuery(name = "Testimonial.countPublished",
        query = "SELECT COUNT(t) FROM Testimonial t WHERE t.status = org.colloquy.testimonial.TestimonialStatus.PUBLISHED")
@NamedQuery(name = "Testimonial.featured",
        query = "SELECT t FROM Testimonial t WHERE t.status = org.colloquy.testimonial.TestimonialStatus.PUBLISHED"
                + " AND t.featured = TRUE ORDER BY t.publishedAt DESC, t.id DESC")
@NamedQuery(name = "Testimonial.inStatus",
        query = "SELECT t FROM Testimonial t WHERE t.status = :status ORDER BY t.updatedAt, t.id")
public class Testimonial {

    public static final int BODY_LENGTH = 2000;
    public static final int ABOUT_LENGTH = 200;
    public static final int CREDIT_TEXT_LENGTH = 300;
    public static final int STAFF_NOTE_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "author_id", nullable = false, updatable = false)
    private Long authorId;

    @Column(name = "body", length = BODY_LENGTH, nullable = false)
    private String body;

    @Column(name = "rating")
    private Integer rating;

    @Column(name = "about", length = ABOUT_LENGTH)
    private String about;

    @Column(name = "webinar_id")
    private Long webinarId;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", length = 20, nullable = false)
    private TestimonialStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "credit", length = 20, nullable = false)
    private Credit credit;

    @Column(name = "credit_text", length = CREDIT_TEXT_LENGTH)
    private String creditText;

    @Column(name = "consent_id")
    private Long consentId;

    @Column(name = "disclosure_entry_id")
    private Long disclosureEntryId;

    @Column(name = "staff_note", length = STAFF_NOTE_LENGTH)
    private String staffNote;

    @Column(name = "featured", nullable = false)
    private boolean featured;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Testimonial() {
        // for JPA
    }

    Testimonial(long authorId, String body, Integer rating, Long webinarId, String about, OffsetDateTime now) {
        this.authorId = authorId;
        this.body = Objects.requireNonNull(body);
        this.rating = rating;
        this.webinarId = webinarId;
        this.about = about;
        this.status = TestimonialStatus.AWAITING_REVIEW;
        this.credit = Credit.ANONYMOUS;
        this.createdAt = Objects.requireNonNull(now);
        this.updatedAt = now;
    }

    void rewrite(String body, Integer rating, Long webinarId, String about, OffsetDateTime now) {
        this.body = Objects.requireNonNull(body);
        this.rating = rating;
        this.webinarId = webinarId;
        this.about = about;
        this.status = TestimonialStatus.AWAITING_REVIEW;
        this.featured = false;
        this.staffNote = null;
        this.updatedAt = now;
    }

    void credit(Credit credit, String creditText, Long consentId, OffsetDateTime now) {
        if (credit.isNamed() != (creditText != null && consentId != null)) {
            throw new IllegalArgumentException("A named credit has its text and consent; anonymous has neither");
        }
        this.credit = credit;
        this.creditText = creditText;
        this.consentId = consentId;
        this.updatedAt = now;
    }

    void moderate(TestimonialStatus status, String staffNote, OffsetDateTime now) {
        this.status = status;
        this.staffNote = staffNote;
        this.updatedAt = now;
        if (status == TestimonialStatus.PUBLISHED) {
            this.publishedAt = now;
        } else {
            this.featured = false;
        }
    }

    void feature(boolean featured) {
        this.featured = featured;
    }

    void disclosureEntry(Long entryId) {
        this.disclosureEntryId = entryId;
    }

    public Long id() {
        return id;
    }

    public long authorId() {
        return authorId;
    }

    public String body() {
        return body;
    }

    public Integer rating() {
        return rating;
    }

    /** The webinar it is about, or null: the community in general (or, for early testimonials, {@link #about()} alone). */
    public Long webinarId() {
        return webinarId;
    }

    /** What it is about as its credit line shows it: the webinar's title when written, or null. */
    public String about() {
        return about;
    }

    public TestimonialStatus status() {
        return status;
    }

    public Credit credit() {
        return credit;
    }

    /** The credit exactly as consented ("Ada Lovelace", "A. L., Analytical Engines"), null when anonymous. */
    public String creditText() {
        return creditText;
    }

    public Long consentId() {
        return consentId;
    }

    /** The ledger entry that started the current public showing with a name, null when none is running. */
    public Long disclosureEntryId() {
        return disclosureEntryId;
    }

    /** The decline reason or the change asked for, as the author reads it. */
    public String staffNote() {
        return staffNote;
    }

    public boolean isFeatured() {
        return featured;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public OffsetDateTime publishedAt() {
        return publishedAt;
    }

    public boolean isPublished() {
        return status == TestimonialStatus.PUBLISHED;
    }

    @Override
    public String toString() {
        return "Testimonial[" + id + " by " + authorId + " " + status + " " + credit + "]";
    }
}
