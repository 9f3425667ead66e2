-- 記号・番号 may be swapped between two persons (or rotated among several) in one roster file
-- (issue 11): the roster merge updates every person in one statement, and a unique constraint
-- that PostgreSQL checks row by row fails half way through a swap. DEFERRABLE INITIALLY
-- IMMEDIATE checks it at the end of each statement instead: still at once for everything else
-- (a single insert fails in its own statement, as before), and the merge's one update succeeds
-- when the end state is unique. No ON CONFLICT and no foreign key uses this constraint.
do $$
declare
    old_name text;
begin
    select c.conname into old_name
    from pg_constraint c
    where c.conrelid = 'member'::regclass and c.contype = 'u'
      and (select array_agg(a.attname::text order by a.attname) from pg_attribute a
           where a.attrelid = 'member'::regclass and a.attnum = any (c.conkey))
          = array['branch', 'kenpo_id', 'number', 'symbol'];
    if old_name is not null then
        execute format('alter table member drop constraint %I', old_name);
    end if;
end $$;

alter table member add constraint member_symbol_number_branch_unique
    unique (kenpo_id, symbol, number, branch) deferrable initially immediate;
