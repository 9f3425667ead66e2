-- お知らせ written in the staff console: whom a notice is for, whether its publication is
-- mailed (through the publication mails), when it was last edited and when it was withdrawn.
-- Existing notices stay as they were: for everyone, mailed.
alter table notice add column audience text not null default 'ALL'
    check (audience in ('ALL', 'INSURED', 'EMPLOYERS'));
alter table notice add column mail_alert boolean not null default true;
alter table notice add column updated_at timestamptz;
alter table notice add column withdrawn_at timestamptz;
alter table notice add constraint notice_body_length check (length(body) between 1 and 10000);

-- The 事業所 a notice with audience EMPLOYERS is for (codes as on the roster).
create table notice_employer (
    notice_id     bigint not null references notice (id),
    kenpo_id      bigint not null references kenpo (id),
    employer_code text   not null check (length(employer_code) between 1 and 20),
    primary key (notice_id, employer_code)
);
create index notice_employer_kenpo on notice_employer (kenpo_id, employer_code);
