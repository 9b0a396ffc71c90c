package org.colloquy.workgroup;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Releases each planned release on its date when no chair has done it (P-RELEASE-1): every hour,
 * on every node, each due release is released in a transaction of its own through
 * {@link Workgroups#releaseOnItsDate}, which locks the row and reads its state after the lock, so a
 * release happens once however many nodes run this at the same time.
 * {@code colloquy.workgroup.release-day.enabled=false} stops the hourly run on a node (the test
 * portals do, so that the job releases nothing a test did not ask for); {@link #releaseDue} still
 * works when called.
 */
@Stateless
public class ReleaseDay {

    private static final Logger LOG = Logger.getLogger(ReleaseDay.class.getName());

    @Inject
    Workgroups workgroups;

    @Inject
    @ConfigProperty(name = "colloquy.workgroup.release-day.enabled", defaultValue = "true")
    boolean enabled;

    @Schedule(minute = "2", hour = "*", persistent = false)
    void hourly() {
        if (enabled) {
            releaseDue(LocalDate.now(ZoneOffset.UTC));
        }
    }

    /**
     * Releases every planned release whose date is {@code today} or earlier; one that fails is
     * logged and tried again at the next run, and does not hold back the others.
     *
     * @return how many this call released
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int releaseDue(LocalDate today) {
        int released = 0;
        for (long id : workgroups.dueReleases(today)) {
            try {
                if (workgroups.releaseOnItsDate(id, today)) {
                    released++;
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Release " + id + " could not be released on its date; tried again in an hour", e);
            }
        }
        if (released > 0) {
            int count = released;
            LOG.info(() -> count + " workgroup release(s) released on their planned date");
        }
        return released;
    }
}
