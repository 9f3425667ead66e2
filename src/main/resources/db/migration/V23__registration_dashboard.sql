-- The registration dashboard (admin.dashboard) counts in the database for kenpo of 100,000
-- insured persons: sign-ins per day read a month of one kenpo's events of one type, not every
-- event of the kenpo (from the index alone, account_id included for the members signed in per day);
-- registrations per day read only the accounts registered in the period.
create index audit_event_kenpo_type on audit_event (kenpo_id, type, occurred_at) include (account_id);
create index account_kenpo_onboarded on account (kenpo_id, onboarded_at) where onboarded_at is not null;
