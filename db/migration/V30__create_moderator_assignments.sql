-- Moderators assigned to categories (issue 7, decision 0040). A moderator without a row moderates
-- every category with no end, as before; a row narrows them to the categories listed in
-- moderator_category (unless all_categories) and may end their term at a date (compared with the
-- clock at each action, as sanctions are: no job clears it).
CREATE TABLE moderator_assignment (
    member_id       BIGINT NOT NULL,
    all_categories  BOOLEAN NOT NULL,
    ends_at         TIMESTAMP WITH TIME ZONE,
    assigned_by     BIGINT,
    assigned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_moderator_assignment PRIMARY KEY (member_id),
    CONSTRAINT fk_moderator_assignment_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
);

CREATE TABLE moderator_category (
    member_id    BIGINT NOT NULL,
    category_id  BIGINT NOT NULL,
    CONSTRAINT pk_moderator_category PRIMARY KEY (member_id, category_id),
    CONSTRAINT fk_moderator_category_assignment FOREIGN KEY (member_id) REFERENCES moderator_assignment (member_id) ON DELETE CASCADE,
    CONSTRAINT fk_moderator_category_category FOREIGN KEY (category_id) REFERENCES forum_category (id) ON DELETE CASCADE
);
