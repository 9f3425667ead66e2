-- 全てのデバイスからサインアウトする on a change of mail address (seeds 001, 002): the change
-- completes when the new address is confirmed, possibly by the link on another device, so the
-- choice is kept with the confirmation. The value is a random mark also stored in the session
-- that asked for the change (it survives that session's ID changes); when the address is
-- confirmed, every other session of the account ends. Null: nobody is signed out.
alter table email_verification add column keep_session_mark text;
