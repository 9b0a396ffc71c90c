package org.colloquy.rights;

import java.time.OffsetDateTime;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One step in the history of a rights request or an under-age report; only ever added. */
@Entity
@Table(name = "rights_history")
@NamedQuery(name = "HistoryEntry.ofRequest", query = "SELECT h FROM HistoryEntry h WHERE h.requestId = :id ORDER BY h.at, h.id")
@NamedQuery(name = "HistoryEntry.ofReport", query = "SELECT h FROM HistoryEntry h WHERE h.reportId = :id ORDER BY h.at, h.id")
public class HistoryEntry {

    /** What happened. */
    public enum What {
        RECEIVED, VERIFIED, STARTED, ANSWERED, ESCALATED_DUE_SOON, ESCALATED_OVERDUE, HELD, NOT_HELD, NO_SUCH_ACCOUNT, CONFIRMED, DISMISSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "request_id")
    private Long requestId;

    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "at", nullable = false)
    private OffsetDateTime at;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "what", length = 30, nullable = false)
    private String what;

    @Column(name = "note", length = RightsRequest.DESCRIPTION_LENGTH)
    private String note;

    protected HistoryEntry() {
        // for JPA
    }

    static HistoryEntry ofRequest(long requestId, What what, Long actorId, String note, OffsetDateTime at) {
        HistoryEntry h = new HistoryEntry(what, actorId, note, at);
        h.requestId = requestId;
        return h;
    }

    static HistoryEntry ofReport(long reportId, What what, Long actorId, String note, OffsetDateTime at) {
        HistoryEntry h = new HistoryEntry(what, actorId, note, at);
        h.reportId = reportId;
        return h;
    }

    private HistoryEntry(What what, Long actorId, String note, OffsetDateTime at) {
        this.what = what.name();
        this.actorId = actorId;
        this.note = note;
        this.at = Objects.requireNonNull(at);
    }

    public What what() {
        return What.valueOf(what);
    }

    public Long actorId() {
        return actorId;
    }

    public String note() {
        return note;
    }

    public OffsetDateTime at() {
        return at;
    }

    @Override
    public String toString() {
        return "HistoryEntry[" + what + " at " + at + "]";
    }
}
