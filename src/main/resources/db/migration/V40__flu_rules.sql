-- インフルエンザ予防接種補助 (issue 12): the rules of one kenpo for one season (年度), as the
-- kenpo's 管理者 sets them in the console. DOMAIN.md §5 lists the real variants these columns
-- cover: a cap per person (actual cost if lower) or the cost minus a fixed self-pay (with the
-- cap as maximum), separate caps for 被保険者 and 被扶養者, a second dose for children under 13,
-- age limits, insured only, one application per household, payment to the member or via the
-- employer (事業所), and the optional second check (four eyes).
create table flu_season (
    id                  bigint generated always as identity primary key,
    kenpo_id            bigint      not null references kenpo (id),
    fiscal_year         int         not null check (fiscal_year between 2000 and 2100),
    vaccination_from    date        not null,
    vaccination_until   date        not null,
    apply_until         date        not null,
    insured_eligible    boolean     not null,
    dependent_eligible  boolean     not null,
    min_age             int         check (min_age between 0 and 120),
    max_age             int         check (max_age between 0 and 120),
    amount_rule         text        not null check (amount_rule in ('CAP', 'COST_MINUS_SELF_PAY')),
    cap_insured         int         not null check (cap_insured between 0 and 100000),
    cap_dependent       int         not null check (cap_dependent between 0 and 100000),
    self_pay            int         not null default 0 check (self_pay between 0 and 100000),
    child_second_dose   boolean     not null,
    per_household       boolean     not null,
    payment             text        not null check (payment in ('MEMBER_ACCOUNT', 'EMPLOYER')),
    four_eyes           boolean     not null default false,
    updated_at          timestamptz not null default now(),
    unique (kenpo_id, fiscal_year),
    check (vaccination_from <= vaccination_until and vaccination_until <= apply_until)
);

-- The kenpo's own account that pays (振込依頼人 of the 全銀協 総合振込 header record).
create table flu_payer (
    kenpo_id            bigint      primary key references kenpo (id),
    requester_code      char(10)    not null check (requester_code ~ '^[0-9]{10}$'),
    requester_name      text        not null check (length(requester_name) between 1 and 40),
    bank_code           char(4)     not null check (bank_code ~ '^[0-9]{4}$'),
    bank_name           text        not null,
    branch_code         char(3)     not null check (branch_code ~ '^[0-9]{3}$'),
    branch_name         text        not null,
    account_type        char(1)     not null check (account_type in ('1', '2', '9')),
    account_number      char(7)     not null check (account_number ~ '^[0-9]{7}$')
);
