-- The staff console (admin module): staff accounts, their invitations, and the staff account
-- named in the audit trail.

-- A staff account belongs to one kenpo; an operator (運用者) to none and acts on every kenpo.
create table staff_account (
    id               bigint generated always as identity primary key,
    kenpo_id         bigint      references kenpo (id),
    login_id         text        not null unique check (login_id = lower(login_id) and length(login_id) between 3 and 100),
    name             text        not null check (length(name) between 1 and 100),
    email            text        not null check (length(email) between 3 and 254),
    role             text        not null check (role in ('OPERATOR', 'ADMIN', 'CLERK', 'VIEWER')),
    password_hash    text,
    password_set_at  timestamptz,
    -- the authenticator-app secret, AES-GCM with the staff ID as associated data
    totp_secret      bytea,
    totp_enrolled_at timestamptz,
    totp_last_step   bigint      not null default -1,
    failed_attempts  int         not null default 0,
    locked_until     timestamptz,
    lock_reason      text,
    disabled_at      timestamptz,
    last_sign_in_at  timestamptz,
    created_at       timestamptz not null,
    constraint staff_operator_has_no_kenpo check ((role = 'OPERATOR') = (kenpo_id is null))
);
create index staff_account_kenpo on staff_account (kenpo_id);

-- A one-time link, valid 72 h, with which a new staff member sets their own password.
create table staff_invitation (
    id          bigint generated always as identity primary key,
    staff_id    bigint      not null references staff_account (id),
    token_hash  text        not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    voided_at   timestamptz
);
create index staff_invitation_staff on staff_invitation (staff_id);

-- Staff actions name the staff account that acted (and their reason, in the detail).
alter table audit_event add column staff_id bigint references staff_account (id);
create index audit_event_staff on audit_event (staff_id, occurred_at desc) where staff_id is not null;
