-- A member may delete their account (P-ACCOUNT-2, issue 12). The member row stays as an anonymous
-- tombstone keyed by id, so that consent records, ledger entries and the staff log still name
-- whom they were about; deleted_at says it is one.
ALTER TABLE member ADD COLUMN deleted_at TIMESTAMP WITH TIME ZONE;

-- The username of a deleted account is held for a while (colloquy.account.username-quarantine-days)
-- so that nobody can pass for the former member at once; the retention job frees it after held_until.
-- Rows of a username change leave it null and keep their 30 days from changed_at.
ALTER TABLE former_username ADD COLUMN held_until TIMESTAMP WITH TIME ZONE;
CREATE INDEX ix_former_username_held ON former_username (held_until);

-- What the deletion keeps for a stated time (DeletionTerms: consent records, the ledger, the staff
-- log about the account, the last mail) is erased by the retention job once that time has passed;
-- last_mail_id finds the last mail without keeping the address, records_purged_at says it is done.
ALTER TABLE member ADD COLUMN last_mail_id BIGINT;
ALTER TABLE member ADD COLUMN records_purged_at TIMESTAMP WITH TIME ZONE;
