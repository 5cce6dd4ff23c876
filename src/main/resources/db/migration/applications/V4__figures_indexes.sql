-- The public statistics count applications by week of submission and decisions by week of decision.
CREATE INDEX application_by_service_submitted ON applications.application (service_code, submitted_at)
  WHERE submitted_at IS NOT NULL;
CREATE INDEX decision_by_decided_at ON applications.decision (decided_at);
