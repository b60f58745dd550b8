// `/qcities` in Slack: the command (search, help, the lists, the forms, the year's dues as files),
// the menus of a practice, a member and a meeting, and the forms. Each listener decodes what Slack
// hands back, asks the service, and renders its answer; the service is what refuses.
import type { App, OverflowAction } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { nameWithLatin } from "../../../lib/text.js";
import {
  onAction,
  onCommand,
  onForm,
  type Reply,
  replyPrivately,
  type SlackKit,
  sendFilesPrivately,
  type UserView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { byName, slackNames } from "../../../slack/people-names.js";
import { type DuesExportRow, duesCsv, duesXlsxOffLoop } from "../dues-export.js";
import { localeOf, qcitiesTexts } from "../messages.js";
import type { QCitiesService } from "../service.js";
import {
  chosenId,
  duesFormMetadata,
  type MemberChoice,
  meetingFormMetadata,
  meetingMenuValue,
  memberFormMetadata,
  memberMenuValue,
  minutesFormMetadata,
  practiceFormMetadata,
  practiceMenuValue,
} from "./codecs.js";
import {
  amountCell,
  DUES_MODAL,
  duesModal,
  duesSavedText,
  errorsOf,
  MEETING_MENU,
  MEETING_MODAL,
  MEMBER_MENU,
  MEMBER_MODAL,
  MINUTES_MODAL,
  meetingModal,
  meetingsList,
  memberModal,
  membersList,
  minutesModal,
  PRACTICE_MENU,
  PRACTICE_MODAL,
  practiceModal,
  practiceResults,
  readState,
  refusalText,
} from "./views.js";

export interface QCitiesSlackDeps {
  kit: SlackKit;
  service: QCitiesService;
}

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");
const yearOf = (today: string) => Number(today.slice(0, 4));

const VERBS = {
  practice: ["practice", "πρακτική", "πρακτικη"],
  member: ["member", "μέλος", "μελος"],
  members: ["members", "μέλη", "μελη"],
  meeting: ["meeting", "συνεδρίαση", "συνεδριαση"],
  meetings: ["meetings", "συνεδριάσεις", "συνεδριασεις"],
  dues: ["dues", "συνδρομές", "συνδρομες"],
} as const;
const is = (verb: string, which: keyof typeof VERBS) =>
  (VERBS[which] as readonly string[]).includes(verb.toLowerCase());

async function openPracticeForm(
  deps: QCitiesSlackDeps,
  client: WebClient,
  user: UserView,
  o: { triggerId: string; channel?: string; memberId?: number; practiceId?: number },
  reply: Reply,
) {
  const t = qcitiesTexts(user.locale);
  const members = await deps.service.members(user.userId);
  if (members.status === "refused") return reply(refusalText(t, members.reason));
  if (members.members.length === 0) return reply(t.practice.noMembers);
  let practice: Awaited<ReturnType<QCitiesService["getPractice"]>> = null;
  if (o.practiceId !== undefined) {
    practice = await deps.service.getPractice(o.practiceId);
    if (!practice) return reply(t.notFound);
  }
  await client.views.open({
    trigger_id: o.triggerId,
    view: practiceModal(user.locale, members.members, {
      ...(practice ? { practice: practice.practice } : {}),
      ...(o.memberId !== undefined ? { memberId: o.memberId } : {}),
      ...(o.channel ? { channel: o.channel } : {}),
    }),
  });
}

async function openDuesForm(
  deps: QCitiesSlackDeps,
  client: WebClient,
  user: UserView,
  o: { triggerId: string; channel?: string; memberId: number },
  reply: Reply,
) {
  const t = qcitiesTexts(user.locale);
  const may = await deps.service.may(user.userId, "record");
  if (may.status === "refused") return reply(refusalText(t, may.reason));
  const member = await deps.service.getMember(o.memberId);
  if (!member) return reply(t.notFound);
  const members = await deps.service.members(user.userId);
  const city =
    members.status === "found" ? (members.members.find((m) => m.member.id === member.id)?.partner ?? null) : null;
  const year = yearOf(deps.service.today());
  await client.views.open({
    trigger_id: o.triggerId,
    view: duesModal(user.locale, {
      memberId: member.id,
      city,
      year,
      dues: await deps.service.duesOf(member.id, year),
      ...(o.channel ? { channel: o.channel } : {}),
    }),
  });
}

async function showMembers(deps: QCitiesSlackDeps, user: UserView, reply: Reply) {
  const t = qcitiesTexts(user.locale);
  const found = await deps.service.members(user.userId);
  if (found.status === "refused") return reply(refusalText(t, found.reason));
  const today = deps.service.today();
  const year = yearOf(today);
  const list = await deps.service.duesList(user.userId, year);
  const dues = new Map(list.status === "found" ? list.rows.map((r) => [r.dues.memberId, r.dues]) : []);
  const answer = membersList(user.locale, found.members, dues, year, today);
  await reply(answer.text, answer.blocks);
}

async function exportDues(deps: QCitiesSlackDeps, client: WebClient, user: UserView, year: number, reply: Reply) {
  const t = qcitiesTexts(user.locale);
  const found = await deps.service.duesList(user.userId, year);
  if (found.status === "refused") return reply(refusalText(t, found.reason));
  if (found.rows.length === 0) return reply(t.dues.exportNothing(year));
  const name = byName(
    await slackNames(
      client,
      found.rows.flatMap((r) => (r.dues.paidRecordedBy ? [r.dues.paidRecordedBy] : [])),
    ),
  );
  const rows: DuesExportRow[] = found.rows.map((r) => ({
    city: r.city ? nameWithLatin(r.city.nameEl, r.city.nameLatin) : t.unknownCity,
    country: r.city?.country ?? "",
    year: r.dues.year,
    amount: amountCell(r.cents),
    dueOn: iso(r.dues.dueOn),
    paidOn: iso(r.dues.paidOn),
    paidRecordedBy: r.dues.paidRecordedBy ? name(r.dues.paidRecordedBy) : "",
    standing: r.standing,
  }));
  const base = `grafeio-qcities-dues-${year}`;
  await sendFilesPrivately(client, user.userId, t.dues.exportReady(rows.length, year), [
    { file: duesCsv(rows, user.locale), filename: `${base}.csv` },
    { file: await duesXlsxOffLoop(rows, user.locale), filename: `${base}.xlsx` },
  ]);
  await reply(t.dues.sentInDm);
}

/** `/qcities`: help; `practice`, `member`, `meeting` (the forms); `members`, `meetings`; `dues [year]`; else a search. */
export function registerQCitiesCommand(app: App, deps: QCitiesSlackDeps): void {
  onCommand(app, deps.kit, {
    name: "/qcities",
    role: "staff",
    help: (t) => qcitiesTexts(localeOf(t)).help,
    async handle({ user, command, text, client, reply }) {
      const t = qcitiesTexts(user.locale);
      if (!text) return reply(t.help);
      const [verb = "", arg, ...rest] = text.split(/\s+/);
      const channel = command.channel_id;
      const alone = arg === undefined;
      if (alone && is(verb, "practice"))
        return openPracticeForm(deps, client, user, { triggerId: command.trigger_id, channel }, reply);
      if (alone && is(verb, "member")) {
        const may = await deps.service.may(user.userId, "record");
        if (may.status === "refused") return reply(refusalText(t, may.reason));
        const partners = await deps.service.joinable();
        if (partners.length === 0) return reply(t.members.noneJoinable);
        await client.views.open({
          trigger_id: command.trigger_id,
          view: memberModal(user.locale, partners, deps.service.today(), channel),
        });
        return;
      }
      if (alone && is(verb, "members")) return showMembers(deps, user, reply);
      if (alone && is(verb, "meeting")) {
        const may = await deps.service.may(user.userId, "record");
        if (may.status === "refused") return reply(refusalText(t, may.reason));
        await client.views.open({ trigger_id: command.trigger_id, view: meetingModal(user.locale, channel) });
        return;
      }
      if (alone && is(verb, "meetings")) {
        const found = await deps.service.meetings(user.userId);
        if (found.status === "refused") return reply(refusalText(t, found.reason));
        const answer = meetingsList(user.locale, found.meetings);
        return reply(answer.text, answer.blocks);
      }
      if (is(verb, "dues") && rest.length === 0) {
        const year = arg ? Number(arg) : yearOf(deps.service.today());
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          return reply(t.badCommand(escapeMrkdwn(truncate(text, 60))));
        return exportDues(deps, client, user, year, reply);
      }
      if (text.length > 300) return reply(t.badCommand(escapeMrkdwn(truncate(text, 60))));
      const found = await deps.service.search(user.userId, text);
      if (found.status === "refused") return reply(refusalText(t, found.reason));
      const answer = practiceResults(user.locale, text, found.practices, found.hasMore);
      await reply(answer.text, answer.blocks);
    },
  });
}

/** A practice's menu: edit it, or its city's dues. */
export function registerPracticeMenu(app: App, deps: QCitiesSlackDeps): void {
  onAction<OverflowAction, { choice: "edit" | "dues"; id: number }>(app, deps.kit, {
    id: PRACTICE_MENU,
    role: "staff",
    value: practiceMenuValue,
    async handle({ user, value, body, client, reply }) {
      const o = { triggerId: body.trigger_id, channel: body.channel?.id };
      if (value.choice === "edit") return openPracticeForm(deps, client, user, { ...o, practiceId: value.id }, reply);
      return openDuesForm(deps, client, user, { ...o, memberId: value.id }, reply);
    },
  });
}

/** A member's menu: its dues, a new practice of it, or its status. */
export function registerMemberMenu(app: App, deps: QCitiesSlackDeps): void {
  onAction<OverflowAction, MemberChoice>(app, deps.kit, {
    id: MEMBER_MENU,
    role: "staff",
    value: memberMenuValue,
    async handle({ user, value, body, client, reply }) {
      const t = qcitiesTexts(user.locale);
      const o = { triggerId: body.trigger_id, channel: body.channel?.id, memberId: value.id };
      if (value.choice === "dues") return openDuesForm(deps, client, user, o, reply);
      if (value.choice === "practice") return openPracticeForm(deps, client, user, o, reply);
      const outcome = await deps.service.setMemberStatus({ actor: user.userId, id: value.id, to: value.to });
      if (outcome.status === "refused") return reply(refusalText(t, outcome.reason));
      if (outcome.status === "not_found") return reply(t.notFound);
      // Said once: a second click finds it in that status already and says nothing.
      if (outcome.status === "unchanged") return;
      const members = await deps.service.members(user.userId);
      const city =
        members.status === "found" ? (members.members.find((m) => m.member.id === value.id)?.partner ?? null) : null;
      await reply(
        t.members.statusSaved(
          city ? escapeMrkdwn(city.nameEl) : t.unknownCity,
          t.memberStatuses[outcome.member.status],
        ),
      );
    },
  });
}

/** A meeting's menu: its minutes' form (staff), or their approval (a manager, once). */
export function registerMeetingMenu(app: App, deps: QCitiesSlackDeps): void {
  onAction<OverflowAction, { choice: "minutes" | "approve"; id: number }>(app, deps.kit, {
    id: MEETING_MENU,
    role: "staff",
    value: meetingMenuValue,
    async handle({ user, value, body, client, reply }) {
      const t = qcitiesTexts(user.locale);
      if (value.choice === "minutes") {
        const may = await deps.service.may(user.userId, "record");
        if (may.status === "refused") return reply(refusalText(t, may.reason));
        const meeting = await deps.service.getMeeting(value.id);
        if (!meeting) return reply(t.notFound);
        if (meeting.approvedAt) return reply(t.meetings.alreadyApproved);
        await client.views.open({
          trigger_id: body.trigger_id,
          view: minutesModal(user.locale, meeting, body.channel?.id),
        });
        return;
      }
      const outcome = await deps.service.approveMinutes({ actor: user.userId, id: value.id });
      if (outcome.status === "refused") return reply(refusalText(t, outcome.reason));
      if (outcome.status === "not_found") return reply(t.notFound);
      if (outcome.status === "no_minutes") return reply(t.meetings.notRecorded);
      if (outcome.status === "already_approved") return reply(t.meetings.alreadyApproved);
      const m = outcome.meeting;
      deps.kit.logger.info({ user: user.userId, meeting: m.id }, "qcities minutes approved");
      await reply(t.meetings.approved(t.bodies[m.body], formatDay(m.heldOn)));
    },
  });
}

const formatDay = (d: Date) => {
  const [y, m, day] = iso(d).split("-").map(Number);
  return `${day}/${m}/${y}`;
};

export function registerMemberForm(app: App, deps: QCitiesSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: MEMBER_MODAL,
    metadata: memberFormMetadata,
    errorBlock: "partner",
    async handle({ user, view, metadata, client }) {
      const t = qcitiesTexts(user.locale);
      const s = readState(view.state);
      const chosen = s.choice("partner");
      const partnerId = chosenId.decode(chosen);
      if (chosen !== undefined && partnerId === undefined) return { errors: { partner: user.t.common.outOfDate } };
      const outcome = await deps.service.addMember({
        actor: user.userId,
        input: { partnerId, joinedOn: s.date("joinedOn"), status: s.choice("status") },
        submissionKey: view.id,
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { partner: refusalText(t, outcome.reason) } };
      if (outcome.status === "no_partner") return { errors: { partner: t.notFound } };
      if (outcome.status === "already_stored") return {};
      if (outcome.status === "already_member")
        return { errors: { partner: t.errors.alreadyMember(outcome.partner.nameEl) } };
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      const name = escapeMrkdwn(truncate(outcome.partner.nameEl, 200));
      return {
        after: async () => {
          await reply(t.members.added(name));
          await showMembers(deps, user, reply);
        },
      };
    },
  });
}

