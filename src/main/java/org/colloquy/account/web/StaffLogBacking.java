package org.colloquy.account.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.account.StaffAction;
import org.colloquy.account.StaffService;

/** The staff log, newest first: every role change and suspension with who, when and why. */
@Named
@RequestScoped
public class StaffLogBacking {

    private static final int MAX = 200;

    @Inject
    private StaffService staff;

    private List<StaffAction> entries;
    private Map<Long, String> names;

    @PostConstruct
    void load() {
        entries = staff.log(MAX);
        names = staff.usernames(entries.stream().flatMap(a -> Stream.of(a.actorId(), a.subjectId())).toList());
    }

    public List<StaffAction> getEntries() {
        return entries;
    }

    public Map<Long, String> getNames() {
        return names;
    }
}
