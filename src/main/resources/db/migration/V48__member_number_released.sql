-- A roster file may give a person the 記号・番号・枝番 that someone absent from the file held (issue 11):
-- the absent person has lost the qualification and the core system has reassigned the number. The
-- absent person's row stays (their account works for the kenpo's months after loss, their claims
-- and decisions stay theirs) but no longer holds the number: released_by_import names the roster
-- import that gave it away. Such a row is history; the number belongs to the row where it is null.
alter table member add column released_by_import bigint;

comment on column member.released_by_import is
    'The roster import (import_job id) that gave this row''s 記号・番号 to another person; null while the row holds it. '
    'A household is the rows of one 記号・番号 with the same value here.';

-- The number is unique among the rows that hold it. An exclusion constraint rather than a unique
-- index: it can be partial and still DEFERRABLE (V44: swaps within one file).
alter table member drop constraint member_symbol_number_branch_unique;

alter table member add constraint member_symbol_number_branch_held
    exclude using btree (kenpo_id with =, symbol with =, number with =, branch with =)
    where (released_by_import is null) deferrable initially immediate;

-- The preview names an absent person who had lost the qualification before and whose number goes
-- to another person now.
alter table import_roster_change drop constraint import_roster_change_change_check;

alter table import_roster_change add constraint import_roster_change_change_check
    check (change in ('NEW', 'CHANGED', 'REKEYED', 'LOST', 'ABSENT', 'RELEASED'));
