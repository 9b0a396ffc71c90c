-- A testimonial may be about a webinar that took place (issue 10: "optionally about an event or the
-- community in general"). webinar_id links it to the event page; about keeps the webinar's title as
-- it was when the testimonial was written, so the credit line reads the same if the event is
-- renamed, and stays readable if the event is ever removed. Both empty: the community in general.
ALTER TABLE testimonial ADD COLUMN webinar_id BIGINT;
ALTER TABLE testimonial ADD CONSTRAINT fk_testimonial_webinar FOREIGN KEY (webinar_id) REFERENCES webinar (id) ON DELETE SET NULL;
