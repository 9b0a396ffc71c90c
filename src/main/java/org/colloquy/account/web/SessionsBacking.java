package org.colloquy.account.web;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import org.colloquy.account.MemberSession;
import org.colloquy.account.MemberSessions;
import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.web.FormErrors;

/** The member's signed-in sessions on every device, each of which they can end. */
@Named
@RequestScoped
public class SessionsBacking {

    @Inject
    private MemberSessions sessions;

    @Inject
    private SignIns signIns;

    @Inject
    private HttpServletRequest request;

    private List<MemberSession> live;

    @PostConstruct
    void load() {
        live = sessions.mine();
    }

    public boolean isCurrent(MemberSession session) {
        return signIns.currentSessionId(request).filter(session.id()::equals).isPresent();
    }

    public String end(String sessionId) {
        sessions.endMine(sessionId);
        live = sessions.mine();
        FormErrors.done("sessions", Texts.get("sessions.ended.one"));
        return null;
    }

    public String endOthers() {
        int ended = sessions.endMineExcept(signIns.currentSessionId(request).orElse(""));
        live = sessions.mine();
        FormErrors.done("sessions", Texts.get("sessions.ended.others", ended));
        return null;
    }

    public List<MemberSession> getLive() {
        return live;
    }
}
