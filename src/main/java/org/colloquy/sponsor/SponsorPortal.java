package org.colloquy.sponsor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.colloquy.event.EventService;
import org.colloquy.event.SponsorSharing;
import org.colloquy.event.Webinar;
import org.colloquy.event.WebinarRegistration;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.security.Caller;
import org.colloquy.privacy.DisclosureRefusedException;
import org.colloquy.privacy.Recipient;
import org.colloquy.sponsor.SponsorService.SponsorView;

/**
 * The sponsor portal: for a contact of a sponsor, the webinars it sponsors, the consented attendee
 * list of each (P-SPONSOR-2) and its CSV export. Every view and every export is a disclosure
 * through {@link AttendeeReader}, batch by batch, each batch its own transaction, so the ledger
 * records exactly the rows that left and a long export holds no lock for long. A contact of one
 * sponsor is refused everything of another sponsor and of webinars their sponsor does not sponsor.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SponsorPortal {

    /** Registrations read per batch (and per transaction). */
    static final int BATCH = 500;

    /** Batches read at once: one in the database while this node builds the other. */
    static final int IN_FLIGHT = 2;

    /** Refusals of one batch retried at most this often before the export stops. */
    private static final int RETRIES = 20;

    public static final List<String> COLUMNS = List.of("email", "name", "job_title", "organization", "consent_given_at");

    @Inject
    private Caller caller;

    @Inject
    private SponsorService sponsors;

    @Inject
    private EventService events;

    @Inject
    private AttendeeReader reader;

    @Resource
    private ManagedExecutorService executor;

    /** A webinar as the portal lists it. */
    public record SponsoredWebinar(long id, String title, OffsetDateTime startsAt, boolean cancelled, long registrations) {
    }

    /** One sponsor the contact acts for, with its webinars. */
    public record SponsorDesk(SponsorView sponsor, List<SponsoredWebinar> webinars) {
    }

    /** A view of the attendee list: consenting rows, and only the number of those who did not consent. */
    public record AttendeeList(SponsorView sponsor, Webinar webinar, List<AttendeeRow> rows, long notConsenting) {
    }

    public List<SponsorDesk> deskOfCaller() {
        return desk(caller.requireMemberId());
    }

    public List<SponsorDesk> desk(long contactId) {
        List<SponsorDesk> desks = new ArrayList<>();
        for (SponsorView sponsor : sponsors.byIds(sponsors.sponsorsOf(contactId))) {
            desks.add(new SponsorDesk(sponsor, events.sponsoredBy(sponsor.id()).stream()
                    .map(w -> new SponsoredWebinar(w.id(), w.title(), w.startsAt(), w.isCancelled(), events.countRegistrations(w.id())))
                    .toList()));
        }
        return desks;
    }

    public AttendeeList attendeesAsCaller(long webinarId, long sponsorId) {
        return attendees(caller.requireMemberId(), webinarId, sponsorId);
    }

    /** The consented attendee list as this contact views it; the view is recorded in each member's ledger. */
    public AttendeeList attendees(long contactId, long webinarId, long sponsorId) {
        Access access = authorize(contactId, webinarId, sponsorId);
        List<AttendeeRow> rows = new ArrayList<>();
        long notConsenting = stream(access, Texts.get("sponsor.purpose.view", access.webinar.title()), rows::add);
        return new AttendeeList(access.sponsor, access.webinar, rows, notConsenting);
    }

    public void exportAsCaller(long webinarId, long sponsorId, Appendable out) {
        export(caller.requireMemberId(), webinarId, sponsorId, out);
    }

    /**
     * Writes the consented attendee list as CSV to {@code out}, batch by batch: a header naming the
     * event, the sponsor, the time and the consent terms, then one row per consenting attendee.
     * Every cell is neutralised against spreadsheet formulas ({@link CsvCells}).
     */
    public void export(long contactId, long webinarId, long sponsorId, Appendable out) {
        Access access = authorize(contactId, webinarId, sponsorId);
        try {
            CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setCommentMarker('#').get());
            csv.printComment(Texts.get("sponsor.csv.event", oneLine(access.webinar.title())));
            csv.printComment(Texts.get("sponsor.csv.sponsor", oneLine(access.sponsor.name())));
            csv.printComment(Texts.get("sponsor.csv.exportedAt",
                    DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(OffsetDateTime.now(ZoneOffset.UTC).withNano(0))));
            csv.printComment(Texts.get("sponsor.csv.reminder"));
            csv.printRecord(COLUMNS);
            stream(access, Texts.get("sponsor.purpose.export", access.webinar.title()), row -> {
                try {
                    csv.printRecord(CsvCells.safe(row.email()), CsvCells.safe(row.name()), CsvCells.safe(row.jobTitle()),
                            CsvCells.safe(row.organization()), row.consentGivenAt().withNano(0).toString());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads every batch, hands each consenting row on in registration order, and answers how many
     * registrants did not consent. Up to {@link #IN_FLIGHT} batches are read at once, each by
     * {@link AttendeeReader} in its own transaction on a managed thread, so the database works on one
     * batch while this node builds another (decision 0029). A batch's rows are handed on only after
     * its disclosure committed. If the export stops (a refusal retried too often, the reader gone),
     * a batch read ahead may be in the ledger without its rows having left: the ledger may say more
     * than was sent, never less.
     */
    private long stream(Access access, String purpose, Consumer<AttendeeRow> sink) {
        String title = access.webinar.title();
        Recipient recipient = SponsorSharing.recipient(access.sponsor.id(), access.sponsor.name(), access.webinar.id(), title);
        String shortPurpose = purpose.length() > org.colloquy.privacy.Disclosure.PURPOSE_LENGTH
                ? purpose.substring(0, org.colloquy.privacy.Disclosure.PURPOSE_LENGTH) : purpose;
        Deque<Future<AttendeeBatch>> reading = new ArrayDeque<>();
        long notConsenting = 0;
        try {
            long after = 0;
            List<WebinarRegistration> page;
            while (!(page = events.activeRegistrationsToRead(access.webinar.id(), after, BATCH)).isEmpty()) {
                List<WebinarRegistration> registrations = page;
                reading.add(executor.submit(() -> read(recipient, shortPurpose, registrations)));
                after = page.get(page.size() - 1).id();
                if (reading.size() >= IN_FLIGHT) {
                    notConsenting += handOn(reading.poll(), sink);
                }
            }
            while (!reading.isEmpty()) {
                notConsenting += handOn(reading.poll(), sink);
            }
        } finally {
            reading.forEach(f -> f.cancel(false));
        }
        return notConsenting;
    }

    /** One batch, read again without the members whose consent was withdrawn meanwhile (P-SPONSOR-3). */
    private AttendeeBatch read(Recipient recipient, String purpose, List<WebinarRegistration> registrations) {
        Set<Long> excluded = new HashSet<>();
        for (int attempt = 0; ; attempt++) {
            try {
                return reader.read(recipient, purpose, registrations, excluded);
            } catch (DisclosureRefusedException refused) {
                if (attempt >= RETRIES) {
                    throw refused;
                }
                excluded.addAll(refused.refusedMemberIds());
            }
        }
    }

    private static long handOn(Future<AttendeeBatch> reading, Consumer<AttendeeRow> sink) {
        AttendeeBatch batch;
        try {
            batch = reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The attendee list was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
        batch.rows().forEach(sink);
        return batch.notConsenting();
    }

    private record Access(SponsorView sponsor, Webinar webinar) {
    }

    private Access authorize(long contactId, long webinarId, long sponsorId) {
        Webinar webinar = events.find(webinarId).orElse(null);
        if (!sponsors.isContact(contactId, sponsorId) || webinar == null || !webinar.sponsorIds().contains(sponsorId)) {
            throw new PortalRefusedException(Texts.get("sponsor.portal.refused"));
        }
        return new Access(sponsors.find(sponsorId).orElseThrow(), webinar);
    }

    private static String oneLine(String s) {
        return s.replaceAll("[\\r\\n]+", " ");
    }
}
