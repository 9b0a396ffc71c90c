-- Organization access at scale (issue 12, P-CORP-1, decision 0037). The domain of each member's
-- address, stored and indexed, so that an organization's members are found by equality instead of
-- LIKE '%@domain' over every account. A generated column: filled for existing rows, kept right on
-- every change by the database itself (whatever writes the email). PostgreSQL needs the word
-- STORED, which H2 refuses, hence a file per database (db/vendor/postgresql holds the twin).
ALTER TABLE member ADD COLUMN email_domain VARCHAR(253)
    GENERATED ALWAYS AS (CASE WHEN email LIKE '%@%' THEN LOWER(REGEXP_REPLACE(email, '^.*@', '')) END);
CREATE INDEX ix_member_email_domain ON member (email_domain, id);

-- A notice ends when the member's address leaves the domain; a later return starts a new notice period.
ALTER TABLE organization_notice ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_organization_notice_shown ON organization_notice (organization_id, member_id);
