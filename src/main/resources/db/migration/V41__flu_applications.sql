-- インフルエンザ予防接種補助 applications (issue 12): one per household or per person and season,
-- its persons (one line per vaccinated person), its receipts (bytes in PostgreSQL, re-encoded
-- or checked before they are stored) and its history of states with the reasons given.
create table flu_application (
    id                  bigint generated always as identity primary key,
    kenpo_id            bigint      not null references kenpo (id),
    season_id           bigint      not null references flu_season (id),
    insured_member_id   bigint      not null,
    account_id          bigint      not null,
    state               text        not null check (state in ('DRAFT', 'SUBMITTED', 'IN_REVIEW', 'SENT_BACK',
                                        'APPROVED', 'REJECTED', 'WITHDRAWN', 'PAID')),
    clinic              text        check (length(clinic) <= 100),
    payee               text        not null check (payee in ('MEMBER_ACCOUNT', 'EMPLOYER')),
    bank_code           char(4),
    bank_name           text,
    branch_code         char(3),
    branch_name         text,
    account_type        char(1)     check (account_type in ('1', '2', '4')),
    account_number      char(7),
    account_holder      text        check (length(account_holder) <= 30),
    employer_code       text,
    employer_name       text,
    submitted_at        timestamptz,
    staff_reason        text        check (length(staff_reason) <= 1000),
    reviewed_by         bigint,
    decided_by          bigint,
    decided_at          timestamptz,
    checked_by          bigint,
    checked_at          timestamptz,
    batch_id            bigint,
    created_at          timestamptz not null,
    updated_at          timestamptz not null
);
create index flu_application_queue on flu_application (kenpo_id, state, submitted_at, id);
create index flu_application_household on flu_application (kenpo_id, insured_member_id, season_id);

create table flu_application_person (
    id                  bigint generated always as identity primary key,
    kenpo_id            bigint      not null references kenpo (id),
    application_id      bigint      not null references flu_application (id) on delete cascade,
    member_id           bigint      not null,
    vaccinated_on       date        not null,
    cost                int         not null check (cost between 1 and 1000000),
    doses               int         not null check (doses in (1, 2)),
    subsidy             int         not null check (subsidy >= 0),
    approved            int         check (approved >= 0),
    unique (application_id, member_id)
);
create index flu_application_person_member on flu_application_person (kenpo_id, member_id, vaccinated_on);

create table flu_receipt (
    id                  bigint generated always as identity primary key,
    kenpo_id            bigint      not null references kenpo (id),
    application_id      bigint      not null references flu_application (id) on delete cascade,
    file_type           text        not null check (file_type in ('JPEG', 'PNG', 'HEIC', 'PDF')),
    file_name           text        not null check (length(file_name) <= 200),
    sha256              char(64)    not null,
    size                int         not null check (size > 0 and size <= 10485760),
    data                bytea       not null,
    created_at          timestamptz not null
);
create index flu_receipt_application on flu_receipt (kenpo_id, application_id);
create index flu_receipt_hash on flu_receipt (kenpo_id, sha256);

create table flu_application_event (
    id                  bigint generated always as identity primary key,
    kenpo_id            bigint      not null references kenpo (id),
    application_id      bigint      not null references flu_application (id) on delete cascade,
    at                  timestamptz not null,
    staff_id            bigint,
    state               text        not null,
    reason              text        check (length(reason) <= 1000)
);
create index flu_application_event_application on flu_application_event (kenpo_id, application_id, id);
