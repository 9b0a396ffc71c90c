package org.colloquy.privacy.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.mail.NotificationKind;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.privacy.Consent;
import org.colloquy.privacy.DisclosureService;
import org.colloquy.privacy.LedgerPage;
import org.colloquy.privacy.EmailChoices;
import org.colloquy.privacy.EmailPreferences;
import org.colloquy.privacy.PrivacyCentre;
import org.omnifaces.util.Faces;

/**
 * The privacy centre, {@code /account/privacy}: the member's consents in force with a withdrawal
 * that asks once (P-CONSENT-1), the history of every consent, email preferences (P-MARKETING-1) and
 * the cookies the portal sets (P-COOKIE-1), and who received the member's data: the disclosure
 * ledger, newest first, {@value #LEDGER_PAGE_SIZE} entries a page at {@code ?page=N} (1 the newest).
 *
 * <p>Withdrawing takes two steps without any state kept between them: the Withdraw button is a GET
 * form that opens the page with {@code ?withdraw=<id>}, which shows the question; the question's
 * form posts the id back as a plain field, so the confirming button exists again when the postback
 * is decoded. After it the page redirects to {@code ?withdrawn=<id>}, which says when it happened;
 * saving the email preferences likewise redirects to {@code ?emailSaved=1#email}.
 */
@Named
@RequestScoped
public class PrivacyCentreBacking {

    /** A policy document's version as its acceptance names it: {@code privacy/3}, {@code rules/2}. */
    private static final Pattern POLICY_VERSION = Pattern.compile("(privacy|rules)/(\\d+)");

    /** Consent subjects that have a page of their own where the member manages what the consent is for. */
    private static final Pattern SPONSOR_SHARING = Pattern.compile("sponsor:\\d+/event:(\\d+)");
    private static final Pattern TESTIMONIAL = Pattern.compile("testimonial:(\\d+)");
    private static final Pattern WORKGROUP = Pattern.compile("workgroup:(\\d+)");

    @Inject
    private PrivacyCentre centre;

    @Inject
    private EmailPreferences emailPreferences;

    @Inject
    private DisclosureService disclosures;

    static final int LEDGER_PAGE_SIZE = 20;

    private List<Consent> history = List.of();
    private List<Consent> live = List.of();
    private Consent asking;
    private Consent withdrawn;
    private LedgerPage ledger;
    private boolean marketing;
    private NotificationKind[] wanted = new NotificationKind[0];

    @PostConstruct
    void load() {
        loadConsents();
        asking = idParameter("withdraw").flatMap(centre::myConsent)
                .filter(Consent::isLive)
                .filter(c -> PrivacyCentre.isWithdrawableHere(c.purpose()))
                .orElse(null);
        withdrawn = idParameter("withdrawn").flatMap(centre::myConsent).filter(c -> !c.isLive()).orElse(null);
        int page = idParameter("page").filter(p -> p >= 1 && p <= Integer.MAX_VALUE).map(Long::intValue).orElse(1);
        ledger = disclosures.ledgerOfCaller(page - 1, LEDGER_PAGE_SIZE);
        if (ledger.isEmpty() && ledger.pages() > 0) {
            // A page past the end (the list is shorter than the link remembered): the last one.
            ledger = disclosures.ledgerOfCaller(ledger.pages() - 1, LEDGER_PAGE_SIZE);
        }
        EmailChoices choices = emailPreferences.mine();
        marketing = choices.marketing();
        wanted = Arrays.stream(NotificationKind.values()).filter(choices::wants).toArray(NotificationKind[]::new);
    }

    private void loadConsents() {
        history = centre.myConsents();
        live = history.stream().filter(Consent::isLive).toList();
    }

