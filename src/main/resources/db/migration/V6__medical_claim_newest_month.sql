-- How far a kenpo's 医療費 data reaches (every 医療費 page shows it): the newest month of
-- treatment with a claim published by now. With the index on (kenpo_id, service_month) alone,
-- finding it read every claim of the months not yet published (the whole kenpo's, two or three
-- months of them) and threw them away; with published_at in the index, each month is one probe
-- (MedicalExpenses.newestPublishedMonth). The new index also serves what the old one did.
create index medical_claim_kenpo_month_published on medical_claim (kenpo_id, service_month, published_at);
drop index medical_claim_kenpo_month;
