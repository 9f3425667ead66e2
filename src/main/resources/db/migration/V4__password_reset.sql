-- Password reset links (パスワードを忘れた方): only an HMAC of the token is kept, so a copy of
-- the database opens no account. A new request voids the earlier link; a link is used once.
create table password_reset (
    id          bigint generated always as identity primary key,
    kenpo_id    bigint      not null references kenpo (id),
    account_id  bigint      not null references account (id),
    token_hash  text        not null unique,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    used_at     timestamptz,
    voided_at   timestamptz
);
create index password_reset_active on password_reset (account_id) where used_at is null and voided_at is null;
