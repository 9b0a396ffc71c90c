package org.colloquy.organization;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.demo.DemoContent;

/**
 * Demo organizations (P-CORP-1): "Demo Community Partners", administered by sam, whose domain
 * {@code demo.colloquy.test} ada verified 20 days ago, so the notice period has passed and sam's
 * {@code /organization} shows the demo members; and "Northwind Traders", administered by morgan,
 * whose claim of {@code northwind.example} waits for its mailed link. Left out when the accounts
 * were not seeded.
 */
@ApplicationScoped
public class OrganizationDemoContent implements DemoContent {

    @Inject
    private OrganizationDesk desk;

    @Inject
    private MemberDirectory directory;

    @Override
    public String name() {
        return "organizations";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void seed() {
        Optional<Long> ada = directory.idOf("ada");
        if (ada.isEmpty()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        directory.idOf("sam").ifPresent(sam -> {
            Organization partners = desk.register(ada.get(), "Demo Community Partners", "sam");
            desk.verifyDirectly(ada.get(), partners.id(), "demo.colloquy.test",
                    "Demo content: the domain of every demo account", now.minusDays(20));
        });
        directory.idOf("morgan").ifPresent(morgan -> {
            Organization northwind = desk.register(ada.get(), "Northwind Traders", "morgan");
            desk.claimByMail(morgan, northwind.id(), "it@northwind.example", now);
        });
    }
}
