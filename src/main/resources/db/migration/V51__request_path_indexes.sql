-- 会員サポート's member search (console, issue 12) finds a part of 記号・番号, カナ氏名, user ID or mail
-- address anywhere in it (like '%…%'), which no B-tree serves: at 100,000 households a search read every
-- member (or account) row of the kenpo, 0.1–0.6 s each (issue 14, QueryPlansTest). Trigram indexes on
-- exactly the expressions the searches filter on (RosterSearch, AccountSearch) find the few matching rows.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
create extension if not exists pg_trgm;

create index member_symbol_number_trgm on member using gin ((symbol || number) gin_trgm_ops);
create index member_kana_trgm on member using gin ((replace(replace(name_kana, ' ', ''), '　', '')) gin_trgm_ops);
create index account_login_id_trgm on account using gin (login_id gin_trgm_ops);
create index account_email_trgm on account using gin (lower(email) gin_trgm_ops);

-- The mail-code sign-in asks when the last code of the account was sent (EmailCodes, the resend pause);
-- the only index of email_code covers unused codes, so that read every code ever sent.
create index email_code_account_purpose on email_code (account_id, purpose, created_at);
