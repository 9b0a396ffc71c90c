-- Forum search (issue 6): the plain text of each post, made from its safe HTML when it is written
-- (tags removed, entities decoded), so that search matches and snippets words, never markup or the
-- addresses behind links. A deleted post's text is empty like its body. The search index itself differs
-- per database and follows in V9_1 under db/vendor/<database> (decision 0014).
ALTER TABLE forum_post ADD COLUMN body_text TEXT NOT NULL DEFAULT '';
