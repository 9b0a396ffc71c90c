package org.colloquy.rights.web;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.rights.RequestKind;
import org.colloquy.rights.RightsRequest;
import org.colloquy.rights.RightsService;
import org.omnifaces.util.Faces;

/**
 * {@code /account/rights} (P-RIGHTS-1): a signed-in member asks about their data (verified at once,
 * since it comes from the account) and sees their requests with their due dates and answers.
 */
@Named
@RequestScoped
public class AccountRightsBacking {

    @Inject
    private RightsService rights;

    @Inject
    private HttpServletRequest request;

    private RequestKind kind;
    private String description;
    private List<RightsRequest> mine = List.of();
    private String notice;

    @PostConstruct
    void load() {
        if (request.getParameter("sent") != null) {
            notice = Texts.get("rights.account.sent");
        }
        mine = rights.mine();
    }

    public String send() {
        try {
            rights.request(kind, description);
        } catch (InvalidInputException e) {
            FormErrors.show("request", e.problems());
            return null;
        }
        Faces.redirect(Faces.getRequestContextPath() + "/account/rights?sent=1");
        return null;
    }

    public List<RequestKind> getKinds() {
        return List.of(RequestKind.values());
    }

    public List<RightsRequest> getMine() {
        return mine;
    }

    public String getNotice() {
        return notice;
    }

    public RequestKind getKind() {
        return kind;
    }

    public void setKind(RequestKind kind) {
        this.kind = kind;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
