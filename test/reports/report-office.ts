// A quarter's worth of office data, with rows on both sides of each boundary of 2026-Q1 in Athens
// (the office's midnight of 1 January is 22:00 UTC on 31 December; of 1 April, 21:00 UTC on 31
// March): the clippings through the register's own service (numbers, topics, search columns), the
// other areas' rows through Prisma. What the report must count for 2026-Q1 is in EXPECTED.
import type { Services } from "../../src/app/areas.js";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import type { PrismaClient } from "../../src/generated/prisma/client.js";
import { validClip } from "../support/clip-form.js";

export const MANAGER = "U0REPMGR1";
const at = (iso: string) => new Date(iso);
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

export const EXPECTED = {
  "clippings.total": 4,
  "clippings.withdrawn": 1,
  "clippings.positive": 1,
  "clippings.neutral": 0,
  "clippings.negative": 2,
  "clippings.replies_asked": 2,
  "clippings.replies_answered": 1,
  "clippings.replies_owed": 1,
  "clippings.replies_overdue": 1,
  "events.held": 2,
  "events.cancelled": 1,
  "events.expected_attendance": 300,
  "events.attendance": 180,
  "events.with_feedback": 1,
  "sponsors.count": 2,
  "sponsors.pledged_cents": 350050,
  "sponsors.received_cents": 100000,
  "sponsors.declined": 1,
  "sponsors.prospects": 1,
  "translations.requested": 2,
  "translations.delivered": 2,
  "translations.late": 1,
  "translations.turnaround_days": 3,
  "correspondence.total": 3,
  "correspondence.incoming": 2,
  "correspondence.outgoing": 1,
  "correspondence.calls": 1,
  "correspondence.declined": 1,
  "contacts.added": 2,
  "contacts.vip": 1,
} as const;

