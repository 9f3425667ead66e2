-- 資格区分 of each roster row (issue 12's last gap): 一般, 任意継続 or 特例退職, delivered by the
-- roster import. Kenpo treat 任意継続・特例退職 households apart (DOMAIN.md §4.1, §5): no employer
-- to pay through, and some subsidy rules include or exclude them. Every existing row is 一般,
-- as the portal treated it so far.
alter table member add column qualification_kind text not null default 'GENERAL'
    check (qualification_kind in ('GENERAL', 'CONTINUED', 'SPECIAL_RETIREE'));

alter table member_import_staging add column qualification_kind text not null default 'GENERAL';
