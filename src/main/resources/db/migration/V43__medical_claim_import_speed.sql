-- 医療費 import speed (issue 11, performance). Every index on medical_claim is written once per
-- imported line, so one that no query needs is pure cost.
--
-- medical_claim_member_month (member_id, service_month) is served by the unique constraint's
-- index (kenpo_id, member_id, service_month, category, provider_name): every query that reads
-- claims by member also names the kenpo (MedicalExpenses.published, publishedMonths; the
-- foreign key checks from member), so the unique index's first three columns answer them.
drop index if exists medical_claim_member_month;

-- The staging table holds only the rows of the jobs in flight (one per node at a time), and
-- each statement on it reads all of a job's rows: a sequential scan. Its index on job_id was
-- one more index written per line while COPY filled the table, and never used for a large job.
drop index if exists medical_claim_import_staging_job;