export function registerMeetingForm(app: App, deps: QCitiesSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: MEETING_MODAL,
    metadata: meetingFormMetadata,
    errorBlock: "agenda",
    async handle({ user, view, metadata, client }) {
      const t = qcitiesTexts(user.locale);
      const s = readState(view.state);
      const outcome = await deps.service.addMeeting({
        actor: user.userId,
        input: {
          body: s.choice("body"),
          heldOn: s.date("heldOn"),
          place: s.text("place"),
          online: s.checked("online"),
          agenda: s.text("agenda"),
        },
        submissionKey: view.id,
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { agenda: refusalText(t, outcome.reason) } };
      if (outcome.status === "already_stored") return {};
      const m = outcome.meeting;
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return { after: () => reply(t.meetings.added(t.bodies[m.body], formatDay(m.heldOn))) };
    },
  });
}

export function registerMinutesForm(app: App, deps: QCitiesSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: MINUTES_MODAL,
    metadata: minutesFormMetadata,
    errorBlock: "minutesText",
    async handle({ user, view, metadata, client }) {
      const t = qcitiesTexts(user.locale);
      const s = readState(view.state);
      const outcome = await deps.service.recordMinutes({
        actor: user.userId,
        id: metadata.meetingId,
        input: { minutesText: s.text("minutesText"), minutesLink: s.text("minutesLink") },
        submissionKey: view.id,
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { minutesText: refusalText(t, outcome.reason) } };
      if (outcome.status === "not_found") return { errors: { minutesText: t.notFound } };
      if (outcome.status === "already_approved") return { errors: { minutesText: t.meetings.alreadyApproved } };
      if (outcome.status === "already_recorded") return {};
      const m = outcome.meeting;
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return { after: () => reply(t.meetings.minutesRecorded(t.bodies[m.body], formatDay(m.heldOn))) };
    },
  });
}

