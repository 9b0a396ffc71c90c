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
