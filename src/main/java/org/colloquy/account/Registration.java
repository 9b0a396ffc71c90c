package org.colloquy.account;

/**
 * What the registration form sends: the four things an account needs (promise P-PROFILE-2), the
 * two answers of the age check (promise P-CHILD-1), which are checked and never stored, and the
 * version of the privacy policy the form showed (null when none was published), which joining
 * accepts.
 */
public record Registration(String name, String username, String email, char[] password,
                           String countryCode, AgeBand age, Integer privacyPolicyVersion) {
}
