package org.colloquy.sponsor.web;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.Part;

import org.colloquy.event.EventRefusedException;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.image.UploadedImages;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.sponsor.SponsorService;
import org.colloquy.sponsor.SponsorService.SponsorView;

/**
 * Sponsors, their logos and their contacts, {@code /manage/sponsors}, for event managers. A logo is
 * a PNG or JPEG of at most 1 MB, uploaded with a new sponsor or later for an existing one; a refused
 * file is named beside its field.
 */
@Named
@RequestScoped
public class ManageSponsorsBacking {

    @Inject
    private SponsorService sponsors;

    private List<SponsorView> all;
    private String name;
    private String description;
    private Part logo;
    private String logoSponsorId;
    private Part newLogo;
    private String sponsorId;
    private String contact;

    @PostConstruct
    void load() {
        all = sponsors.all();
    }

    public void create() {
        try {
            SponsorView created = sponsors.create(name, description, logoBytes(logo));
            FormErrors.done("sponsor", Texts.get("sponsor.manage.created", created.name()));
            name = description = null;
            all = sponsors.all();
        } catch (InvalidInputException e) {
            FormErrors.show("sponsor", e.problems());
        } catch (EventRefusedException e) {
            FormErrors.general("sponsor", e.getMessage());
        }
    }

    /** Replaces the logo of the chosen sponsor. */
    public void changeLogo() {
        try {
            byte[] upload = logoBytes(newLogo);
            if (upload.length == 0) {
                throw new InvalidInputException(SponsorService.LOGO_FIELD, Texts.get("sponsor.logo.empty"));
            }
            SponsorView changed = sponsors.changeLogo(Long.parseLong(logoSponsorId), upload);
            FormErrors.done("logoForm", Texts.get("sponsor.manage.logoChanged", changed.name()));
            all = sponsors.all();
        } catch (NumberFormatException e) {
            FormErrors.show("logoForm", java.util.Map.of("logoSponsor", Texts.get("sponsor.manage.choose")));
        } catch (InvalidInputException e) {
            FormErrors.show("logoForm", e.problems());
        } catch (EventRefusedException e) {
            FormErrors.general("logoForm", e.getMessage());
        }
    }

    private static byte[] logoBytes(Part file) {
        return UploadedImages.read(file, SponsorService.LOGO_MAX_BYTES, SponsorService.LOGO_FIELD, "sponsor.logo");
    }

    public void addContact() {
        try {
            sponsors.addContact(Long.parseLong(sponsorId), contact);
            FormErrors.done("contact", Texts.get("sponsor.manage.contactAdded", contact));
            contact = null;
        } catch (NumberFormatException e) {
            FormErrors.show("contact", java.util.Map.of("sponsorChoice", Texts.get("sponsor.manage.choose")));
        } catch (InvalidInputException e) {
            FormErrors.show("contact", e.problems());
        } catch (EventRefusedException e) {
            FormErrors.general("contact", e.getMessage());
        }
    }

    public List<SponsorView> getAll() { return all; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public Part getLogo() { return logo; }
    public void setLogo(Part logo) { this.logo = logo; }
    public String getLogoSponsorId() { return logoSponsorId; }
    public void setLogoSponsorId(String logoSponsorId) { this.logoSponsorId = logoSponsorId; }
    public Part getNewLogo() { return newLogo; }
    public void setNewLogo(Part newLogo) { this.newLogo = newLogo; }
    public String getSponsorId() { return sponsorId; }
    public void setSponsorId(String sponsorId) { this.sponsorId = sponsorId; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
}
