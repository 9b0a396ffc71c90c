package org.colloquy.account.web;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signing out (promise P-SECURITY-1): a POST from the header's form, on any page including error
 * pages, that ends the member session on the server and invalidates the HTTP session. The form
 * carries the session's own token, so another site cannot sign a member out; a GET changes nothing.
 */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private SignIns signIns;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!signIns.hasFormToken(request)) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        signIns.signOut(request);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/signed-out");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect(request.getContextPath() + "/");
    }
}
