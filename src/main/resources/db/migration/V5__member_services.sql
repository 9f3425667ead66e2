-- Member services: 医療費のお知らせ, 現金給付支給決定通知, お知らせ, link tiles, publication mails.

-- 保険者番号: 8 digits, 法別番号 06 (健康保険組合), and its check digit: weights 2,1,2,… from
-- the right over the first 7 digits, the digits of two-digit products added, check digit
-- = (10 - sum mod 10) mod 10. The data layer refuses any other number.
create function insurer_number_is_valid(n text) returns boolean
    language sql immutable strict as $$
    select case when n !~ '^06[0-9]{6}$' then false
           else substr(n, 8, 1)::int = (10 - (
               select sum(p / 10 + p % 10)
               from (select substr(n, i, 1)::int * (case when i % 2 = 1 then 2 else 1 end) as p
                     from generate_series(1, 7) as i) as products) % 10) % 10
           end
$$;
alter table kenpo add constraint kenpo_insurer_number_valid check (insurer_number_is_valid(insurer_number));

-- Every row about a person names the person's kenpo too, and the pair must match: a row can
-- never join one kenpo's member to another kenpo's data.
alter table member add constraint member_kenpo_id_unique unique (kenpo_id, id);

-- 医療費のお知らせ: one row per レセプト (person, month of treatment, 区分, provider) ---------
create table medical_claim (
    id             bigint generated always as identity primary key,
    kenpo_id       bigint      not null,
    member_id      bigint      not null,
    service_month  date        not null check (extract(day from service_month) = 1),
    category       text        not null check (category in ('INPATIENT', 'OUTPATIENT', 'DENTAL', 'PHARMACY', 'HOME_NURSING')),
    provider_name  text        not null check (length(provider_name) between 1 and 100),
    days           int         not null check (days between 0 and 31),
    total_cost     int         not null check (total_cost >= 0),
    insurer_paid   int         not null check (insurer_paid >= 0),
    patient_paid   int         not null check (patient_paid >= 0),
    published_at   timestamptz not null,
    check (insurer_paid + patient_paid <= total_cost),
    foreign key (kenpo_id, member_id) references member (kenpo_id, id),
    unique (kenpo_id, member_id, service_month, category, provider_name)
);
create index medical_claim_member_month on medical_claim (member_id, service_month);
create index medical_claim_published on medical_claim (published_at);
create index medical_claim_kenpo_month on medical_claim (kenpo_id, service_month desc);

-- 現金給付支給決定通知: one row per decision ---------------------------------------------
create table benefit_decision (
    id                  bigint generated always as identity primary key,
    kenpo_id            bigint      not null,
    member_id           bigint      not null,
    decision_number     text        not null,
    kind                text        not null check (kind in ('HIGH_COST', 'ADDITIONAL', 'COPAY_REFUND',
                                        'FAMILY_ADDITIONAL', 'MEDICAL_REIMBURSEMENT', 'SICKNESS_ALLOWANCE',
                                        'MATERNITY_ALLOWANCE', 'CHILDBIRTH_LUMP_SUM', 'FAMILY_CHILDBIRTH_LUMP_SUM',
                                        'BURIAL')),
    service_month       date        check (extract(day from service_month) = 1),
    period_from         date,
    period_to           date,
    provider_name       text,
    decided_on          date        not null,
    amount              int         not null check (amount > 0),
    paid_on             date        not null,
    payee               text        not null check (payee in ('EMPLOYER', 'MEMBER_ACCOUNT')),
    bank_name           text,
    account_last_digits text        check (account_last_digits ~ '^[0-9]{3,4}$'),
    published_at        timestamptz not null,
    check (period_to >= period_from),
    check ((period_from is null) = (period_to is null)),
    check (service_month is not null or period_from is not null),
    check ((payee = 'MEMBER_ACCOUNT') = (bank_name is not null and account_last_digits is not null)),
    foreign key (kenpo_id, member_id) references member (kenpo_id, id),
    unique (kenpo_id, decision_number)
);
create index benefit_decision_member on benefit_decision (member_id, decided_on desc);
create index benefit_decision_published on benefit_decision (published_at);

-- お知らせ from the kenpo, shown within their publication window ----------------------------
create table notice (
    id            bigint generated always as identity primary key,
    kenpo_id      bigint      not null references kenpo (id),
    title         text        not null check (length(title) between 1 and 200),
    body          text        not null,
    publish_from  timestamptz not null,
    publish_until timestamptz,
    created_at    timestamptz not null,
    check (publish_until > publish_from)
);
create index notice_kenpo_published on notice (kenpo_id, publish_from desc);

create table notice_read (
    account_id  bigint      not null references account (id),
    notice_id   bigint      not null references notice (id),
    read_at     timestamptz not null,
    primary key (account_id, notice_id)
);

-- Link tiles to the kenpo's external services (人間ドック等予約, 電子申請, …) ----------------
create table kenpo_link (
    kenpo_id  bigint not null references kenpo (id),
    position  int    not null,
    title     text   not null check (length(title) between 1 and 40 and title !~ '[[:cntrl:]]'),
    url       text   not null check (url ~ '^https://[^\s]+$'),
    primary key (kenpo_id, position)
);

-- Publication mails: opted in by default, at most one mail per kind and day ---------------
alter table account add column publication_mail boolean not null default true;

create table publication_watermark (
    id            int         primary key check (id = 1),
    checked_until timestamptz not null
);

create table publication_pending (
    kenpo_id    bigint not null references kenpo (id),
    account_id  bigint not null references account (id),
    kind        text   not null check (kind in ('MEDICAL', 'BENEFIT', 'NOTICE')),
    primary key (account_id, kind)
);

create table publication_mail_sent (
    account_id  bigint not null references account (id),
    kind        text   not null check (kind in ('MEDICAL', 'BENEFIT', 'NOTICE')),
    sent_on     date   not null,
    primary key (account_id, kind)
);
