-- Existing web accounts from the kenpo's old system (issue 11): user ID and mail address per
-- person key, copied in with COPY and merged set-based into account.
create unlogged table account_import_staging (
    job_id      bigint not null,
    kenpo_id    bigint not null,
    line        bigint not null,
    person_key  text   not null,
    login_id    text   not null,
    email       text,
    member_id   bigint,
    branch      text
);
create index account_import_staging_job on account_import_staging (job_id);
