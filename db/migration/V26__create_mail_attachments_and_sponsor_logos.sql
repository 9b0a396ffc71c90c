-- Attachments of queued mail (issue 9: the iCalendar file of a webinar confirmation). Stored with
-- the mail they belong to, in the same transaction, so the sender needs nothing but the outbox;
-- sent as parts of a multipart MIME message. Erased with their mail (ON DELETE CASCADE), as
-- account deletion erases the mail to a member's address.
CREATE TABLE mail_attachment (
    mail_id       BIGINT NOT NULL,
    position      INT NOT NULL,
    file_name     VARCHAR(100) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    content       BYTEA NOT NULL,
    CONSTRAINT pk_mail_attachment PRIMARY KEY (mail_id, position),
    CONSTRAINT fk_mail_attachment_mail FOREIGN KEY (mail_id) REFERENCES mail_outbox (id) ON DELETE CASCADE
);

-- Sponsor logos (issue 9): uploaded by an event manager as PNG or JPEG, stored only as a PNG
-- drawn anew from the upload's pixels (UploadedImages), served at /sponsor-logo/<id>?v=<version>.
-- logo_version changes with every new logo, so that address may be cached for good.
CREATE TABLE sponsor_logo (
    sponsor_id  BIGINT NOT NULL,
    png         BYTEA NOT NULL,
    width       INT NOT NULL,
    height      INT NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_sponsor_logo PRIMARY KEY (sponsor_id),
    CONSTRAINT fk_sponsor_logo_sponsor FOREIGN KEY (sponsor_id) REFERENCES sponsor (id) ON DELETE CASCADE,
    CONSTRAINT ck_sponsor_logo_size CHECK (width > 0 AND height > 0)
);
ALTER TABLE sponsor ADD COLUMN logo_version BIGINT;

-- The logo address of V14 is gone: it could only name a file already on the site, which no event
-- manager can put there, so no sponsor had one (the demo sets none); an uploaded logo replaces it.
ALTER TABLE sponsor DROP COLUMN logo_url;
