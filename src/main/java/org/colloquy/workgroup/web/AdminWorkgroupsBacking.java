package org.colloquy.workgroup.web;

import java.io.Serializable;
import java.util.List;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.colloquy.platform.i18n.Texts;
import org.colloquy.platform.validation.InvalidInputException;
import org.colloquy.platform.web.FormErrors;
import org.colloquy.workgroup.NoSuchWorkgroupItemException;
import org.colloquy.workgroup.Workgroup;
import org.colloquy.workgroup.WorkgroupService;

/** {@code /admin/workgroups}: administrators create workgroups; chairs are appointed on the group's page. */
@Named
@ViewScoped
public class AdminWorkgroupsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private WorkgroupService workgroups;

    private String name;
    private String description;

    public String create() {
        try {
            Workgroup group = workgroups.create(name, description);
            return "/workgroups/group?faces-redirect=true&id=" + group.id();
        } catch (InvalidInputException e) {
            FormErrors.show("workgroup", e.problems());
        } catch (NoSuchWorkgroupItemException e) {
            FormErrors.general("workgroup", Texts.get("workgroup.notAllowed"));
        }
        return null;
    }

    public List<Workgroup> getGroups() {
        return workgroups.all();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }
}
