-- Which demo-content contributions have been seeded, so that restarting the run command on a
-- file-backed database seeds each one exactly once.
CREATE TABLE demo_seed (
    name       VARCHAR(100) NOT NULL,
    seeded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_demo_seed PRIMARY KEY (name)
);
