-- 仮ユーザID・仮パスワード letters (issue 11, seeds 002 and 003): the member's postal address for
-- the window envelope, and the letter batches staff request in the console.

-- Nullable: the roster import (issue 11) fills them; a letter without them prints the name only.
-- "if not exists": the roster import's migration may add the same columns.
alter table member add column if not exists postal_code text check (postal_code ~ '^[0-9]{7}$');
alter table member add column if not exists address text check (length(address) between 1 and 200);

-- One request for letters: whom (every insured person not yet registered, those of chosen 事業所,
-- or one household), who asked and why, the background job's progress, and the PDF while it
-- waits for its one download. The PDF holds passwords in clear: it is deleted (set to null) on
-- the download or when the batch expires, whichever comes first.
create table letter_batch (
    id             bigint generated always as identity primary key,
    kenpo_id       bigint      not null references kenpo (id),
    requested_by   bigint      not null references staff_account (id),
    scope          text        not null check (scope in ('ALL', 'EMPLOYERS', 'HOUSEHOLD')),
    employer_codes text[]      not null default '{}',
    symbol         text,
    number         text,
    reason         text        not null check (length(reason) between 1 and 200),
    state          text        not null check (state in ('QUEUED', 'RUNNING', 'READY', 'DOWNLOADED', 'EXPIRED', 'FAILED')),
    total          int         not null default 0,
    done           int         not null default 0,
    created_at     timestamptz not null,
    -- the node rendering the batch holds it until then (database time); another node takes over after
    lease_until    timestamptz,
    finished_at    timestamptz,
    expires_at     timestamptz,
    downloaded_at  timestamptz,
    downloaded_by  bigint      references staff_account (id),
    pdf            bytea,
    pdf_size       bigint,
    error          text,
    constraint letter_batch_pdf_only_while_ready check (pdf is null or state = 'READY'),
    constraint letter_batch_household_named check ((scope = 'HOUSEHOLD') = (symbol is not null and number is not null))
);
create index letter_batch_kenpo on letter_batch (kenpo_id, id desc);
create index letter_batch_pending on letter_batch (id) where state in ('QUEUED', 'RUNNING');
create index letter_batch_ready on letter_batch (expires_at) where state = 'READY';

-- Credentials of a letter batch, hashed, waiting for the batch's download (account module): they
-- replace the accounts' initial passwords only when the PDF that carries them is downloaded, so a
-- batch nobody downloaded voids no earlier letter. Deleted when applied or when the batch expires.
create table account_pending_credential (
    kenpo_id      bigint not null references kenpo (id),
    lot           bigint not null,
    member_id     bigint not null references member (id),
    account_id    bigint references account (id),
    login_id      text   not null,
    password_hash text   not null,
    primary key (kenpo_id, lot, member_id)
);
