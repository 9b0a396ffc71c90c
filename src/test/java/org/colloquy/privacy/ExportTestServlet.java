package org.colloquy.privacy;

import java.io.IOException;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.account.security.SignedIn;

/**
 * Deployed only by {@link DataExportIT}: {@code ?signIn=<member session id>&token=<form token>} signs this
 * HTTP session in as the sign-in page would, with a form token the test knows, so that the test can post
 * the privacy centre's "Download my data" form as that member.
 */
@WebServlet("/test/export-sign-in")
public class ExportTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.getSession().setAttribute(SignedIn.ATTRIBUTE, new SignedIn(request.getParameter("signIn"), request.getParameter("token")));
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().println("signed in");
    }
}
