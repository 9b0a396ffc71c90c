package org.colloquy.sponsor;

import java.awt.image.BufferedImage;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.colloquy.account.MemberDirectory;
import org.colloquy.event.EventRefusedException;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.image.UploadedImages;
import org.colloquy.platform.security.Caller;
import org.colloquy.platform.validation.InvalidInputException;

/**
 * Sponsors and their contacts. Event managers (and administrators) create sponsors and name their
 * contacts by username, and upload logos (PNG or JPEG, drawn anew as a PNG by {@link UploadedImages});
 * anyone may read a sponsor's public side (name, description, logo).
 */
@Stateless
public class SponsorService {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Caller caller;

    @Inject
    private MemberDirectory directory;

    /** The widest and highest a logo is stored and shown, in pixels; a larger upload is scaled down to fit. */
    public static final int LOGO_WIDTH = 320;
    public static final int LOGO_HEIGHT = 160;
    /** The largest logo upload accepted. */
    public static final int LOGO_MAX_BYTES = 1024 * 1024;
    /** The form field a refused logo is shown beside. */
    public static final String LOGO_FIELD = "logo";

    /**
     * The public side of a sponsor.
     *
     * @param logoVersion changes with each new logo; empty while there is none
     */
    public record SponsorView(long id, String name, String description, Long logoVersion) {

        /** Where its logo is served, e.g. {@code /sponsor-logo/7?v=2}, cacheable for good; empty without a logo. */
        public String logoPath() {
            return logoVersion == null ? null : "/sponsor-logo/" + id + "?v=" + logoVersion;
        }
    }

    public List<SponsorView> all() {
        return em.createNamedQuery("Sponsor.all", Sponsor.class).getResultList().stream().map(SponsorService::view).toList();
    }

    public Optional<SponsorView> find(long id) {
        return Optional.ofNullable(em.find(Sponsor.class, id)).map(SponsorService::view);
    }

    /** These sponsors by id, in the order asked; ids of no sponsor are left out. */
    public List<SponsorView> byIds(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, SponsorView> found = new HashMap<>();
        em.createNamedQuery("Sponsor.byIds", Sponsor.class).setParameter("ids", ids).getResultList()
                .forEach(s -> found.put(s.id(), view(s)));
        return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Creates a sponsor, with a logo when {@code logoUpload} holds one; for event managers. A
     * refused logo refuses the whole sponsor, so the manager corrects the file and sends both again.
     *
     * @param logoUpload the uploaded file, empty for no logo
     */
    public SponsorView create(String name, String description, byte[] logoUpload) {
        requireManager();
        Sponsor sponsor = createUnchecked(name, description);
        if (logoUpload != null && logoUpload.length > 0) {
            setLogoUnchecked(sponsor.id(), logoUpload);
        }
        return view(sponsor);
    }

    /**
     * Replaces a sponsor's logo with one drawn from this upload; for event managers.
     *
     * @throws InvalidInputException on {@value #LOGO_FIELD}: empty, over 1 MB, SVG, or not a JPEG, PNG or WebP
     */
    public SponsorView changeLogo(long sponsorId, byte[] upload) {
        requireManager();
        return view(setLogoUnchecked(sponsorId, upload));
    }

    /** Demo content and tests: a logo without a signed-in event manager; see {@link #changeLogo}. */
    public Sponsor setLogoUnchecked(long sponsorId, byte[] upload) {
        Sponsor sponsor = em.find(Sponsor.class, sponsorId);
        if (sponsor == null) {
            throw new EventRefusedException(Texts.get("sponsor.notFound"));
        }
        BufferedImage logo = UploadedImages.fit(UploadedImages.decode(upload, LOGO_MAX_BYTES, LOGO_FIELD, "sponsor.logo"),
                LOGO_WIDTH, LOGO_HEIGHT);
        SponsorLogo stored = em.find(SponsorLogo.class, sponsorId);
        if (stored == null) {
            stored = new SponsorLogo(sponsorId);
            stored.replace(UploadedImages.png(logo), logo.getWidth(), logo.getHeight(), now());
            em.persist(stored);
        } else {
            stored.replace(UploadedImages.png(logo), logo.getWidth(), logo.getHeight(), now());
        }
        sponsor.logoChanged();
        return sponsor;
    }

    /** A sponsor's logo as PNG, public like its name; empty when it has none or no such sponsor exists. */
    public Optional<byte[]> logo(long sponsorId) {
        return Optional.ofNullable(em.find(SponsorLogo.class, sponsorId)).map(SponsorLogo::png);
    }

    /** Makes the member with this username a contact of this sponsor (of this one only); for event managers. */
    public void addContact(long sponsorId, String username) {
        requireManager();
        long memberId = directory.idOf(username == null ? "" : username.strip())
                .orElseThrow(() -> new InvalidInputException("username", Texts.get("sponsor.contact.unknown", username)));
        addContactUnchecked(sponsorId, memberId);
    }

    /** A member deleting their account (P-ACCOUNT-2) no longer acts for any sponsor. */
    public void removeContactEverywhere(long memberId) {
        em.createQuery("DELETE FROM SponsorContact c WHERE c.memberId = :member").setParameter("member", memberId).executeUpdate();
    }

    /** The members who act for this sponsor. */
    public List<Long> contactsOf(long sponsorId) {
        return em.createNamedQuery("SponsorContact.membersOf", Long.class).setParameter("sponsor", sponsorId).getResultList();
    }

    /** The sponsors this member acts for (usually none, sometimes one). */
    public List<Long> sponsorsOf(long memberId) {
        return em.createNamedQuery("SponsorContact.sponsorsOf", Long.class).setParameter("member", memberId).getResultList();
    }

    public boolean isContact(long memberId, long sponsorId) {
        return em.createNamedQuery("SponsorContact.count", Long.class).setParameter("sponsor", sponsorId)
                .setParameter("member", memberId).getSingleResult() > 0;
    }

    /** Whether the signed-in member acts for any sponsor, for the navigation. */
    public boolean callerIsContact() {
        return caller.memberId().map(id -> !sponsorsOf(id).isEmpty()).orElse(false);
    }

    // Demo content and tests build sponsors without a signed-in event manager.
    public Sponsor createUnchecked(String name, String description) {
        if (name == null || name.isBlank() || name.strip().length() > Sponsor.NAME_LENGTH) {
            throw new InvalidInputException("name", Texts.get("sponsor.name.invalid", Sponsor.NAME_LENGTH));
        }
        if (description != null && description.strip().length() > Sponsor.DESCRIPTION_LENGTH) {
            throw new InvalidInputException("description", Texts.get("sponsor.description.tooLong", Sponsor.DESCRIPTION_LENGTH));
        }
        Sponsor sponsor = new Sponsor(name, description, now());
        em.persist(sponsor);
        em.flush();
        return sponsor;
    }

    public void addContactUnchecked(long sponsorId, long memberId) {
        if (em.find(Sponsor.class, sponsorId) == null) {
            throw new EventRefusedException(Texts.get("sponsor.notFound"));
        }
        if (!isContact(memberId, sponsorId)) {
            em.persist(new SponsorContact(sponsorId, memberId, now()));
        }
    }

    private void requireManager() {
        if (!(caller.isInRole("EVENT_MANAGER") || caller.isInRole("ADMIN"))) {
            throw new EventRefusedException(Texts.get("event.refused.notManager"));
        }
    }

    static SponsorView view(Sponsor s) {
        return new SponsorView(s.id(), s.name(), s.description(), s.logoVersion());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
