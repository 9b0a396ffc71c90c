package org.colloquy.rights;

/** Where an under-age report stands (P-CHILD-1): UNVERIFIED until the reporter follows the link, then IN_REVIEW until decided. */
public enum ReportStatus {
    UNVERIFIED, IN_REVIEW, CONFIRMED, DISMISSED
}