export async function fillQuarter(prisma: PrismaClient, s: Services): Promise<void> {
  await s.roles.grantRole({ slackUserId: MANAGER, role: "manager", grantedBy: "test" });
  await s.roles.grantRole({ slackUserId: MANAGER, role: "staff", grantedBy: "test" });
  const topics = await s.clippings.listActiveTopics();
  const culture = topics.find((t) => t.nameEl === "Πολιτισμός")?.id;
  const cleaning = topics.find((t) => t.nameEl === "Καθαριότητα")?.id;
  const knownTopicIds = new Set(topics.map((t) => t.id));
  const clip = async (key: string, over: Record<string, unknown>) => {
    const r = validateClipping(
      { ...validClip, url: `https://example.gr/report/${key}`, ...over },
      {
        today: "2026-06-01",
        knownTopicIds,
      },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const made = await s.clippings.createClipping({
      draft: r.draft,
      createdBy: MANAGER,
      submissionKey: `report-${key}`,
    });
    if (made.status !== "created") throw new Error(made.status);
    return made.clipping.id;
  };
  // Outside: the day before and the day after the quarter.
  await clip("before", { publishedOn: "2025-12-31", tone: "negative" });
  await clip("after", { publishedOn: "2026-04-01", tone: "negative" });
  // Inside: its first and last days, a negative one with two topics, one withdrawn.
  await clip("first", { publishedOn: "2026-01-01", tone: "positive", topicIds: [String(culture)] });
  const negative = await clip("negative", {
    publishedOn: "2026-02-10",
    tone: "negative",
    title: "Λακκούβες στην οδό Κηφισίας",
    topicIds: [String(culture), String(cleaning)],
  });
  const last = await clip("last", { publishedOn: "2026-03-31", tone: "negative" });
  const withdrawn = await clip("withdrawn", { publishedOn: "2026-03-01", tone: "neutral" });
  await prisma.clipping.update({
    where: { id: withdrawn },
    data: { withdrawnAt: at("2026-03-02T10:00:00Z"), withdrawnBy: MANAGER, withdrawReason: "διπλό" },
  });
  // Replies: one answered, one owed and overdue (due 15/4, today is 1/6).
  await prisma.clipping.update({
    where: { id: negative },
    data: {
      needsReply: true,
      replyDueOn: day("2026-02-20"),
      replyClosedAt: at("2026-02-18T09:00:00Z"),
      replyClosedBy: MANAGER,
    },
  });
  await prisma.clipping.update({ where: { id: last }, data: { needsReply: true, replyDueOn: day("2026-04-15") } });

  // Events: 23:30 on 31/12 in Athens is outside, 00:30 on 1/1 inside; 00:30 on 1/4 outside.
  const event = (title: string, startsAt: string, over: Record<string, unknown> = {}) =>
    prisma.event.create({
      data: {
        title,
        typeSlug: "ceremony",
        startsAt: at(startsAt),
        endsAt: new Date(at(startsAt).getTime() + 2 * 3600_000),
        createdBy: MANAGER,
        ...over,
      },
    });
  await event("Παραμονή", "2025-12-31T21:30:00Z", { expectedAttendance: 1000 });
  const newYear = await event("Πρωτοχρονιά", "2025-12-31T22:30:00Z", { expectedAttendance: 200 });
  await event("Απόκριες", "2026-02-20T16:00:00Z", { expectedAttendance: 100 });
  await event("Ακυρωμένη", "2026-03-10T16:00:00Z", { status: "cancelled", cancelledAt: at("2026-03-01T10:00:00Z") });
  await event("Πρωταπριλιά", "2026-03-31T21:30:00Z", { expectedAttendance: 50 });
  for (const [i, attendance] of [150, 180].entries())
    await prisma.eventFeedback.create({
      data: { eventId: newYear.id, by: MANAGER, attendance, wentWell: "Η μουσική", submissionKey: `fb-${i}` },
    });

  // Sponsorships: by the event's date, or when undated by when they were entered.
  const sponsor = (organisation: string, over: Record<string, unknown>) =>
    prisma.sponsorship.create({
      data: { organisation, contributionType: "money", eventName: "Καρναβάλι", createdBy: MANAGER, ...over },
    });
  await sponsor("Α.Ε. Πρώτη", {
    pledgedAmount: "2500.50",
    receivedAmount: "1000",
    eventDate: day("2026-02-20"),
    status: "received",
  });
  await sponsor("Β.Ε. Δεύτερη", { pledgedAmount: "1000", eventDate: day("2026-03-31"), status: "committed" });
  await sponsor("Γ. Απορρίφθηκε", { pledgedAmount: "9999", eventDate: day("2026-03-01"), status: "declined" });
  await sponsor("Δ. Υποψήφιος", { status: "prospect", createdAt: at("2026-01-05T10:00:00Z") });
  await sponsor("Ε. Εκτός", { pledgedAmount: "7000", eventDate: day("2026-04-01"), status: "committed" });

  // Translations: asked in the quarter (two), delivered in it (two: one asked before it).
  const translation = (title: string, over: { dueOn: Date } & Record<string, unknown>) =>
    prisma.translationRequest.create({
      data: {
        title,
        documentUrl: "https://example.gr/doc",
        sourceLang: "el",
        targetLang: "en",
        requestedBy: MANAGER,
        ...over,
      },
    });
  await translation("Πριν", {
    createdAt: at("2025-12-31T21:59:00Z"),
    dueOn: day("2026-01-10"),
    status: "accepted",
    deliveredAt: at("2026-01-03T10:00:00Z"),
  });
  await translation("Μέσα", {
    createdAt: at("2026-01-10T10:00:00Z"),
    dueOn: day("2026-01-12"),
    status: "delivered",
    deliveredAt: at("2026-01-12T23:30:00Z"),
  });
  await translation("Ανοιχτή", { createdAt: at("2026-03-20T10:00:00Z"), dueOn: day("2026-04-10"), targetLang: "fr" });

  // Letters: registered on either side of the office's midnight of 1 January, and after the quarter.
  let seq = 0;
  const letter = (createdAt: string, year: number, over: Record<string, unknown>) =>
    prisma.letter.create({
      data: {
        registerYear: year,
        registerSeq: ++seq,
        direction: "incoming",
        letterDate: day(createdAt.slice(0, 10)),
        counterpart: "Δήμος Λεμεσού",
        country: "Κύπρος",
        subject: "Αδελφοποίηση",
        createdBy: MANAGER,
        createdAt: at(createdAt),
        ...over,
      },
    });
  await letter("2025-12-31T21:30:00Z", 2025, {});
  await letter("2025-12-31T22:30:00Z", 2026, {});
  await letter("2026-02-01T10:00:00Z", 2026, {
    direction: "outgoing",
    country: "Γαλλία",
    counterpart: "Ville de Nice",
  });
  await letter("2026-03-15T10:00:00Z", 2026, {
    kind: "call_for_interest",
    counterpart: "Eurocities",
    country: null,
    status: "declined",
  });
  await letter("2026-05-15T10:00:00Z", 2026, {});

  // Contacts: entered on either side of the boundaries.
  const contact = (nameEl: string, createdAt: string, over: Record<string, unknown> = {}) =>
    prisma.contact.create({ data: { nameEl, createdBy: MANAGER, createdAt: at(createdAt), ...over } });
  await contact("Πριν Επαφή", "2025-12-31T21:00:00Z");
  await contact("Πρέσβης Α", "2026-01-02T10:00:00Z", { vip: true, categorySlug: "embassies" });
  await contact("Σύλλογος Β", "2026-03-31T20:59:00Z");
  await contact("Μετά Επαφή", "2026-03-31T21:00:00Z");
}
