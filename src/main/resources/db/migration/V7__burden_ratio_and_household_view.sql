-- Corrections of what members are told (issue 9: 負担割合, 補填, whose data a household sees, access
-- after loss of qualification).

-- 負担割合 is the kenpo's decision (a member of 70–74 with 現役並み income pays 3割, and so do the
-- dependants of 70–74 who follow them), so it comes with the roster: 2 or 3 tenths (1割 does not
-- occur under 75). Null until the kenpo has delivered it; the portal then prints no ratio rather
-- than one of its own making.
alter table member add column burden_ratio smallint check (burden_ratio in (2, 3));

-- 世帯閲覧 opt-out: a dependant (e.g. an adult child who asked the kenpo) whose data the insured's
-- household pages and downloads must not show. Never the insured themselves.
alter table member add column hidden_from_household boolean not null default false;
alter table member add constraint member_insured_never_hidden check (not (hidden_from_household and branch = '00'));

-- How many months after the insured's 資格喪失日 the account keeps signing in: 0 = it ends on
-- that day. Kenpo differ (some keep access for the two years of data, some end it at once).
alter table kenpo add column access_months_after_loss int not null default 0
    check (access_months_after_loss between 0 and 120);

-- 出産育児一時金 under 直接支払制度: the kenpo pays most of it straight to the hospital and only the
-- 差額 to the member; both are 補填 of the childbirth costs. amount stays what the member is paid
-- (0 when the hospital's bill took the whole lump sum).
alter table benefit_decision add column direct_payment int not null default 0 check (direct_payment >= 0);
alter table benefit_decision drop constraint benefit_decision_amount_check;
alter table benefit_decision add constraint benefit_decision_amount_check check (amount >= 0 and amount + direct_payment > 0);

-- 療養費 reimburses what the member paid in full outside the claims data (治療用眼鏡, 柔道整復, care
-- abroad): the 費用額 the kenpo recognised is the medical cost it is 補填 of, so the tax data can
-- show that cost with the 療養費 subtracted. Null for benefits netted against claims.
alter table benefit_decision add column cost int check (cost > 0);

-- 世帯合算 高額療養費: one decision (paid to the insured) for the claims of several persons of the
-- household. The persons it paid for; a decision with no rows here covers its own member only.
-- Both keys carry the kenpo, so a decision can never cover another kenpo's member.
alter table benefit_decision add constraint benefit_decision_kenpo_id_unique unique (kenpo_id, id);
create table benefit_decision_coverage (
    kenpo_id     bigint not null,
    decision_id  bigint not null,
    member_id    bigint not null,
    primary key (decision_id, member_id),
    foreign key (kenpo_id, decision_id) references benefit_decision (kenpo_id, id),
    foreign key (kenpo_id, member_id) references member (kenpo_id, id)
);
