package org.colloquy.account.security;

import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.transaction.Transactional;

import org.colloquy.account.Member;
import org.colloquy.account.MemberRepository;
import org.colloquy.account.PasswordHasher;
import org.colloquy.account.Role;
import org.colloquy.platform.security.MemberPrincipal;

/**
 * Checks a username-or-email and password against the members' password hashes. An unknown
 * login costs the same hashing work as a known one, so the answer's timing does not tell whether
 * an account exists; a hash made with weaker parameters than today's is replaced on success.
 */
@ApplicationScoped
public class MemberIdentityStore implements IdentityStore {

    @Inject
    private MemberRepository members;

    @Inject
    private PasswordHasher hasher;

    @Override
    @Transactional
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        char[] password = login.getPassword().getValue();
        Member member = members.findByLogin(login.getCaller().strip()).orElse(null);
        if (member == null) {
            hasher.verifyDummy(password);
            return CredentialValidationResult.INVALID_RESULT;
        }
        if (!member.checkPassword(password, hasher)) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Set<String> groups = member.roles().stream().map(Role::name).collect(Collectors.toSet());
        return new CredentialValidationResult(new MemberPrincipal(member.id(), member.username()), groups);
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }
}
