-- Payment batches of approved インフルエンザ予防接種補助 (issue 12): one per payment date and kenpo,
-- paid by a 全銀協 総合振込 file or through the employers' payment lists; once marked paid, each
-- person gets a 現金給付支給決定 of the new kind FLU_SUBSIDY in the benefit module.
create table flu_payment_batch (
    id                  bigint generated always as identity primary key,
    kenpo_id            bigint      not null references kenpo (id),
    payment_date        date        not null,
    payee               text        not null check (payee in ('MEMBER_ACCOUNT', 'EMPLOYER')),
    state               text        not null check (state in ('OPEN', 'PAID')),
    application_count   int         not null,
    total_amount        bigint      not null,
    created_by          bigint      not null,
    created_at          timestamptz not null,
    paid_by             bigint,
    paid_at             timestamptz
);
create index flu_payment_batch_kenpo on flu_payment_batch (kenpo_id, id desc);

alter table benefit_decision drop constraint benefit_decision_kind_check;
alter table benefit_decision add constraint benefit_decision_kind_check check (kind in ('HIGH_COST', 'ADDITIONAL',
    'COPAY_REFUND', 'FAMILY_ADDITIONAL', 'MEDICAL_REIMBURSEMENT', 'SICKNESS_ALLOWANCE', 'MATERNITY_ALLOWANCE',
    'CHILDBIRTH_LUMP_SUM', 'FAMILY_CHILDBIRTH_LUMP_SUM', 'BURIAL', 'FLU_SUBSIDY'));
