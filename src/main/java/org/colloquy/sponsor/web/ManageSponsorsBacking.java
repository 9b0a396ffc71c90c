package org.colloquy.sponsor.web;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.event.EventRefusedException;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.sponsor.SponsorService;
import org.colloquy.sponsor.SponsorService.SponsorView;

/** Sponsors and their contacts, {@code /manage/sponsors}, for event managers. */
@Named
@RequestScoped
public class ManageSponsorsBacking {

    @Inject
    private SponsorService sponsors;

    private List<SponsorView> all;
    private String name;
    private String description;
    private String logoUrl;
    private String sponsorId;
    private String contact;

    @PostConstruct
    void load() {
        all = sponsors.all();
    }

    public void create() {
        try {
            SponsorView created = sponsors.create(name, description, logoUrl);
            FormErrors.done("sponsor", Texts.get("sponsor.manage.created", created.name()));
            name = description = logoUrl = null;
            all = sponsors.all();
        } catch (InvalidInputException e) {
            FormErrors.show("sponsor", e.problems());
        } catch (EventRefusedException e) {
            FormErrors.general("sponsor", e.getMessage());
        }
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
    public String getLogoUrl() { return logoUrl; }
    public void setLogoUrl(String logoUrl) { this.logoUrl = logoUrl; }
    public String getSponsorId() { return sponsorId; }
    public void setSponsorId(String sponsorId) { this.sponsorId = sponsorId; }
    public String getContact() { return contact; }
    public void setContact(String contact) { this.contact = contact; }
}
