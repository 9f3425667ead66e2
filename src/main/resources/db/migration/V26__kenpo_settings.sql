-- Console settings (issue 10, item 2): terms versions take effect at a date, and the kenpo
-- names the day of the month on which new data is published.
alter table terms add column effective_at timestamptz;
update terms set effective_at = published_at;
alter table terms alter column effective_at set not null;

alter table kenpo add column publication_day int not null default 10
    check (publication_day between 1 and 28);
