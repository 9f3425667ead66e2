-- Whom each letter batch wrote to (issue 11): a member's letter is void once a newer batch for
-- the same member is downloaded (its credential replaces the older one, or the older one is
-- never issued), and the console shows on the older batch how many of its letters are void and
-- by which batch, so staff do not post them. Written with the batch's PDF.
create table letter_batch_member (
    kenpo_id   bigint not null references kenpo (id),
    batch_id   bigint not null references letter_batch (id),
    member_id  bigint not null references member (id),
    -- the newer batch whose download made this letter void
    voided_by  bigint references letter_batch (id),
    primary key (batch_id, member_id)
);
create index letter_batch_member_member on letter_batch_member (kenpo_id, member_id);
create index letter_batch_member_voided on letter_batch_member (batch_id) where voided_by is not null;
