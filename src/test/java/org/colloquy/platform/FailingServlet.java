package org.colloquy.platform;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Deployed only by tests: fails the way an unexpected bug or a refused request would, with internals in the message. */
@WebServlet({"/test/failure", "/test/forbidden"})
public class FailingServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    static final String INTERNAL_DETAIL = "internal-detail-visitors-must-not-see";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
        if (request.getServletPath().endsWith("forbidden")) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, INTERNAL_DETAIL);
            return;
        }
        throw new IllegalStateException(INTERNAL_DETAIL);
    }
}
