-- A workgroup's private discussion area (issue 11, P-RELEASE-2): a forum category with an audience
-- key (such as workgroup:7) is read and written only by the members its audience admits (the
-- workgroup context answers through the forum's ForumAudience); it is members-only as well, so
-- feeds, anonymous pages and the page cache never show it, and search and profiles leave it out.
-- One category per audience. Workgroups created before this get theirs here.

ALTER TABLE forum_category ADD COLUMN audience_key VARCHAR(60);
ALTER TABLE forum_category ADD CONSTRAINT uq_forum_category_audience UNIQUE (audience_key);

INSERT INTO forum_category (name, slug, description, visibility, position, created_at, audience_key)
SELECT name, 'workgroup-' || CAST(id AS VARCHAR(20)), 'The private discussion area of this workgroup, for its participants and chairs.',
       'MEMBERS', 1000, CURRENT_TIMESTAMP, 'workgroup:' || CAST(id AS VARCHAR(20))
FROM workgroup;
