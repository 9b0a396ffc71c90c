package org.colloquy.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

/** Applies {@code COLLOQUY_ADMIN_EMAIL} once the schema is migrated, in a transaction of its own. */
@Startup
@Singleton
@DependsOn("DatabaseMigrator")
public class FirstAdministratorAtStartup {

    @Inject
    private FirstAdministrator firstAdministrator;

    @PostConstruct
    void grant() {
        firstAdministrator.grantToExistingAccount();
    }
}
