-- Public profiles (issue 8, first step: P-PROFILE-1, P-PROFILE-2, P-FORUM-1). Everything here is
-- optional: a member without a row has a limited profile with no fields. The level caps what any
-- viewer sees (PRIVATE: the username only; LIMITED: at most the bio, and the photo once there is
-- one; FULL: each field as its audience allows). An audience is who may see one field: EVERYONE,
-- MEMBERS (signed in), WORKGROUPS (the member and those who share a workgroup with them) or ONLY_ME.
-- The bio is kept as the Markdown written and the sanitized HTML made from it once.
-- A photo (a later step) adds its own columns with an audience of the same kind.

CREATE TABLE member_profile (
    member_id              BIGINT NOT NULL,
    profile_level          VARCHAR(10) NOT NULL,
    display_name           VARCHAR(100),
    display_name_audience  VARCHAR(10) NOT NULL,
    job_title              VARCHAR(100),
    job_title_audience     VARCHAR(10) NOT NULL,
    organization           VARCHAR(100),
    organization_audience  VARCHAR(10) NOT NULL,
    location               VARCHAR(100),
    location_audience      VARCHAR(10) NOT NULL,
    bio_markdown           VARCHAR(2000),
    bio_html               TEXT,
    bio_audience           VARCHAR(10) NOT NULL,
    website                VARCHAR(300),
    website_audience       VARCHAR(10) NOT NULL,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_member_profile PRIMARY KEY (member_id),
    CONSTRAINT fk_member_profile_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE,
    CONSTRAINT ck_member_profile_level CHECK (profile_level IN ('PRIVATE', 'LIMITED', 'FULL')),
    CONSTRAINT ck_member_profile_display_name_audience CHECK (display_name_audience IN ('EVERYONE', 'MEMBERS', 'WORKGROUPS', 'ONLY_ME')),
    CONSTRAINT ck_member_profile_job_title_audience CHECK (job_title_audience IN ('EVERYONE', 'MEMBERS', 'WORKGROUPS', 'ONLY_ME')),
    CONSTRAINT ck_member_profile_organization_audience CHECK (organization_audience IN ('EVERYONE', 'MEMBERS', 'WORKGROUPS', 'ONLY_ME')),
    CONSTRAINT ck_member_profile_location_audience CHECK (location_audience IN ('EVERYONE', 'MEMBERS', 'WORKGROUPS', 'ONLY_ME')),
    CONSTRAINT ck_member_profile_bio_audience CHECK (bio_audience IN ('EVERYONE', 'MEMBERS', 'WORKGROUPS', 'ONLY_ME')),
    CONSTRAINT ck_member_profile_website_audience CHECK (website_audience IN ('EVERYONE', 'MEMBERS', 'WORKGROUPS', 'ONLY_ME'))
);
