package org.colloquy.workgroup;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.persistence.DatabaseMigrator;

/**
 * Deployed only by tests, in the test portal's WAR.
 * <ul>
 *   <li>{@code POST /test/workgroup/due} {@code release}: moves that planned release to today (UTC), as
 *       if its notice period had passed, so that a chair can release it; answers "ok".</li>
 *   <li>{@code POST /test/workgroup/group} {@code name, participants} (usernames, comma-separated):
 *       an administrator creates the workgroup (and with it its discussion area), each member applies,
 *       accepting the joining clause, and the administrator approves, so that they are active
 *       participants and each other's fellows; answers the group's id. It goes through
 *       {@link Workgroups}, the rules {@link WorkgroupService} applies for the signed-in caller (a test
 *       hook has none), as the demo content does: the consents, ledger entries and participation rows
 *       are those the pages make.</li>
 * </ul>
 */
@WebServlet({"/test/workgroup/due", "/test/workgroup/group"})
public class WorkgroupTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The hook stands for an administrator; no row of what it does records who that was. */
    private static final Actor ADMINISTRATOR = Actor.administrator(0);

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    transient DataSource dataSource;

    @Inject
    transient Workgroups workgroups;

    @Inject
    transient MemberDirectory directory;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        if (request.getServletPath().equals("/test/workgroup/group")) {
            group(request, response);
            return;
        }
        long release = Long.parseLong(request.getParameter("release"));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("update document_release set planned_for = ? where id = ? and status = 'PLANNED'")) {
            s.setObject(1, LocalDate.now(ZoneOffset.UTC));
            s.setLong(2, release);
            if (s.executeUpdate() != 1) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        } catch (SQLException e) {
            throw new IOException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("ok");
    }

    private void group(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Long> participants = new ArrayList<>();
        for (String username : request.getParameter("participants").split(",")) {
            Optional<Long> member = directory.idOf(username.strip());
            if (member.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "No member " + username);
                return;
            }
            participants.add(member.get());
        }
        Workgroup group = workgroups.create(ADMINISTRATOR, request.getParameter("name"), "Made by a test.");
        for (long member : participants) {
            workgroups.approve(ADMINISTRATOR, workgroups.apply(member, group.id(), true).id());
        }
        for (long member : participants) {
            if (!workgroups.isActiveParticipant(group.id(), member)) {
                throw new IllegalStateException("Member " + member + " is not an active participant of " + group.id());
            }
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(Long.toString(group.id()));
    }
}
