// An office with data in every table, for the backup's round trip: the register, contacts and
// roles through the services (so the triggers, generated columns and register counters are the
// real ones), the other areas' rows through Prisma with the awkward values a backup must keep
// exactly: Greek text, quotes, backslashes and newlines, cents, milliseconds, arrays, JSON, nulls.

import type { Services } from "../../src/app/areas.js";
import { validateClipping } from "../../src/areas/clippings/validation.js";
import type { Database } from "../../src/db/database.js";
import { Prisma } from "../../src/generated/prisma/client.js";
import { validClip } from "./clip-form.js";
import { contactDraft } from "./factories.js";

const AWKWARD = "Σημείωση με \"εισαγωγικά\", 'απόστροφο', \\ ανάποδη κάθετο,\nνέα γραμμή και ☕";
const at = (iso: string) => new Date(iso);

export async function fillOffice(db: Database, services: Services): Promise<void> {
  await services.roles.ensureRoleHolders(["U0ADMIN01"], "admin");
  await services.roles.ensureRoleHolders(["U0MANAGER"], "manager");
  for (const [i, title] of ["Ο Δήμαρχος Αμαρουσίου στο πάρκο", `Νέα πλατεία: ${AWKWARD}`].entries()) {
    const r = validateClipping(
      { ...validClip, title, url: `https://example.gr/news/${i}`, medium: "print", tone: "positive" },
      { today: "2026-11-30", knownTopicIds: new Set() },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const made = await services.clippings.createClipping({
      draft: r.draft,
      createdBy: "U0STAFF01",
      submissionKey: `backup-${i}`,
    });
    if (made.status !== "created") throw new Error(made.status);
  }
  const contact = await services.contacts.create({
    draft: contactDraft({
      nameEl: "Αικατερίνη Σταυροπούλου",
      nameLatin: "Aikaterini Stavropoulou",
      organisation: "Γενικό Προξενείο",
      categorySlug: "embassies",
      email: "k.stavropoulou@example.org",
      nameDayKey: "fixed:11-25",
      notes: AWKWARD,
      vip: true,
    }),
    createdBy: "U0STAFF01",
  });
  if (!("contact" in contact)) throw new Error("contact not created");
  const contactId = contact.contact.id;

  const p = db.prisma;
  const [clipping] = await p.clipping.findMany({ orderBy: { id: "asc" }, take: 1 });
  const topic = await p.topic.findFirstOrThrow();
  const department = await p.department.findFirstOrThrow();
  const clippingId = clipping?.id ?? 0;
  await p.clippingTopic.create({ data: { clippingId, topicId: topic.id } });
  await p.clippingDepartment.create({ data: { clippingId, departmentId: department.id } });
  await p.clippingChange.create({
    data: {
      clippingId,
      changedBy: "U0STAFF01",
      changedAt: at("2026-11-30T10:11:12.345Z"),
      field: "title",
      oldValue: null,
      newValue: AWKWARD,
    },
  });
  await p.watchTerm.create({ data: { term: "Δήμαρχος Αμαρουσίου", channelId: "C0ALERTS", createdBy: "U0MANAGER" } });
  await p.jobRun.create({
    data: {
      jobName: "morning-digest",
      scheduledFor: at("2026-11-23T06:00:00Z"),
      status: "succeeded",
      attempts: 1,
      startedAt: at("2026-11-23T06:00:00.001Z"),
      finishedAt: at("2026-11-23T06:00:01.999Z"),
      manual: true,
      outcome: "posted 3",
    },
  });
  await p.jobSetting.create({
    data: {
      jobName: "morning-digest",
      enabled: false,
      channelId: "C0MANAGERS",
      schedule: "45 7 * * 1-5",
      createdAt: at("2026-01-01T00:00:00Z"),
    },
  });
  await p.outboundMessage.create({
    data: {
      idempotencyKey: "digest:2026-11-23:U0MANAGER",
      channel: "D0MANAGER",
      status: "sent",
      attempts: 1,
      ts: "1763877600.000100",
      sentAt: at("2026-11-23T06:00:02.5Z"),
    },
  });
  await p.calendarOverride.create({
    data: { date: at("2026-06-11"), kind: "holiday", name: "Πολιούχος", setBy: "U0ADMIN01" },
  });
  // Labour Day 2027 (1 May is Holy Saturday) as the published decision put it.
  await p.holidayMove.create({
    data: { year: 2027, holiday: "labour_day", date: at("2027-05-04"), setBy: "U0ADMIN01" },
  });
  // A private channel the admins were told to invite the bot to.
  await p.channelProblem.create({
    data: { channel: "G0PRIVATE1", reason: "channel_not_found", toldAt: at("2026-11-20T07:00:00.123Z") },
  });
  // A reminder put off until tomorrow morning, with its blocks (JSON) kept to be posted again.
  await p.snoozedReminder.create({
    data: {
      userId: "U0STAFF01",
      channel: "D0STAFF01",
      messageTs: "1764576000.000100",
      text: "Υπενθύμιση: απάντηση «για το πάρκο» & τα σχόλια",
      blocks: [{ type: "section", text: { type: "mrkdwn", text: "Υπενθύμιση" } }],
      choice: "morning",
      dueAt: at("2026-11-26T07:00:00.000Z"),
      createdAt: at("2026-11-25T10:15:00.250Z"),
    },
  });
  await p.contactAudit.create({
    data: { contactId, action: "export", actor: "U0MANAGER", detail: "fields: email, phone" },
  });
  await p.greeting.create({
    data: {
      contactId,
      kind: "name_day",
      occasion: "name-days:2026-11-25",
      status: "sent",
      doneBy: "U0STAFF01",
      doneAt: at("2026-11-25T07:30:00Z"),
    },
  });
  await p.calendarReminder.create({
    data: {
      kind: "celebration",
      name: "Πολιούχος",
      dateKey: "fixed:06-11",
      leadDays: 7,
      holiday: true,
      createdBy: "U0ADMIN01",
    },
  });
  await p.contactImport.create({
    data: {
      requestedBy: "U0STAFF01",
      fileName: "επαφές.csv",
      plan: {
        rows: [{ name: "Γιώργος", action: "create", note: AWKWARD, amount: 12.5, big: 9007199254740993n.toString() }],
        empty: [],
        nothing: null,
      },
    },
  });
  const translation = await p.translationRequest.create({
    data: {
      title: "Επιστολή αδελφοποίησης",
      documentUrl: "https://example.gr/doc.pdf",
      sourceLang: "el",
      targetLang: "fr",
      dueOn: at("2026-12-10"),
      urgency: "urgent",
      requestedBy: "U0STAFF01",
      status: "assigned",
      assignee: "U0TRANS01",
    },
  });
  await p.translationEvent.create({
    data: {
      requestId: translation.id,
      action: "assign",
      fromStatus: "requested",
      toStatus: "assigned",
      by: "U0MANAGER",
      at: at("2026-12-01T09:00:00.5Z"),
      note: AWKWARD,
    },
  });
  await p.letter.create({
    data: {
      registerYear: 2026,
      registerSeq: 1,
      direction: "incoming",
      kind: "invitation",
      letterDate: at("2026-11-20"),
      counterpart: "Ville de Lyon",
      contactId,
      subject: "Invitation",
      translationRequestId: translation.id,
      dueOn: at("2026-12-15"),
      createdBy: "U0STAFF01",
    },
  });
  const eventType = await p.eventType.findFirstOrThrow();
  const event = await p.event.create({
    data: {
      title: "Παρέλαση 28ης Οκτωβρίου",
      typeSlug: eventType.slug,
      startsAt: at("2026-10-28T09:00:00Z"),
      endsAt: at("2026-10-28T11:00:00Z"),
      venue: "Πλατεία",
      expectedAttendance: 2000,
      responsible: ["U0STAFF01", 'U0"QUOTE', "with,comma", "{brace}"],
      languages: [],
      createdBy: "U0STAFF01",
    },
  });
  const sponsorship = await p.sponsorship.create({
    data: {
      organisation: "Φούρνος της γειτονιάς",
      contactId,
      contributionType: "money",
      pledgedAmount: new Prisma.Decimal("2500.50"),
      receivedAmount: new Prisma.Decimal("0.01"),
      eventName: event.title,
      eventDate: at("2026-10-28"),
      eventId: event.id,
      status: "committed",
      notes: AWKWARD,
      createdBy: "U0STAFF01",
    },
  });
  await p.sponsorBenefit.create({
    data: {
      sponsorshipId: sponsorship.id,
      description: "Λογότυπο στην αφίσα",
      owner: "U0STAFF01",
      dueOn: at("2026-10-20"),
    },
  });
  await p.sponsorshipChange.create({
    data: {
      sponsorshipId: sponsorship.id,
      action: "commit",
      fromStatus: "contacted",
      toStatus: "committed",
      by: "U0MANAGER",
      at: at("2026-10-01T08:00:00Z"),
    },
  });
  await p.eventChecklistItem.create({
    data: {
      eventId: event.id,
      title: "Προσκλήσεις: αποστολή",
      dueOn: at("2026-10-13"),
      owner: "U0STAFF01",
      status: "done",
      doneBy: "U0STAFF01",
      doneAt: at("2026-10-12T12:00:00Z"),
    },
  });
  await p.eventFeedback.create({
    data: { eventId: event.id, by: "U0STAFF01", wentWell: AWKWARD, attendance: 1800, submissionKey: "feedback-1" },
  });
  await p.eventGuest.create({
    data: {
      eventId: event.id,
      contactId,
      name: "Αικατερίνη Σταυροπούλου",
      office: "Πρόξενος",
      tieDate: at("2024-03-01"),
      position: 3,
      overrideReason: "οικοδεσπότης",
      addedBy: "U0STAFF01",
    },
  });
  await p.eventInvitation.create({
    data: {
      eventId: event.id,
      name: "Ville de Lyon",
      answer: "accepted",
      invitedBy: "U0STAFF01",
      answeredAt: at("2026-10-10T10:10:10.101Z"),
    },
  });
  await p.eventGift.create({
    data: {
      eventId: event.id,
      what: "Βιβλίο",
      forWhom: "Πρόξενος",
      cost: new Prisma.Decimal("45.90"),
      addedBy: "U0STAFF01",
    },
  });
  // The press intake: a feed, an item proposed from it (a text array, a nullable time), an outlet
  // the office added, the settings.
  const feed = await p.pressFeed.create({
    data: {
      url: "https://www.kathimerini.gr/rss",
      channelId: "C0PRESS01",
      etag: '"v1"',
      lastModified: "Tue, 01 Dec 2026 10:00:00 GMT",
      failures: 1,
      failingSince: at("2026-12-01T10:00:00.123Z"),
      lastError: "HTTP 503",
      createdBy: "U0ADMIN01",
    },
  });
  await p.pressItem.create({
    data: {
      feedId: feed.id,
      urlKey: "kathimerini.gr/a/1",
      url: "https://www.kathimerini.gr/a/1/",
      title: "Ο Δήμαρχος «εγκαινίασε» το πάρκο",
      titleWords: "δημαρ εγκαι παρκο",
      outlet: "Καθημερινή",
      publishedAt: at("2026-12-01T08:00:00.456Z"),
      excerpt: "Στο Μαρούσι",
      matchedTerms: ["Δήμαρχος Αμαρουσίου", "πάρκο"],
      status: "dismissed",
      decidedBy: "U0STAFF01",
      decidedAt: at("2026-12-01T09:00:00.000Z"),
      postKey: "press-intake@2026-12-01T08:00:00.000Z:item:1",
    },
  });
  await p.pressOutlet.create({ data: { host: "amarousiotimes.gr", name: "Αμαρούσιο Times", addedBy: "U0ADMIN01" } });
  await p.pressIntakeSetting.create({ data: { quietFrom: "21:30", quietTo: "06:30", burstPerHour: 5 } });
  // A manager who asked for the Monday coverage report, and one report sent to them.
  await p.coverageSubscription.create({
    data: { slackUserId: "U0MANAGER", createdAt: at("2026-11-20T10:00:00.123Z") },
  });
  await p.coverageDelivery.create({
    data: {
      key: "clipping-coverage-weekly:2026-11-23:U0MANAGER",
      claimedAt: at("2026-11-23T06:00:01.250Z"),
      sentAt: at("2026-11-23T06:00:03.500Z"),
    },
  });
  // The International Relations office's partners, an agreement with its steps and an obligation
  // kept once (one row in every table of the partners area).
  const partner = await services.partners.create({
    actor: "U0MANAGER",
    input: {
      kind: "twinned_city",
      nameEl: "Φαέντσα",
      nameLatin: "Faenza",
      country: "IT",
      languages: "it",
      since: "2003-05-10",
      notes: AWKWARD,
    },
    people: "Αικατερίνη Σταυροπούλου",
    submissionKey: "backup-partner",
  });
  if (partner.status !== "created") throw new Error(partner.status);
  await services.partners.setStatus({
    actor: "U0MANAGER",
    id: partner.partner.id,
    to: "dormant",
    reason: AWKWARD,
    submissionKey: "backup-status",
  });
  const agreement = await services.agreements.propose({
    actor: "U0MANAGER",
    input: { kind: "twinning", title: AWKWARD, partyIds: [partner.partner.id], fields: "Πολιτισμός" },
    submissionKey: "backup-agreement",
  });
  if (agreement.status !== "created") throw new Error(agreement.status);
  await services.agreements.step({
    actor: "U0MANAGER",
    id: agreement.agreement.id,
    step: "committee_opinion",
    input: {},
    submissionKey: "backup-step",
  });
  const obligation = await services.agreements.addObligation({
    actor: "U0MANAGER",
    agreementId: agreement.agreement.id,
    input: { description: "Ετήσια επίσκεψη", owner: "U0MANAGER", recurrence: "yearly", firstDueOn: "2026-05-09" },
    submissionKey: "backup-obligation",
  });
  if (obligation.status !== "created") throw new Error(obligation.status);
  await p.obligationOccurrence.create({
    data: {
      obligationId: obligation.obligation.id,
      dueOn: at("2026-05-09"),
      outcome: "done",
      note: AWKWARD,
      link: "event:1",
      by: "U0MANAGER",
      at: at("2026-05-09T10:00:00Z"),
    },
  });
  // A network with its dues and a delegate, and a meeting decided on, reported, with a follow-up
  // (one row in every table of the networks area).
  const network = await services.networks.createNetwork({
    actor: "U0MANAGER",
    input: {
      name: "Eurocities",
      decisionNumber: "12/2010",
      decisionDate: "2010-02-01",
      ada: "Ψ4ΛΚ46ΜΤΛ6-ΞΣ4",
      notes: AWKWARD,
    },
    submissionKey: "backup-network",
  });
  if (network.status !== "created") throw new Error(network.status);
  await services.networks.addDues({
    actor: "U0MANAGER",
    networkId: network.network.id,
    input: { year: "2026", amount: "2.500,50", dueOn: "2026-03-31" },
    submissionKey: "backup-dues",
  });
  await services.networks.addDelegates({
    actor: "U0MANAGER",
    networkId: network.network.id,
    forum: "Culture Forum",
    userIds: ["U0STAFF01"],
  });
  const meeting = await services.networks.createMeeting({
    actor: "U0MANAGER",
    input: {
      host: { kind: "network", id: network.network.id },
      title: AWKWARD,
      startsOn: "2026-11-10",
      place: "Λιόν",
    },
    submissionKey: "backup-meeting",
  });
  if (meeting.status !== "created") throw new Error(meeting.status);
  await services.networks.decide({
    actor: "U0MANAGER",
    id: meeting.meeting.meeting.id,
    input: { decision: "attend", attendees: ["U0MANAGER"] },
  });
  const reported = await services.networks.report({
    actor: "U0MANAGER",
    id: meeting.meeting.meeting.id,
    input: {
      outcomes: AWKWARD,
      followUps: [{ description: "Πρόταση για κοινό έργο", owner: "U0MANAGER", dueOn: "2026-12-20" }],
    },
    submissionKey: "backup-report",
  });
  if (reported.status !== "reported") throw new Error(reported.status);
  // Q-Cities: the partner as a member, its dues paid, a meeting with approved minutes, a good practice.
  const member = await services.qcities.addMember({
    actor: "U0MANAGER",
    input: { partnerId: partner.partner.id, joinedOn: "2019-03-01" },
    submissionKey: "backup-qcities-member",
  });
  if (member.status !== "created") throw new Error(member.status);
  await services.qcities.recordDues({
    actor: "U0MANAGER",
    memberId: member.member.id,
    input: { year: "2026", amount: "2.500,50", dueOn: "2026-03-31", paidOn: "2026-04-02" },
    submissionKey: "backup-qcities-dues",
  });
  const qcitiesMeeting = await services.qcities.addMeeting({
    actor: "U0MANAGER",
    input: { body: "general_assembly", heldOn: "2026-05-12", online: true, agenda: AWKWARD },
    submissionKey: "backup-qcities-meeting",
  });
  if (qcitiesMeeting.status !== "created") throw new Error(qcitiesMeeting.status);
  await services.qcities.recordMinutes({
    actor: "U0MANAGER",
    id: qcitiesMeeting.meeting.id,
    input: { minutesText: AWKWARD, minutesLink: "https://marousi.slack.com/files/U1/F2/minutes.pdf" },
    submissionKey: "backup-qcities-minutes",
  });
  await services.qcities.approveMinutes({ actor: "U0MANAGER", id: qcitiesMeeting.meeting.id });
  await services.qcities.addPractice({
    actor: "U0MANAGER",
    input: { memberId: member.member.id, title: AWKWARD, field: "Περιβάλλον", description: AWKWARD },
    submissionKey: "backup-qcities-practice",
  });
  // An erased contact leaves a gap in the ids: the restored sequence must not hand that id out again.
  const erased = await p.contact.create({ data: { nameEl: "Προς διαγραφή", createdBy: "U0STAFF01" } });
  await p.contact.delete({ where: { id: erased.id } });
}
