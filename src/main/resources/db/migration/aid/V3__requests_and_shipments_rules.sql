-- What the request workflow and the proof of delivery guarantee, held by the database as well as by the domain:
-- an approved request names its first approver, a rejection has its reason, a received shipment who signed for it.
ALTER TABLE aid.request
  ADD CONSTRAINT request_approved_has_approver
    CHECK (status NOT IN ('AWAITING_SECOND_APPROVAL', 'APPROVED', 'CLOSED') OR first_approved_by IS NOT NULL),
  ADD CONSTRAINT request_second_after_first
    CHECK (second_approved_by IS NULL OR first_approved_by IS NOT NULL),
  ADD CONSTRAINT request_rejected_has_reason
    CHECK (status <> 'REJECTED' OR coalesce(length(btrim(decided_reason)), 0) > 0);

ALTER TABLE aid.request_history
  ADD CONSTRAINT request_history_status
    CHECK (status IN ('REQUESTED', 'AWAITING_SECOND_APPROVAL', 'APPROVED', 'REJECTED', 'CANCELLED', 'CLOSED')),
  ADD CONSTRAINT request_history_comment CHECK (length(comment) <= 1000);
COMMENT ON COLUMN aid.request_history.role IS 'Role of who made the change, never a name';

-- The request's history is the record of its decisions: added to, never changed.
CREATE TRIGGER request_history_is_append_only BEFORE UPDATE OR DELETE ON aid.request_history
  FOR EACH ROW EXECUTE FUNCTION aid.refuse_change();
CREATE TRIGGER request_history_is_never_truncated BEFORE TRUNCATE ON aid.request_history
  FOR EACH STATEMENT EXECUTE FUNCTION aid.refuse_change();

ALTER TABLE aid.shipment
  ADD CONSTRAINT shipment_received_is_signed
    CHECK (status <> 'RECEIVED' OR (coalesce(length(btrim(signed_by)), 0) > 0 AND received_by IS NOT NULL
      AND received_at IS NOT NULL)),
  ADD CONSTRAINT shipment_carrier_not_blank CHECK (length(btrim(carrier)) > 0),
  ADD CONSTRAINT shipment_vehicle_not_blank CHECK (length(btrim(vehicle)) > 0);
COMMENT ON COLUMN aid.shipment.carrier IS 'The carrier (a company, a convoy, a driver) as written: never exported, only hashed into the log';
COMMENT ON COLUMN aid.shipment.vehicle IS 'The vehicle''s plate as written: never exported, only hashed into the log';
-- V1's rule that a difference has its reason let a missing reason through: length(btrim(NULL)) > 0 is NULL, and a
-- CHECK that is NULL passes. The same hole let a loss or an adjustment without a reason into the ledger.
ALTER TABLE aid.shipment_line
  ADD CONSTRAINT shipment_line_difference_has_reason
    CHECK (received IS NULL OR received = dispatched OR coalesce(length(btrim(discrepancy)), 0) > 0);
ALTER TABLE aid.movement
  ADD CONSTRAINT movement_loss_or_adjustment_has_reason
    CHECK (kind NOT IN ('ADJUSTMENT', 'LOSS') OR coalesce(length(btrim(reason)), 0) > 0);
COMMENT ON COLUMN aid.shipment_line.discrepancy IS 'Why the received quantity differs from the dispatched one: required when they differ';

-- The shipments page lists those in transit first; the deliveries export and the pipeline read by date of receipt.
CREATE INDEX shipment_in_transit ON aid.shipment (dispatched_on) WHERE status = 'IN_TRANSIT';
CREATE INDEX shipment_by_received_on ON aid.shipment (received_on) WHERE status = 'RECEIVED';