export function registerPracticeForm(app: App, deps: QCitiesSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: PRACTICE_MODAL,
    metadata: practiceFormMetadata,
    errorBlock: "title",
    async handle({ user, view, metadata, client }) {
      const t = qcitiesTexts(user.locale);
      const s = readState(view.state);
      const chosen = s.choice("member");
      const memberId = chosenId.decode(chosen);
      if (chosen !== undefined && memberId === undefined) return { errors: { member: user.t.common.outOfDate } };
      const input = {
        memberId,
        title: s.text("title"),
        field: s.text("field"),
        description: s.text("description"),
        link: s.text("link"),
      };
      const common = { actor: user.userId, input, submissionKey: view.id };
      const outcome =
        metadata.id === undefined
          ? await deps.service.addPractice(common)
          : await deps.service.editPractice({ ...common, id: metadata.id });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { title: refusalText(t, outcome.reason) } };
      if (outcome.status === "not_found") return { errors: { title: t.notFound } };
      if (outcome.status === "already_stored") return {};
      const title = escapeMrkdwn(truncate(outcome.practice.title, 200));
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return { after: () => reply(outcome.status === "created" ? t.practice.saved(title) : t.practice.edited(title)) };
    },
  });
}

export function registerDuesForm(app: App, deps: QCitiesSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: DUES_MODAL,
    metadata: duesFormMetadata,
    errorBlock: "amount",
    async handle({ user, view, metadata, client }) {
      const t = qcitiesTexts(user.locale);
      const s = readState(view.state);
      const outcome = await deps.service.recordDues({
        actor: user.userId,
        memberId: metadata.memberId,
        input: { year: s.text("year"), amount: s.text("amount"), dueOn: s.date("dueOn"), paidOn: s.date("paidOn") },
        submissionKey: view.id,
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { amount: refusalText(t, outcome.reason) } };
      if (outcome.status === "not_found") return { errors: { amount: t.notFound } };
      if (outcome.status === "already_stored") return {};
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return { after: () => reply(duesSavedText(user.locale, outcome.city, outcome.dues, outcome.standing)) };
    },
  });
}
