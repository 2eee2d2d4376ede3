-- Step-up: the moment the session's user last re-entered their password. Revealing a full ID number
-- (and later bank accounts, unmasked exports, role grants) needs it within the last few minutes.
ALTER TABLE sessions ADD COLUMN stepped_up_at timestamptz;
