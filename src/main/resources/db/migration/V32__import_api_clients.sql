-- Import API clients (issue 11): one or more per kenpo, created by a 管理者 in the console. The
-- secret is shown once and stored as its SHA-256: it is 256 random bits, so a slow password hash
-- adds nothing against guessing and would cost every nightly request a hash.
create table import_api_client (
    id             bigint generated always as identity primary key,
    kenpo_id       bigint      not null references kenpo (id),
    client_id      text        not null unique check (client_id ~ '^kp-[a-z0-9]{16}$'),
    name           text        not null check (length(name) between 1 and 100),
    secret_sha256  char(64)    not null,
    created_at     timestamptz not null,
    created_by     bigint      not null references staff_account (id),
    rotated_at     timestamptz,
    revoked_at     timestamptz,
    last_used_at   timestamptz
);
create index import_api_client_kenpo on import_api_client (kenpo_id);
alter table import_job add constraint import_job_api_client foreign key (api_client_id) references import_api_client (id);
