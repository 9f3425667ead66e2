-- Data from the kenpo's core system (issue 11): import jobs, their error reports, the roster's
-- person key and the staging table the roster file is copied into.

-- The kenpo's own stable ID of a person (個人コード; never the マイナンバー): it survives a change of
-- 記号・番号 (転籍, 任意継続), so the account follows the person. Null for rows registered before the
-- first roster import, which adopts them by 記号・番号・枝番.
alter table member add column person_key text check (length(person_key) between 1 and 20);
create unique index member_person_key on member (kenpo_id, person_key) where person_key is not null;
-- where letters go (仮ユーザID letters)
alter table member add column postal_code text check (postal_code ~ '^[0-9]{3}-[0-9]{4}$');
alter table member add column address text check (length(address) between 1 and 200);

-- One uploaded file and what became of it. The job survives the browser: the page polls it.
create table import_job (
    id              bigint generated always as identity primary key,
    kenpo_id        bigint      not null references kenpo (id),
    kind            text        not null check (kind in ('ROSTER', 'CLAIMS', 'DECISIONS', 'ACCOUNTS')),
    state           text        not null check (state in ('RECEIVED', 'VALIDATING', 'PREVIEW', 'APPLYING', 'APPLIED',
                                    'UNCHANGED', 'FAILED', 'DISCARDED')),
    file_name       text        not null check (length(file_name) between 1 and 255),
    sha256          char(64)    not null,
    size_bytes      bigint      not null,
    encoding        text,
    target_month    date        not null check (extract(day from target_month) = 1),
    file_created_on date        not null,
    staff_id        bigint      references staff_account (id),
    api_client_id   bigint,
    bytes_read      bigint      not null default 0,
    rows_read       bigint      not null default 0,
    error_count     bigint      not null default 0,
    inserted        bigint      not null default 0,
    updated         bigint      not null default 0,
    unchanged       bigint      not null default 0,
    lost            bigint      not null default 0,
    rekeyed         bigint      not null default 0,
    -- a message key (console-imports bundle) saying why the file failed as a whole, with its argument
    failure         text,
    failure_arg     text,
    created_at      timestamptz not null,
    started_at      timestamptz,
    finished_at     timestamptz
);
create index import_job_kenpo on import_job (kenpo_id, id desc);
create index import_job_applied on import_job (kenpo_id, kind, target_month) where state = 'APPLIED';

-- Every bad row of a failed file: line, column and a Japanese reason (a message key and its argument).
create table import_error (
    job_id      bigint not null references import_job (id),
    seq         int    not null,
    line        bigint not null,
    column_name text,
    reason      text   not null,
    reason_arg  text,
    value       text,
    primary key (job_id, seq)
);

-- What a roster file will do, shown to staff before they apply it.
create table import_roster_change (
    job_id      bigint not null references import_job (id),
    change      text   not null check (change in ('NEW', 'CHANGED', 'REKEYED', 'LOST', 'ABSENT')),
    line        bigint,
    person_key  text,
    name        text   not null,
    before      text,
    after       text,
    fields      text
);
create index import_roster_change_job on import_roster_change (job_id, change, line);

-- The roster file as copied in (COPY), merged set-based into member; unlogged: it is scratch.
create unlogged table member_import_staging (
    job_id                bigint   not null,
    kenpo_id              bigint   not null,
    line                  bigint   not null,
    person_key            text     not null,
    symbol                text     not null,
    number                text     not null,
    branch                text     not null,
    name                  text     not null,
    name_kana             text     not null,
    birth_date            date     not null,
    sex                   text     not null,
    relationship          text     not null,
    acquired_on           date     not null,
    lost_on               date,
    burden_ratio          smallint,
    employer_code         text,
    employer_name         text,
    postal_code           text,
    address               text,
    hidden_from_household boolean  not null,
    member_id             bigint
);
create index member_import_staging_job on member_import_staging (job_id);
