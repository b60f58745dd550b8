// The audit lines in the logs (`audit: true` and an event's name), read back from what the running
// bot logged: every export of the contacts, every person's record handed over, every erasure, every
// role given or taken, every job run by hand. Each holds ids and counts, and none of the person's
// name, email or phone.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InFlight } from "../../src/app/in-flight.js";
import { askRunningBot, findRunningBot, startLocalAdmin } from "../../src/app/local-admin.js";
import { auditLog } from "../../src/app/logger.js";
import { lockDataDir } from "../../src/db/data-dir-lock.js";
import { systemClock } from "../../src/lib/clock.js";
import { createJobRuntime } from "../../src/scheduling/runtime.js";
import { contactDraft } from "../support/factories.js";
import type { Json } from "../support/fake-slack.js";
import { captureLogs, startTestBot, type TestBot } from "../support/test-bot.js";

const STAFF = "U0STAFF01";
const MANAGER = "U0MANAG01";
const ADMIN = "U0ADMIN01";
const CHANNEL = "C0PRESS01";

// The person whose data must never reach the audit trail.
const NAME = "Ευανθία Κορομηλά";
const LATIN = "Evanthia Koromila";
const EMAIL = "e.koromila@example.org";
const PHONE = "+30 210 555 0199";

type Line = Record<string, unknown>;

/** The audit lines of one event, parsed; each also checked to hold none of the person's data. */
function audited(logs: string[], event: string): Line[] {
  const lines = logs.filter((l) => l.includes('"audit":true')).filter((l) => (JSON.parse(l) as Line).event === event);
  for (const line of lines) {
    for (const secret of [NAME, "Κορομηλά", LATIN, "Koromila", EMAIL, PHONE, "555 0199"]) {
      expect(line).not.toContain(secret);
    }
    const parsed = JSON.parse(line) as Line;
    expect(parsed.level).toBe(30);
    // Ids and counts: no object or list could carry a record.
    for (const [key, value] of Object.entries(parsed)) {
      expect(typeof value === "object" && value !== null, `${key} is ${JSON.stringify(value)}`).toBe(false);
    }
  }
  return lines.map((l) => JSON.parse(l) as Line);
}

