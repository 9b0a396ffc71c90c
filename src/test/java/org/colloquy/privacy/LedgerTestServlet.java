package org.colloquy.privacy;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.UUID;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.security.SignedIn;

/**
 * Deployed only by tests: calls the ledger's reading methods as the member signed in on this HTTP
 * session, so that a test sees what the service answers to whom. {@code ?signIn=<member session id>}
 * signs the session in (as the sign-in page would); {@code ?recipient=<key>} lists
 * {@code forRecipient} as "memberId fields" lines, or answers 403 when refused;
 * {@code ?page=<n>} shows {@code ledgerOfCaller(n, 2)}.
 */
@WebServlet("/test/ledger")
public class LedgerTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DisclosureService disclosures;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=UTF-8");
        PrintWriter out = response.getWriter();
        if (request.getParameter("signIn") != null) {
            request.getSession().setAttribute(SignedIn.ATTRIBUTE, new SignedIn(request.getParameter("signIn"), UUID.randomUUID().toString()));
            out.println("signed in");
            return;
        }
        try {
            if (request.getParameter("recipient") != null) {
                disclosures.forRecipient(request.getParameter("recipient"))
                        .forEach(e -> out.println(e.memberId() + " " + String.join(",", e.fields())));
            } else {
                LedgerPage page = disclosures.ledgerOfCaller(Integer.parseInt(request.getParameter("page")), 2);
                out.println("page " + page.page() + " of " + page.pages() + ", total " + page.total() + ", next " + page.hasNext());
                page.entries().forEach(e -> out.println(e.recipientLabel() + " | " + e.purpose() + " | " + e.basisDescription()));
            }
        } catch (EJBException refused) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            out.println("refused: " + refused.getClass().getSimpleName());
        }
    }
}
