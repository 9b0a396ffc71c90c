-- A member's staff log entries, newest first (issue 7, decision 0052): the moderator's member page
-- reads the member's sanction history on every view, the administrator's member page and the staff
-- log's search by username read entries by subject too. Without this index each read scanned the
-- whole, ever-growing log.
CREATE INDEX ix_staff_action_subject_at ON staff_action (subject_id, at);
