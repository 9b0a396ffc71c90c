package org.colloquy.privacy.breach;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.MemberDirectory;
import org.colloquy.platform.persistence.DatabaseMigrator;
import org.colloquy.policy.PolicyService;
import org.colloquy.test.TestMembers;

/**
 * Deployed only by tests, in the test portal's WAR (see {@code Deployments.portalTestWar}); every
 * answer is plain text.
 * <ul>
 * <li>{@code POST /test/breach/officer} {@code username}: the member becomes a privacy officer.</li>
 * <li>{@code POST /test/breach/member} {@code username, name, email}: a member with a verified
 * address who joined a month ago; answers the id.</li>
 * </ul>
 */
@WebServlet("/test/breach/*")
public class BreachTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Resource(lookup = DatabaseMigrator.DATA_SOURCE)
    transient DataSource dataSource;

    @Inject
    transient MemberDirectory directory;

    @Inject
    transient PolicyService policies;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String answer = switch (String.valueOf(request.getPathInfo())) {
            case "/officer" -> {
                long id = directory.idOf(request.getParameter("username"))
                        .orElseThrow(() -> new IllegalArgumentException("No member " + request.getParameter("username")));
                try (Connection c = dataSource.getConnection();
                     PreparedStatement s = c.prepareStatement("insert into member_role (member_id, role) values (?, 'PRIVACY_OFFICER')")) {
                    s.setLong(1, id);
                    s.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield "ok";
            }
            case "/member" -> Long.toString(new TestMembers(dataSource, policies).create(request.getParameter("username"),
                    request.getParameter("name"), request.getParameter("email"), OffsetDateTime.now(ZoneOffset.UTC).minusDays(30), true));
            default -> null;
        };
        if (answer == null) {
            response.sendError(404);
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }
}
