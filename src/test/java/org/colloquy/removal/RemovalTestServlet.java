package org.colloquy.removal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

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
 * Test-only hook for {@code RemovalBrowserIT} (in the shared portal's test WAR only): {@code POST
 * /test/removal/grant?username=} makes a member a privacy officer, as an administrator would on
 * {@code /admin/members}. {@code POST /test/removal/due?username=&days=} moves the due date of the
 * member's open requests to {@code days} from now (negative: overdue), so the queue's badges can be seen.
 */
@WebServlet("/test/removal/*")
public class RemovalTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    transient DataSource dataSource;

    @Inject
    transient MemberDirectory directory;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean due = "/due".equals(request.getPathInfo());
        if (!due && !"/grant".equals(request.getPathInfo())) {
            response.sendError(404);
            return;
        }
        long id = directory.idOf(request.getParameter("username"))
                .orElseThrow(() -> new IllegalArgumentException("No member " + request.getParameter("username")));
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(due
                     ? "update removal_request set due_at = ? where member_id = ? and status in ('RECEIVED', 'IN_REVIEW', 'APPEALED')"
                     : "insert into member_role (member_id, role) values (?, 'PRIVACY_OFFICER')")) {
            if (due) {
                s.setObject(1, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusDays(Long.parseLong(request.getParameter("days"))));
                s.setLong(2, id);
            } else {
                s.setLong(1, id);
            }
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write("ok");
    }
}
