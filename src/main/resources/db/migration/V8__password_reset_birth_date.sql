-- A password reset asks the member's birth date as well (it also lifts a lock): wrong birth
-- dates are counted per link, and the link is void after a few.
alter table password_reset add column birth_date_attempts integer not null default 0;
