-- 事業所 (employer) of a person on the roster: お知らせ and the dashboard can target it.
-- Nullable: rosters loaded before the import issue have none until the next import fills them.
alter table member add column employer_code text check (length(employer_code) between 1 and 20);
alter table member add column employer_name text check (length(employer_name) between 1 and 100);
create index member_employer on member (kenpo_id, employer_code) where employer_code is not null;
