-- A one-time code is accepted once (RFC 6238, section 5.2): remember the time step each account last used.
CREATE TABLE identity.totp_used_step (
  account_id uuid NOT NULL REFERENCES identity.account (id),
  step       bigint NOT NULL,
  PRIMARY KEY (account_id, step)
);
COMMENT ON TABLE identity.totp_used_step IS 'Time steps of second-factor codes already used, so that a seen code cannot be replayed';
