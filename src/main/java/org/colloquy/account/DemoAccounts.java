package org.colloquy.account;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.platform.demo.DemoContent;

/**
 * One demo account per role, verified, with the passwords the README's demo section lists. Seeded
 * only in demo mode ({@code colloquy.demo=true}); these passwords exist nowhere else.
 */
@ApplicationScoped
public class DemoAccounts implements DemoContent {

    /** A demo account as the README lists it. */
    public record DemoAccount(String username, String name, Role role, String password) {

        public String email() {
            return username + "@demo.colloquy.test";
        }
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("ada", "Ada Administrator", Role.ADMIN, "demo-ada-harbor-violet"),
            new DemoAccount("morgan", "Morgan Moderator", Role.MODERATOR, "demo-morgan-harbor-violet"),
            new DemoAccount("evelyn", "Evelyn Events", Role.EVENT_MANAGER, "demo-evelyn-harbor-violet"),
            new DemoAccount("priya", "Priya Privacy", Role.PRIVACY_OFFICER, "demo-priya-harbor-violet"),
            new DemoAccount("sam", "Sam Member", Role.MEMBER, "demo-sam-harbor-violet"));

    @Inject
    private MemberRepository members;

    @Inject
    private PasswordHasher hasher;

    @Override
    public String name() {
        return "accounts";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void seed() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (DemoAccount account : ACCOUNTS) {
            Member member = new Member(account.name(), account.username(), account.email(),
                    hasher.hash(account.password().toCharArray()), now);
            member.markEmailVerified(now);
            member.grant(account.role());
            members.add(member);
            if (account.role() != Role.MEMBER) {
                members.em().flush();
                members.add(new StaffAction(null, member.id(), StaffAction.Kind.GRANT_ROLE, account.role().name(),
                        "Demo account", now));
            }
        }
    }
}
