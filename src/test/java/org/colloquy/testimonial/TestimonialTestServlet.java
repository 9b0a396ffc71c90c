package org.colloquy.testimonial;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.inject.Inject;

import org.colloquy.event.EventService;
import org.colloquy.event.Webinar;
import org.colloquy.event.WebinarDraft;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.platform.persistence.DatabaseMigrator;

/**
 * Deployed only by tests, in the test portal's WAR (see {@code Deployments.portalTestWar}).
 * {@code POST /test/testimonial/moderator} {@code username}: gives the member the MODERATOR role,
 * as an administrator would, so a browser test can review testimonials as a moderator.
 * {@code POST /test/testimonial/past-webinar} {@code title}: a webinar held a week ago, as an event
 * manager would have made it (the event pages' own tests cover that), answering its id.
 */
@WebServlet(name = "TestimonialTestServlet", urlPatterns = {"/test/testimonial/moderator", "/test/testimonial/past-webinar"})
public class TestimonialTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    transient DataSource dataSource;

    @Inject
    transient EventService events;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (request.getServletPath().endsWith("/past-webinar")) {
            LocalDate held = LocalDate.now().minusDays(7);
            Webinar webinar = events.createUnchecked(new WebinarDraft(request.getParameter("title"), "Held a week ago.",
                    held.atTime(LocalTime.NOON), held.atTime(LocalTime.NOON.plusHours(1)), "UTC", 10, null,
                    "https://meet.example.org/past", List.of()));
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().write(String.valueOf(webinar.id()));
            return;
        }
        String username = request.getParameter("username");
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("insert into member_role (member_id, role)"
                     + " select id, 'MODERATOR' from member where username_key = ?")) {
            s.setString(1, username.toLowerCase(Locale.ROOT));
            if (s.executeUpdate() != 1) {
                response.sendError(404, "No member " + username);
                return;
            }
        } catch (SQLException e) {
            throw new ServletException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("ok");
    }
}
