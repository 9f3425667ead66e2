-- Kenpo (tenants) and their settings ------------------------------------------------
create table kenpo (
    id                         bigint generated always as identity primary key,
    code                       text        not null unique,
    host                       text        not null unique,
    name                       text        not null,
    insurer_number             char(8)     not null,
    contact_email              text        not null,
    contact_phone              text,
    public_base_url            text,
    symbol_digits              int         not null check (symbol_digits between 1 and 8),
    number_digits              int         not null check (number_digits between 1 and 10),
    initial_password_deadline  timestamptz not null,
    allowed_factors            text[]      not null,
    recommended_factor         text        not null,
    password_min_length        int         not null default 8,
    password_max_length        int         not null default 64,
    password_symbols           text        not null,
    password_required_classes  text[]      not null default '{}',
    enabled_services           text[]      not null default '{}',
    created_at                 timestamptz not null default now()
);

create table terms (
    kenpo_id     bigint      not null references kenpo (id),
    version      int         not null,
    title        text        not null,
    body         text        not null,
    published_at timestamptz not null,
    primary key (kenpo_id, version)
);

-- Roster: insured persons and dependents ---------------------------------------------
create table member (
    id            bigint generated always as identity primary key,
    kenpo_id      bigint not null references kenpo (id),
    symbol        text   not null,
    number        text   not null,
    branch        char(2) not null,
    name          text   not null,
    name_kana     text   not null,
    birth_date    date   not null,
    sex           text   not null check (sex in ('MALE', 'FEMALE')),
    relationship  text   not null,
    acquired_on   date   not null,
    lost_on       date,
    unique (kenpo_id, symbol, number, branch)
);
create index member_household on member (kenpo_id, symbol, number);

-- Web accounts of insured persons -----------------------------------------------------
create table account (
    id                       bigint generated always as identity primary key,
    kenpo_id                 bigint      not null references kenpo (id),
    member_id                bigint      not null unique references member (id),
    login_id                 text        not null check (login_id = lower(login_id)),
    login_id_temporary       boolean     not null default false,
    initial_password_hash    text,
    password_hash            text,
    password_changed_at      timestamptz,
    email                    text,
    email_verified_at        timestamptz,
    birth_date_confirmed_at  timestamptz,
    terms_version            int,
    user_id_confirmed_at     timestamptz,
    second_factor            text check (second_factor in ('EMAIL_CODE', 'TOTP', 'PASSKEY')),
    second_factor_enrolled_at timestamptz,
    onboarded_at             timestamptz,
    failed_attempts          int         not null default 0,
    lock_round               int         not null default 0,
    locked_until             timestamptz,
    locked_by_kenpo_at       timestamptz,
    created_at               timestamptz not null default now(),
    unique (kenpo_id, login_id)
);

create table terms_acceptance (
    account_id   bigint      not null references account (id),
    kenpo_id     bigint      not null references kenpo (id),
    version      int         not null,
    accepted_at  timestamptz not null,
    primary key (account_id, version)
);

-- One-time codes sent by mail (sign-in, factor enrolment) ----------------------------
create table email_code (
    id          bigint generated always as identity primary key,
    kenpo_id    bigint      not null references kenpo (id),
    account_id  bigint      not null references account (id),
    purpose     text        not null,
    email       text        not null,
    code_hash   text        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    attempts    int         not null default 0,
    used_at     timestamptz,
    voided_at   timestamptz
);
create index email_code_active on email_code (account_id, purpose) where used_at is null and voided_at is null;

-- Mail address confirmation: a link and a code in one mail --------------------------
create table email_verification (
    id          bigint generated always as identity primary key,
    kenpo_id    bigint      not null references kenpo (id),
    account_id  bigint      not null references account (id),
    email       text        not null,
    token_hash  text        not null unique,
    code_hash   text        not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    attempts    int         not null default 0,
    verified_at timestamptz,
    voided_at   timestamptz
);
create index email_verification_account on email_verification (account_id);

-- Mail outbox: written in the caller's transaction, sent by a worker with retries ----
create table mail_outbox (
    id              bigint generated always as identity primary key,
    kenpo_id        bigint references kenpo (id),
    recipient       text        not null,
    subject         text        not null,
    text_body       text        not null,
    html_body       text,
    created_at      timestamptz not null,
    next_attempt_at timestamptz not null,
    attempts        int         not null default 0,
    sent_at         timestamptz,
    last_error      text
);
create index mail_outbox_due on mail_outbox (next_attempt_at) where sent_at is null;

-- Audit trail: append only ---------------------------------------------------------
create table audit_event (
    id           bigint generated always as identity primary key,
    kenpo_id     bigint references kenpo (id),
    account_id   bigint,
    type         text        not null,
    occurred_at  timestamptz not null,
    client_ip    text,
    user_agent   text,
    detail       text
);
create index audit_event_account on audit_event (account_id, occurred_at desc);
create index audit_event_kenpo on audit_event (kenpo_id, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();

-- Rate-limit buckets (Bucket4j), shared by every node ---------------------------------
create table rate_limit_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
