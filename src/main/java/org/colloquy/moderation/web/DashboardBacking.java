package org.colloquy.moderation.web;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.moderation.ModerationService;
import org.colloquy.moderation.StaffDashboard;

/** {@code /moderation/dashboard?days=30}: the staff dashboard for moderators and administrators (decision 0040). */
@Named
@RequestScoped
public class DashboardBacking {

    @Inject
    private ModerationService moderation;

    private Integer days;
    private StaffDashboard dashboard;

    /** View action: an unknown period falls back to 30 days. */
    public void load() {
        if (days == null || !StaffDashboard.PERIODS.contains(days)) {
            days = 30;
        }
        dashboard = moderation.dashboard(days);
    }

    public StaffDashboard getDashboard() {
        return dashboard;
    }

    public List<Integer> getPeriods() {
        return StaffDashboard.PERIODS;
    }

    public String readable(Duration duration) {
        return StaffDashboard.readable(duration);
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }
}
