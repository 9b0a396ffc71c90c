package org.colloquy.workgroup;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;

import org.colloquy.account.DemoAccounts;
import org.colloquy.profile.ProfileDemoContent;
import org.junit.jupiter.api.Test;

/** The demo workgroup is made of demo accounts and seeded after the accounts and profiles it uses. */
class WorkgroupDemoContentTest {

    @Test
    void theDemoWorkgroupUsesDemoAccountsAndComesAfterThem() {
        Set<String> demoMembers = DemoAccounts.ACCOUNTS.stream().map(DemoAccounts.DemoAccount::username).collect(Collectors.toSet());
        assertTrue(demoMembers.contains("ada"), "the chair");
        assertTrue(demoMembers.containsAll(WorkgroupDemoContent.PARTICIPANTS), WorkgroupDemoContent.PARTICIPANTS.toString());
        assertTrue(new WorkgroupDemoContent().order() > new DemoAccounts().order());
        assertTrue(new WorkgroupDemoContent().order() > new ProfileDemoContent().order());
    }
}
