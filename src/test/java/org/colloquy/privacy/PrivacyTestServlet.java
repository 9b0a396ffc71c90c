package org.colloquy.privacy;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashSet;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.NotificationKind;

/**
 * Deployed only by tests, in the test portal's WAR (see {@code Deployments.portalTestWar}): lets a
 * browser or HTTP test do what a feature not yet built would do to a member's data and mail.
 * Each answers {@code text/plain}.
 * <ul>
 * <li>{@code POST /test/privacy/consent} {@code email, key, label, fields} (comma-separated): gives a
 *     sponsor-sharing consent; answers its id.</li>
 * <li>{@code POST /test/privacy/mail} {@code category, kind, to, subject, body, hold}: queues a mail;
 *     answers its id and state, e.g. {@code 12 queued}.</li>
 * <li>{@code POST /test/privacy/release} {@code id}: attempts a held mail now; answers the outcome and state.</li>
 * <li>{@code POST /test/disclose} {@code email, key, label, fields, purpose, consent}: discloses the
 *     fields to that sponsor through {@link DisclosureService} on the basis of the consent; answers the
 *     ledger entry's id.</li>
 * </ul>
 */
@WebServlet({"/test/privacy/*", "/test/disclose"})
public class PrivacyTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient PrivacyTestSupport support;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        String action = "/test/disclose".equals(request.getServletPath()) ? "/disclose" : String.valueOf(request.getPathInfo());
        String answer;
        switch (action) {
            case "/consent" -> answer = Long.toString(support.giveSponsorConsent(request.getParameter("email"),
                    request.getParameter("key"), request.getParameter("label"),
                    new LinkedHashSet<>(Arrays.asList(request.getParameter("fields").split(",")))));
            case "/disclose" -> answer = Long.toString(support.discloseToSponsor(request.getParameter("email"),
                    request.getParameter("key"), request.getParameter("label"),
                    new LinkedHashSet<>(Arrays.asList(request.getParameter("fields").split(","))),
                    request.getParameter("purpose"), Long.parseLong(request.getParameter("consent"))));
            case "/mail" -> {
                String kind = request.getParameter("kind");
                long id = support.queue(MailCategory.valueOf(request.getParameter("category")),
                        kind == null || kind.isBlank() ? null : NotificationKind.valueOf(kind),
                        request.getParameter("to"), request.getParameter("subject"), request.getParameter("body"),
                        Boolean.parseBoolean(request.getParameter("hold")));
                answer = id + " " + support.state(id);
            }
            case "/release" -> {
                long id = Long.parseLong(request.getParameter("id"));
                answer = support.release(id) + " " + support.state(id);
            }
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return;
            }
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer);
    }
}
