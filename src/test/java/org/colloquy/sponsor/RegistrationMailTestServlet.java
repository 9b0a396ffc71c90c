package org.colloquy.sponsor;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.event.EventService;
import org.colloquy.event.EventService.RegistrationForm;
import org.colloquy.event.Webinar;
import org.colloquy.event.WebinarDraft;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.policy.PolicyService;
import org.colloquy.test.TestMembers;

/**
 * Deployed only by {@link EventServicesIT}: {@code POST /test/event/registered} creates a webinar
 * 10 days ahead, 15:00–16:30 in Europe/Oslo, and a member who registers for it, so that a
 * client-side test can read the confirmation at the test SMTP server. Answers with lines: the
 * member's address, the webinar's start and end instants, its join link and its id.
 */
@WebServlet("/test/event/registered")
public class RegistrationMailTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    private transient DataSource dataSource;

    @Inject
    private transient EventService events;

    @Inject
    private transient PolicyService policies;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        LocalDate day = LocalDate.now().plusDays(10);
        Webinar webinar = events.createUnchecked(new WebinarDraft("Calendar " + id, "", day.atTime(15, 0), day.atTime(16, 30),
                "Europe/Oslo", null, null, "https://meet.example.org/" + id, List.of()));
        String email = "cal." + id + "@example.org";
        long member = new TestMembers(dataSource, policies).create("cal" + id, "Cal Person " + id, email,
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(30), true);
        events.register(member, webinar.id(), new RegistrationForm(null, null, Map.of()));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(String.join("\n", email, webinar.startsAt().toInstant().toString(),
                webinar.endsAt().toInstant().toString(), webinar.joinLink(), Long.toString(webinar.id())));
    }
}
