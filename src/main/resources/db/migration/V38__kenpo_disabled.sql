-- The operator can stop a kenpo's portal (contract ended, incident): its host then answers
-- with a page naming the kenpo's contact, its staff cannot sign in, nothing is deleted.
alter table kenpo add column disabled_at timestamptz;
