package org.colloquy.organization;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The domains an organization may claim (P-CORP-1): host names only, and never a public provider. */
class DomainsTest {

    @Test
    void theDomainOfAnAddressIsItsHostInLowerCase() {
        assertEquals(Optional.of("example.com"), Domains.ofAddress(" IT@Example.COM "));
        assertEquals(Optional.of("mail.example.co.uk"), Domains.ofAddress("hr@mail.example.co.uk"));
        assertEquals(Optional.of("example.com"), Domains.normalize("example.com."));
    }

    @Test
    void whatIsNotAnAddressOrAHostHasNoDomain() {
        for (String bad : new String[] {null, "", "it", "it@", "@example.com", "a@b@example.com", "it@localhost", "it@exa mple.com",
                "it@-example.com", "it@example..com", "it@exa%mple.com", "it@exa_mple.com", "it@example.c0m"}) {
            assertEquals(Optional.empty(), Domains.ofAddress(bad), String.valueOf(bad));
        }
    }

    @Test
    void publicProvidersAreKnown() {
        assertTrue(Domains.isPublicProvider("gmail.com"));
        assertTrue(Domains.isPublicProvider("outlook.com"));
        assertTrue(Domains.isPublicProvider("yahoo.com"));
        assertFalse(Domains.isPublicProvider("example.com"));
        assertFalse(Domains.isPublicProvider("gmail.example.com"), "a subdomain of another organization is not the provider");
    }
}
