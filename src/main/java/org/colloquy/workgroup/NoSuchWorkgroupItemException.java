package org.colloquy.workgroup;

import jakarta.ejb.ApplicationException;

/**
 * A workgroup, request, document or release that does not exist or that the caller may not see or
 * act on (a draft for an outsider, a chair's action by a member): pages answer both with "not
 * found", so that a crafted request learns nothing.
 */
@ApplicationException(rollback = true)
public class NoSuchWorkgroupItemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NoSuchWorkgroupItemException(String message) {
        super(message);
    }
}
