-- Authenticator apps (OTP アプリ認証): the secret encrypted with AES-GCM, the last step used
create table totp_credential (
    account_id      bigint      primary key references account (id),
    kenpo_id        bigint      not null references kenpo (id),
    secret          bytea       not null,
    created_at      timestamptz not null,
    last_used_step  bigint      not null default -1
);

-- Passkeys (生体認証): Spring Security's credential table (user-credentials-schema-postgres.sql, 7.1.1)
create table user_credentials (
    credential_id                varchar(1000) not null,
    user_entity_user_id          varchar(1000) not null,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null,
    primary key (credential_id)
);
create index user_credentials_user on user_credentials (user_entity_user_id);

-- The WebAuthn user handle of each account (in place of Spring's user_entities), so a
-- passkey names the member's user ID and belongs to one kenpo
create table passkey_user (
    account_id   bigint        primary key references account (id),
    kenpo_id     bigint        not null references kenpo (id),
    user_handle  varchar(1000) not null unique
);
