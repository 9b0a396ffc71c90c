-- Profile photos (issue 8, the photo step). The upload is never kept: only two sizes drawn anew
-- from its pixels as JPEG (metadata such as GPS is not carried over). Who may see the photo is
-- decided by ProfileVisibility: shown with a limited or full profile, never with a private one.

CREATE TABLE profile_photo (
    member_id   BIGINT NOT NULL,
    large_jpeg  BYTEA NOT NULL,
    small_jpeg  BYTEA NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_profile_photo PRIMARY KEY (member_id),
    CONSTRAINT fk_profile_photo_member FOREIGN KEY (member_id) REFERENCES member (id) ON DELETE CASCADE
);