    private static Optional<Long> idParameter(String name) {
        String value = Faces.getRequestParameter(name);
        if (value == null || !value.matches("\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(value));
    }

    /** The confirmed withdrawal: the second step. */
    public String withdraw() {
        if (asking == null) {
            FormErrors.general("confirmWithdraw", Texts.get("privacyCentre.withdraw.gone"));
            return null;
        }
        Optional<Consent> done = centre.withdrawMine(asking.id());
        if (done.isEmpty()) {
            FormErrors.general("confirmWithdraw", Texts.get("privacyCentre.withdraw.gone"));
            return null;
        }
        Faces.redirect("account/privacy?withdrawn=%s#consents", done.get().id().toString());
        return null;
    }

    public String saveEmail() {
        Set<NotificationKind> optedOut = EnumSet.allOf(NotificationKind.class);
        Arrays.asList(wanted).forEach(optedOut::remove);
        emailPreferences.saveMine(marketing, optedOut, PrivacyCentre.VIA);
        // Back to the section, where the page says it is saved: the form is far down the page.
        Faces.redirect("account/privacy?emailSaved=1#email");
        return null;
    }

    // ------------------------------------------------------------------ what the page shows of a consent

    public boolean isWithdrawable(Consent consent) {
        return PrivacyCentre.isWithdrawableHere(consent.purpose());
    }

    /** A short name for the consent: "Sharing with Acme Ltd". */
    public String title(Consent consent) {
        return Texts.get("privacyCentre.purpose." + consent.purpose().name(), label(consent));
    }

    /** What the consent allows, in words: "Acme Ltd may receive your name and email address." */
    public String allows(Consent consent) {
        return Texts.get("privacyCentre.allows." + consent.purpose().name(), fieldsInWords(consent.fields()), label(consent));
    }

    /** The address of the document version a policy acceptance names, or null when the consent names none. */
    public String noticeHref(Consent consent) {
        Matcher matcher = POLICY_VERSION.matcher(consent.noticeVersion());
        return matcher.matches() ? Faces.getRequestContextPath() + "/" + matcher.group(1) + "/v/" + matcher.group(2) : null;
    }

    /**
     * Where the member manages what a consent is for, beyond withdrawing it here: the registration
     * (change what is shared or cancel it), the testimonial, the workgroup; null when there is no such page.
     */
    public String manageHref(Consent consent) {
        String subject = consent.subjectKey();
        if (subject == null) {
            return null;
        }
        Matcher m = SPONSOR_SHARING.matcher(subject);
        if (m.matches()) {
            return Faces.getRequestContextPath() + "/event-register?id=" + m.group(1);
        }
        m = TESTIMONIAL.matcher(subject);
        if (m.matches()) {
            return Faces.getRequestContextPath() + "/account/testimonial?id=" + m.group(1);
        }
        m = WORKGROUP.matcher(subject);
        if (m.matches()) {
            return Faces.getRequestContextPath() + "/workgroups/group?id=" + m.group(1);
        }
        return null;
    }

    /** The words of the link to {@link #manageHref(Consent)}. */
    public String manageLabel(Consent consent) {
        String subject = consent.subjectKey();
        return subject == null ? "" : Texts.get("privacyCentre.consent.manage." + subject.substring(0, subject.indexOf(':')));
    }

    private static String label(Consent consent) {
        return consent.subjectLabel() == null ? "" : consent.subjectLabel();
    }

    /** "name, email address and job title"; a field without a text of its own is shown by its name. */
    static String fieldsInWords(Set<String> fields) {
        List<String> words = new ArrayList<>();
        for (String field : fields) {
            String key = "privacyCentre.field." + field;
            String word;
            try {
                word = Texts.get(key);
            } catch (IllegalStateException e) {
                word = field.replace('_', ' ');
            }
            words.add(word);
        }
        if (words.isEmpty()) {
            return Texts.get("privacyCentre.field.none");
        }
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " " + Texts.get("privacyCentre.and") + " "
                + words.get(words.size() - 1);
    }

    // ------------------------------------------------------------------ properties

    public List<Consent> getHistory() {
        return history;
    }

    public List<Consent> getLive() {
        return live;
    }

    public Consent getAsking() {
        return asking;
    }

    public Consent getWithdrawn() {
        return withdrawn;
    }

    public LedgerPage getLedger() {
        return ledger;
    }

    /** The fields of a ledger entry in words: "name and email address". */
    public String inWords(Set<String> fields) {
        return fieldsInWords(fields);
    }

    public List<NotificationKind> getKinds() {
        return List.of(NotificationKind.values());
    }

    public boolean isMarketing() {
        return marketing;
    }

    public void setMarketing(boolean marketing) {
        this.marketing = marketing;
    }

    public NotificationKind[] getWanted() {
        return wanted;
    }

    public void setWanted(NotificationKind[] wanted) {
        this.wanted = wanted == null ? new NotificationKind[0] : wanted;
    }
}
