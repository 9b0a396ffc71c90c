package org.colloquy.account.web;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.Member;
import org.colloquy.account.StaffService;

/** Finding members by username, name or email, for administrators (a GET search, so results can be bookmarked). */
@Named
@RequestScoped
public class AdminMembersBacking {

    @Inject
    private StaffService staff;

    private String q;
    private List<Member> results = List.of();

    /** View action after the query parameter is set. */
    public void search() {
        results = staff.find(q);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public List<Member> getResults() {
        return results;
    }

    public boolean isSearched() {
        return q != null && !q.isBlank();
    }
}
