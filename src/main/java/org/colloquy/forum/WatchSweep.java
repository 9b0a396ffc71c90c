package org.colloquy.forum;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Runs {@link WatchNotifier} every {@code colloquy.forum.watch-interval-minutes} (default 10), so a
 * busy topic sends each watcher one mail per interval. Every node may run it: each watch is claimed
 * by a conditional update before its mail is queued ({@link WatchNotifier#mailWatcher}).
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WatchSweep {

    private static final Logger LOG = Logger.getLogger(WatchSweep.class.getName());

    @Inject
    @ConfigProperty(name = "colloquy.forum.watch-interval-minutes", defaultValue = "10")
    long intervalMinutes;

    @Inject
    WatchNotifier notifier;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private ScheduledFuture<?> schedule;

    @PostConstruct
    void start() {
        long minutes = Math.max(1, intervalMinutes);
        schedule = scheduler.scheduleWithFixedDelay(this::sweepLogged, minutes, minutes, TimeUnit.MINUTES);
    }

    @PreDestroy
    void stop() {
        if (schedule != null) {
            schedule.cancel(false);
        }
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Mailing forum watchers failed; trying again next interval", e);
        }
    }

    /** One sweep now (the schedule's, and tests'): @return the mails queued */
    public int sweep() {
        int mails = 0;
        for (long watch : notifier.due()) {
            try {
                mails += notifier.mailWatcher(watch);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Mailing the watcher of forum watch " + watch + " failed; it is tried next sweep", e);
            }
        }
        return mails;
    }
}
