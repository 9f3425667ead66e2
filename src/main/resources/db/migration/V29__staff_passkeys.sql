-- Staff passkeys (issue 10): the console's own WebAuthn store, apart from members'
-- (user_credentials, passkey_user), so that no member's passkey is ever looked up for a
-- staff sign-in. Operators have no kenpo: the rows hang on the staff account only.

-- The WebAuthn user handle of each staff account that enrolled a passkey
create table staff_passkey_user (
    staff_id     bigint        primary key references staff_account (id),
    user_handle  varchar(1000) not null unique
);

-- Spring Security's credential columns (user-credentials-schema-postgres.sql, 7.1.1), each
-- credential tied to a staff handle
create table staff_credential (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null references staff_passkey_user (user_handle),
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamptz,
    last_used                    timestamptz,
    label                        varchar(1000) not null
);
create index staff_credential_user on staff_credential (user_entity_user_id);
