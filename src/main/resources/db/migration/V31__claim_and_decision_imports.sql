-- 医療費 and 給付 imports (issue 11): 公費 on a claim line, and the staging tables the files are
-- copied into before their set-based merge.

-- 公費: the part of the cost a public programme (難病, 子ども医療費助成 …) paid, neither the
-- insurer's nor the patient's.
alter table medical_claim add column public_paid int not null default 0 check (public_paid >= 0);
alter table medical_claim drop constraint medical_claim_check;
alter table medical_claim add constraint medical_claim_shares check (insurer_paid + public_paid + patient_paid <= total_cost);

create unlogged table medical_claim_import_staging (
    job_id         bigint      not null,
    kenpo_id       bigint      not null,
    line           bigint      not null,
    person_key     text        not null,
    service_month  date        not null,
    category       text        not null,
    provider_name  text        not null,
    days           int         not null,
    total_cost     int         not null,
    insurer_paid   int         not null,
    public_paid    int         not null,
    patient_paid   int         not null,
    published_at   timestamptz not null,
    member_id      bigint
);
create index medical_claim_import_staging_job on medical_claim_import_staging (job_id);

create unlogged table benefit_decision_import_staging (
    job_id              bigint      not null,
    kenpo_id            bigint      not null,
    line                bigint      not null,
    decision_number     text        not null,
    person_key          text        not null,
    kind                text        not null,
    service_month       date,
    period_from         date,
    period_to           date,
    provider_name       text,
    decided_on          date        not null,
    paid_on             date        not null,
    amount              int         not null,
    direct_payment      int         not null,
    cost                int,
    payee               text        not null,
    bank_name           text,
    account_last_digits text,
    covered_person_keys text,
    published_at        timestamptz not null,
    member_id           bigint
);
create index benefit_decision_import_staging_job on benefit_decision_import_staging (job_id);
