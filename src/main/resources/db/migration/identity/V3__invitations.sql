-- Staff are invited, not registered: the same kind of link, which sets the first password instead.
ALTER TABLE identity.email_confirmation
  ADD COLUMN purpose text NOT NULL DEFAULT 'confirm' CHECK (purpose IN ('confirm', 'set-password'));
COMMENT ON COLUMN identity.email_confirmation.purpose IS 'confirm: an applicant confirms the address; set-password: invited staff choose their first password';
