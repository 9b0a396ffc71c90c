package org.colloquy.platform;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.colloquy.platform.mail.MailCategory;
import org.colloquy.platform.mail.MailOutbox;

/**
 * Deployed only by tests: queues an account mail the way a feature of the portal would, so that a
 * client-side test can watch it arrive at the SMTP server. {@code POST /test/mail} with form
 * fields {@code to}, {@code subject} and {@code body}; answers 204 once the mail is committed.
 */
@WebServlet("/test/mail")
public class MailTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MailOutbox outbox;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        outbox.enqueue(MailCategory.ACCOUNT, request.getParameter("to"), request.getParameter("subject"), request.getParameter("body"));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
