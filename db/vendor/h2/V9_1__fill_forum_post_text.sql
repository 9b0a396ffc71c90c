-- H2 (development and tests): the text of existing posts, from their HTML. Search on H2 is a LIKE per
-- word over lower-cased text, without an index (decision 0014).
UPDATE forum_post SET body_text = TRIM(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(
    REGEXP_REPLACE(REGEXP_REPLACE(body_html, '<[^>]+>', ' '), '\s+', ' '),
    '&lt;', '<'), '&gt;', '>'), '&quot;', '"'), '&#39;', ''''), '&amp;', '&'));
