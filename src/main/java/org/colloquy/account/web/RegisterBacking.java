package org.colloquy.account.web;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.account.AccountService;
import org.colloquy.account.AgeBand;
import org.colloquy.account.AgeGate;
import org.colloquy.account.Registration;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.throttle.TooManyAttemptsException;
import org.colloquy.platform.throttle.web.TooManyAttempts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.ClientAddresses;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.policy.PolicyChangedException;
import org.colloquy.policy.PolicyKind;
import org.colloquy.policy.PolicyService;
import org.colloquy.policy.PolicyVersion;
import org.colloquy.policy.RegistrationAcceptance;
import org.omnifaces.util.Faces;

/**
 * The registration form: name, username, email and password (promise P-PROFILE-2), plus the
 * country and age band of the age check (promise P-CHILD-1). Someone under the minimum age is
 * sent to a page that says so, and their HTTP session, with anything they typed, is discarded.
 * The form states the privacy policy version in effect and sends its number back; joining accepts
 * that version, and a form that showed an older one is refused with the new one in its place.
 */
@Named
@RequestScoped
public class RegisterBacking {

    @Inject
    private AccountService accounts;

    @Inject
    private ClientAddresses addresses;

    @Inject
    private HttpServletRequest request;

    @Inject
    private PolicyService policies;

    /** The privacy policy in effect as this request began, or null when none is. */
    private PolicyVersion privacyPolicy;
    /** The version the form showed: rendered from {@link #privacyPolicy}, posted back by the form. */
    private Integer privacyPolicyVersion;

    private String name;
    private String username;
    private String email;
    private String password;
    private String country;
    private AgeBand age;

    @PostConstruct
    void readPrivacyPolicy() {
        privacyPolicy = policies.current(PolicyKind.PRIVACY_POLICY).orElse(null);
        privacyPolicyVersion = privacyPolicy == null ? null : privacyPolicy.number();
    }

    public String register() {
        if (!AgeGate.allows(country, age)) {
            int minimum = AgeGate.minimumAge(country);
            clear();
            Faces.invalidateSession();
            Faces.redirect(Faces.getRequestContextPath() + "/register-refused?age=" + minimum);
            return null;
        }
        try {
            accounts.register(new Registration(name, username, email, password.toCharArray(), country, age, privacyPolicyVersion),
                    addresses.of(request));
        } catch (InvalidInputException e) {
            FormErrors.show("register", e.problems());
            // Ask again with the version in effect now.
            privacyPolicyVersion = privacyPolicy == null ? null : privacyPolicy.number();
            return null;
        } catch (PolicyChangedException e) {
            readPrivacyPolicy();
            FormErrors.show("register", java.util.Map.of(RegistrationAcceptance.FIELD,
                    Texts.get("policy.register.changed", privacyPolicyVersion)));
            return null;
        } catch (TooManyAttemptsException e) {
            TooManyAttempts.respond(e.retryAfter());
            return null;
        }
        clear();
        Faces.redirect(Faces.getRequestContextPath() + "/register-done");
        return null;
    }

    private void clear() {
        name = username = email = password = country = null;
        age = null;
    }

    public PolicyVersion getPrivacyPolicy() {
        return privacyPolicy;
    }

    public Integer getPrivacyPolicyVersion() {
        return privacyPolicyVersion;
    }

    public void setPrivacyPolicyVersion(Integer privacyPolicyVersion) {
        this.privacyPolicyVersion = privacyPolicyVersion;
    }

    public List<AgeGate.Country> getCountries() {
        return AgeGate.countries(Texts.SITE_LOCALE);
    }

    public AgeBand[] getAgeBands() {
        return AgeBand.values();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public AgeBand getAge() {
        return age;
    }

    public void setAge(AgeBand age) {
        this.age = age;
    }
}
