-- Breach scopes a privacy officer needs (issue 12, P-BREACH-1, decision 0037): besides every member
-- and a recipient from the ledger, the members who posted in a forum category, the participants of
-- a workgroup, the registrants of a webinar, and the members who joined in a date range. The target
-- (category, workgroup or webinar) is kept by id with its name as it was when the breach was recorded.
ALTER TABLE breach_notice ADD COLUMN scope_target_id BIGINT;
ALTER TABLE breach_notice ADD COLUMN scope_label VARCHAR(200);
ALTER TABLE breach_notice ADD COLUMN joined_from DATE;
ALTER TABLE breach_notice ADD COLUMN joined_to DATE;
ALTER TABLE breach_notice DROP CONSTRAINT ck_breach_notice_scope;
ALTER TABLE breach_notice ADD CONSTRAINT ck_breach_notice_scope
    CHECK (scope IN ('ALL_MEMBERS', 'RECIPIENT', 'FORUM_CATEGORY', 'WORKGROUP', 'WEBINAR', 'JOINED_BETWEEN'));
ALTER TABLE breach_notice ADD CONSTRAINT ck_breach_notice_target
    CHECK ((scope IN ('FORUM_CATEGORY', 'WORKGROUP', 'WEBINAR')) = (scope_target_id IS NOT NULL));
ALTER TABLE breach_notice ADD CONSTRAINT ck_breach_notice_joined
    CHECK ((scope = 'JOINED_BETWEEN') = (joined_from IS NOT NULL AND joined_to IS NOT NULL));
