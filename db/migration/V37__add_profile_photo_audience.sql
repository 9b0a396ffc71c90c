-- Who may see a member's photo, chosen like every other profile field (issue 8). Until now the photo
-- followed the profile level alone (shown to everyone when limited or full): EVERYONE keeps that.
ALTER TABLE member_profile ADD COLUMN photo_audience VARCHAR(10) DEFAULT 'EVERYONE' NOT NULL;
ALTER TABLE member_profile ADD CONSTRAINT ck_member_profile_photo_audience
    CHECK (photo_audience IN ('EVERYONE', 'MEMBERS', 'WORKGROUPS', 'ONLY_ME'));