describe("audit lines", () => {
  let t: TestBot;
  let contactId: number;
  beforeAll(async () => {
    t = await startTestBot();
    await t.grant(STAFF, "staff");
    await t.grant(MANAGER, "manager");
    await t.bot.services.roles.ensureAdmins([ADMIN]);
    const created = await t.bot.services.contacts.create({
      draft: contactDraft({
        nameEl: NAME,
        nameLatin: LATIN,
        title: "Πρόξενος",
        organisation: "Γενικό Προξενείο",
        categorySlug: "embassies",
        email: EMAIL,
        phone: PHONE,
      }),
      createdBy: STAFF,
    });
    contactId = created.contact.id;
  });
  afterAll(() => t?.stop());

  it("records a manager's export of the contacts with the count; a staff member's is refused, unaudited", async () => {
    await t.slack.command({ command: "/contact", text: "export", userId: STAFF, channelId: CHANNEL });
    await t.fake.waitFor("response_url", (c) => String(c.args.text).includes("προϊστάμενος"));
    expect(t.fake.callsTo("files.getUploadURLExternal")).toHaveLength(0);
    expect(audited(t.logs, "contacts.exported")).toEqual([]);
    expect(await t.bot.services.contacts.exportFor(STAFF)).toEqual({ status: "refused", reason: "not_manager" });

    await t.slack.command({ command: "/contact", text: "export", userId: MANAGER, channelId: CHANNEL });
    await t.fake.waitFor("files.completeUploadExternal");
    const [line, ...more] = audited(t.logs, "contacts.exported");
    expect(more).toEqual([]);
    expect(line).toMatchObject({ audit: true, event: "contacts.exported", by: MANAGER, contacts: 1 });
  });

  it("records a person's record handed to a manager, by the contact's number", async () => {
    const before = t.fake.calls.length;
    await t.slack.overflowAction({
      userId: MANAGER,
      actionId: "contact_menu",
      value: `data:${contactId}`,
      channelId: CHANNEL,
    });
    await t.fake.waitFor("files.completeUploadExternal", () => true, 30_000, before);
    expect(audited(t.logs, "contact.personal_data_requested")).toEqual([
      expect.objectContaining({ by: MANAGER, contact: contactId }),
    ]);
  });

  it("records an erasure, by the contact's number", async () => {
    const before = t.fake.calls.length;
    await t.slack.overflowAction({
      userId: MANAGER,
      actionId: "contact_menu",
      value: `erase:${contactId}`,
      channelId: CHANNEL,
    });
    const opened = await t.fake.waitFor("views.open", () => true, 30_000, before);
    await t.slack.viewSubmission({ view: opened.response.view as Json, userId: MANAGER, values: {} });
    await t.fake.waitFor("chat.postEphemeral", (c) => String(c.args.text).includes(`#${contactId}`), 30_000, before);
    expect(await t.bot.services.contacts.get(contactId)).toBeNull();
    expect(audited(t.logs, "contact.erased")).toEqual([
      expect.objectContaining({
        by: MANAGER,
        contact: contactId,
        tables: expect.any(Number),
        rows: expect.any(Number),
      }),
    ]);
  });

  it("records each role given or taken, with by whom; one that changes nothing is not recorded", async () => {
    const NEW = "U0NEWBIE1";
    for (const text of [`grant <@${NEW}> manager`, `grant <@${NEW}> manager`, `revoke <@${NEW}> manager`]) {
      const before = t.fake.calls.length;
      await t.slack.command({ command: "/grafeio", text, userId: ADMIN, channelId: CHANNEL });
      await t.fake.waitFor("response_url", () => true, 30_000, before);
    }
    await t.bot.services.roles.revokeRole({ slackUserId: NEW, role: "manager", revokedBy: ADMIN });
    expect(audited(t.logs, "role.granted").filter((l) => l.user === NEW)).toEqual([
      expect.objectContaining({ user: NEW, role: "manager", by: ADMIN }),
    ]);
    expect(audited(t.logs, "role.revoked")).toEqual([
      expect.objectContaining({ user: NEW, role: "manager", by: ADMIN }),
    ]);
    // The configuration's grants at start are recorded too, once.
    expect(audited(t.logs, "role.granted").filter((l) => l.user === ADMIN)).toEqual([
      expect.objectContaining({ role: "admin", by: "configuration" }),
    ]);
  });

  it("records a job run by hand, through the bot's door and by npm run job on its own, with its result", async () => {
    const { logs, logger } = captureLogs("warn");
    const runtime = createJobRuntime({
      config: t.config,
      jobs: t.bot.jobs,
      services: t.bot.services,
      clock: systemClock,
      logger,
      sender: t.bot.sender,
      // LOG_LEVEL=warn: the audit lines are written all the same.
      scheduler: { audit: auditLog(logger) },
    });
    const dir = mkdtempSync(path.join(os.tmpdir(), "grafeio-audit-"));
    const lock = lockDataDir(dir, "the Grafeio bot (npm start)");
    const admin = await startLocalAdmin({
      engine: "pglite",
      dataDir: dir,
      scheduler: runtime.scheduler,
      inFlight: new InFlight(),
      logger,
    });
    try {
      const bot = findRunningBot(dir);
      if (!bot) throw new Error("no door");
      const at = "2026-11-23T06:45:00.000Z";
      const run = await askRunningBot(bot, {
        method: "POST",
        path: "/jobs/run",
        body: { name: "calendar-notes", at, uid: 1000 },
      });
      expect(run).toEqual({ status: 200, body: { result: "succeeded" } });
      expect(await runtime.scheduler.runByHand("calendar-notes", new Date(at), { via: "npm run job", uid: 1001 })).toBe(
        "already_ran",
      );
      expect(audited(logs, "job.run_by_hand")).toEqual([
        expect.objectContaining({
          job: "calendar-notes",
          occurrence: at,
          force: false,
          result: "succeeded",
          via: "local-admin",
          uid: 1000,
        }),
        expect.objectContaining({
          job: "calendar-notes",
          occurrence: at,
          result: "already_ran",
          via: "npm run job",
          uid: 1001,
        }),
      ]);
    } finally {
      admin?.close();
      lock.release();
      rmSync(dir, { recursive: true, force: true });
      await runtime.stop(1000);
    }
  });
});
