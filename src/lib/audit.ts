// The audit trail: one log line per act on people's data or on rights (an export of the contacts,
// a person's record handed over, an erasure, a role given or taken, a job run by hand, a backup), with
// `audit: true` and the event's name. Its fields are ids and counts only: a Slack user id, a
// contact's number, a role or a job's name, how many rows; never a name, an address, an email or a
// phone, so the log keeps who did what without keeping what was erased. The composition root gives
// the areas a log that writes these lines (src/app/logger.ts: auditLog).

export type AuditEvent =
  | "contacts.exported"
  | "contact.personal_data_requested"
  | "contact.erased"
  | "role.granted"
  | "role.revoked"
  | "job.run_by_hand"
  /** `npm run backup`: every row of every table, the contacts' personal data with them. */
  | "backup.written";

/** Ids and counts: the type allows no object, so no record can be logged whole by mistake. */
export type AuditFields = Record<string, string | number | boolean | null>;

export interface AuditLog {
  record(event: AuditEvent, fields: AuditFields): void;
}

/** For a use case built without a log (tests of a single service). */
export const noAudit: AuditLog = { record() {} };
