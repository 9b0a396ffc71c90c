-- A member may deactivate their account (P-ACCOUNT-2): the profile disappears, posts stay under the
-- username without a link, nothing is sent to them, and signing in again offers reactivation.
ALTER TABLE member ADD COLUMN deactivated_at TIMESTAMP WITH TIME ZONE;
