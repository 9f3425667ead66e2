-- The node that holds an import job (queued or running) says so every 30 seconds. A job whose
-- node died (its spooled file was on that node's disk) is failed by any node after 5 minutes
-- of silence, with a message to upload the file again, instead of showing "running" for ever.
alter table import_job add column heartbeat_at timestamptz;
create index import_job_unfinished on import_job (coalesce(heartbeat_at, created_at))
    where state in ('RECEIVED', 'VALIDATING', 'APPLYING');
