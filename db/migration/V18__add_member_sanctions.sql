-- Moderators' sanctions (issue 7, decision 0028): a suspension may end by itself at a date, and a
-- member may be silenced (may read and sign in, may not post) until a date, with the reason they are shown.
ALTER TABLE member ADD COLUMN suspended_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE member ADD COLUMN silenced_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE member ADD COLUMN silence_reason VARCHAR(1000);
