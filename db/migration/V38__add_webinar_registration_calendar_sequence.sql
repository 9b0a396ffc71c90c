-- The SEQUENCE of a registration's calendar entry (issue 9, RFC 5545/5546): every file sent for the
-- entry after the first carries a higher number than the one before, so a calendar client replaces
-- what it has (a changed time, title or join link) or removes it (a cancellation), and a later
-- invitation (registering again) is not taken for an old one. One number per registration, since
-- the entry's UID is one per registration. Until now only a cancelled webinar sent a second file,
-- with SEQUENCE 1.
ALTER TABLE webinar_registration ADD COLUMN calendar_sequence INT DEFAULT 0 NOT NULL;
UPDATE webinar_registration SET calendar_sequence = 1
WHERE cancelled_at IS NULL AND webinar_id IN (SELECT id FROM webinar WHERE cancelled_at IS NOT NULL);
