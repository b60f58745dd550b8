// `/network` in Slack: the command (help, search, a network's or a meeting's card, the forms, the
// export), the cards' menus, and the forms. Each listener decodes what Slack hands back, asks the
// service, and renders its answer; the service is what refuses.
import type { App } from "@slack/bolt";
import { idCodec } from "../../../slack/codec.js";
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
import { localeOf, networkTexts } from "../messages.js";
import { networksCsv, networksXlsxOffLoop } from "../networks-export.js";
import { FOLLOW_UP_ROWS } from "../rules.js";
import type { NetworksService } from "../service.js";
import {
  hostValue,
  type MeetingChoice,
  meetingFormMetadata,
  meetingIdMetadata,
  meetingMenuValue,
  meetingOpenValue,
  type NetworkChoice,
  networkFormMetadata,
  networkIdMetadata,
  networkMenuValue,
  networkOpenValue,
} from "./codecs.js";
import {
  DECISION_MODAL,
  DELEGATES_MODAL,
  DUES_MODAL,
  decisionModal,
  decisionNotice,
  delegatesModal,
  duesModal,
  errorsOf,
  type LetterButton,
  MEETING_MENU,
  MEETING_MODAL,
  MEETING_OPEN,
  meetingCard,
  meetingModal,
  NETWORK_MENU,
  NETWORK_MODAL,
  NETWORK_OPEN,
  NEW_MEETING_ACTION,
  NEW_NETWORK_ACTION,
  networkCard,
  networkModal,
  REPORT_MODAL,
  readState,
  refusalText,
  reportModal,
  searchResults,
} from "./views.js";

export interface NetworksSlackDeps {
  kit: SlackKit;
  networks: NetworksService;
  /** The button that shows a meeting's invitation in the correspondence register. */
  letterButton?: LetterButton;
}

async function showNetwork(deps: NetworksSlackDeps, user: UserView, id: number, reply: Reply) {
  const card = await deps.networks.card(id);
  if (!card) return reply(networkTexts(user.locale).notFound);
  const view = networkCard(user.locale, card);
  await reply(view.text, view.blocks);
}

async function showMeeting(deps: NetworksSlackDeps, user: UserView, id: number, reply: Reply) {
  const v = await deps.networks.meeting(id);
  if (!v) return reply(networkTexts(user.locale).notFound);
  const view = meetingCard(user.locale, v, deps.letterButton);
  await reply(view.text, view.blocks);
}

const NEW = new Set(["new", "νέο", "νεο", "νέα", "νεα"]);

/** `/network`, `new`, `3`, `<words>`, `meeting new`, `meeting 12`, `export`. */
export function registerNetworkCommand(app: App, deps: NetworksSlackDeps): void {
  onCommand(app, deps.kit, {
    name: "/network",
    role: "staff",
    help: (t) => networkTexts(localeOf(t)).help,
    async handle({ user, command, text, client, reply }) {
      const t = networkTexts(user.locale);
      if (!text) return reply(t.help);
      const [verb = "", arg, ...rest] = text.split(/\s+/);
      if (NEW.has(verb) && !arg) {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: networkModal(user.locale, { channel: command.channel_id }),
        });
        return;
      }
      if ((verb === "meeting" || verb === "συνάντηση" || verb === "συναντηση") && arg && rest.length === 0) {
        if (NEW.has(arg)) {
          const hosts = await deps.networks.hosts();
          if (hosts.networks.length + hosts.partners.length === 0) return reply(t.noHosts);
          await client.views.open({
            trigger_id: command.trigger_id,
            view: meetingModal(user.locale, hosts, { channel: command.channel_id }),
          });
          return;
        }
        const id = idCodec.decode(arg.replace(/^#/, ""));
        if (id !== undefined) return showMeeting(deps, user, id, reply);
      }
      if ((verb === "export" || verb === "εξαγωγή") && !arg) {
        const data = await deps.networks.exportData();
        if (data.networks.length + data.meetings.length === 0) return reply(t.export.nothing);
        const base = `grafeio-networks-${deps.networks.today()}`;
        await sendFilesPrivately(client, user.userId, t.export.sent(data.networks.length, data.meetings.length), [
          { file: networksCsv(data, user.locale), filename: `${base}.csv` },
          { file: await networksXlsxOffLoop(data, user.locale), filename: `${base}.xlsx` },
        ]);
        return reply(t.export.sentInDm);
      }
      const id = idCodec.decode(text.replace(/^#/, ""));
      if (id !== undefined) return showNetwork(deps, user, id, reply);
      if (text.length > 200) return reply(t.badCommand(escapeMrkdwn(truncate(text, 60))));
      const found = searchResults(user.locale, text, await deps.networks.search(text));
      await reply(found.text, found.blocks);
    },
  });
}

/** The Home's buttons: a new network, a new meeting. */
export function registerHomeForms(app: App, deps: NetworksSlackDeps): void {
  onAction(app, deps.kit, {
    id: NEW_NETWORK_ACTION,
    role: "staff",
    handle: ({ user, body, client }) =>
      client.views.open({ trigger_id: body.trigger_id, view: networkModal(user.locale) }),
  });
  onAction(app, deps.kit, {
    id: NEW_MEETING_ACTION,
    role: "staff",
    async handle({ user, body, client, reply }) {
      const hosts = await deps.networks.hosts();
      if (hosts.networks.length + hosts.partners.length === 0) return reply(networkTexts(user.locale).noHosts);
      await client.views.open({ trigger_id: body.trigger_id, view: meetingModal(user.locale, hosts) });
    },
  });
}

/** A meeting's card, from a button (a letter's card that became it). */
export function registerMeetingOpen(app: App, deps: NetworksSlackDeps): void {
  onAction<never, number>(app, deps.kit, {
    id: MEETING_OPEN,
    role: "staff",
    value: meetingOpenValue,
    handle: ({ user, value, reply }) => showMeeting(deps, user, value, reply),
  });
}

export function registerNetworkOpen(app: App, deps: NetworksSlackDeps): void {
  onAction<never, number>(app, deps.kit, {
    id: NETWORK_OPEN,
    role: "staff",
    value: networkOpenValue,
    handle: ({ user, value, reply }) => showNetwork(deps, user, value, reply),
  });
}

/** The network card's menu: a meeting, a year's dues, dues paid, delegates, edit. */
export function registerNetworkMenu(app: App, deps: NetworksSlackDeps): void {
  onAction<never, NetworkChoice>(app, deps.kit, {
    id: NETWORK_MENU,
    role: "staff",
    value: networkMenuValue,
    async handle({ user, value: { choice, id }, body, client, reply }) {
      const t = networkTexts(user.locale);
      const channel = body.channel?.id;
      if (choice === "paid") {
        const outcome = await deps.networks.markPaid({ actor: user.userId, duesId: id });
        if (outcome.status === "not_found") return reply(t.notFound);
        if (outcome.status === "refused") return reply(refusalText(t, outcome.reason));
        const name = escapeMrkdwn(truncate(outcome.network, 150));
        return reply(
          outcome.status === "paid" ? t.saved.paid(name, outcome.year) : t.saved.alreadyPaid(name, outcome.year),
        );
      }
      const network = await deps.networks.getNetwork(id);
      if (!network) return reply(t.notFound);
      if (choice === "meeting") {
        const hosts = await deps.networks.hosts();
        await client.views.open({
          trigger_id: body.trigger_id,
          view: meetingModal(user.locale, hosts, { channel, networkId: id }),
        });
        return;
      }
      const view =
        choice === "dues"
          ? duesModal(user.locale, network, Number(deps.networks.today().slice(0, 4)), channel)
          : choice === "delegates"
            ? delegatesModal(user.locale, network, channel)
            : networkModal(user.locale, { channel, network });
      await client.views.open({ trigger_id: body.trigger_id, view });
    },
  });
}

/** The meeting card's menu (and the prompt's button): decide, report, a follow-up done. */
export function registerMeetingMenu(app: App, deps: NetworksSlackDeps): void {
  onAction<never, MeetingChoice>(app, deps.kit, {
    id: MEETING_MENU,
    role: "staff",
    value: meetingMenuValue,
    async handle({ user, value: { choice, id }, body, client, reply }) {
      const t = networkTexts(user.locale);
      const channel = body.channel?.id;
      if (choice === "done") {
        const outcome = await deps.networks.followUpDone({ actor: user.userId, id });
        if (outcome.status === "not_found") return reply(t.notFound);
        if (outcome.status === "refused") return reply(refusalText(t, outcome.reason));
        const what = escapeMrkdwn(truncate(outcome.followUp.description, 150));
        return reply(outcome.status === "done" ? t.saved.followUpDone(what) : t.saved.followUpAlreadyDone(what));
      }
      // Refused at the click rather than after the form has been filled in.
      const checked =
        choice === "decide"
          ? await deps.networks.checkDecide({ actor: user.userId, id })
          : await deps.networks.checkReport({ actor: user.userId, id });
      if (checked.status === "not_found") return reply(t.notFound);
      if (checked.status === "refused") return reply(refusalText(t, checked.reason));
      const view =
        choice === "decide"
          ? decisionModal(user.locale, checked.meeting, channel)
          : reportModal(user.locale, checked.meeting, channel);
      await client.views.open({ trigger_id: body.trigger_id, view });
    },
  });
}

export function registerNetworkForm(app: App, deps: NetworksSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: NETWORK_MODAL,
    metadata: networkFormMetadata,
    errorBlock: "name",
    async handle({ user, view, metadata, client }) {
      const t = networkTexts(user.locale);
      const s = readState(view.state);
      const input = {
        name: s.text("name"),
        nameLatin: s.text("nameLatin"),
        website: s.text("website"),
        memberSince: s.date("memberSince"),
        decisionNumber: s.text("decisionNumber"),
        decisionDate: s.date("decisionDate"),
        ada: s.text("ada"),
        notes: s.text("notes"),
      };
      const outcome =
        metadata.id === undefined
          ? await deps.networks.createNetwork({ actor: user.userId, input, submissionKey: view.id })
          : await deps.networks.editNetwork({ actor: user.userId, id: metadata.id, input });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { name: refusalText(t, outcome.reason) } };
      if (outcome.status === "not_found") return { errors: { name: t.notFound } };
      if (outcome.status === "already_stored") return {};
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      const name = escapeMrkdwn(truncate(outcome.network.name, 150));
      return {
        after: async () => {
          await reply(outcome.status === "created" ? t.saved.network(name) : t.saved.networkEdited(name));
          await showNetwork(deps, user, outcome.network.id, reply);
        },
      };
    },
  });
}

export function registerDuesForm(app: App, deps: NetworksSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: DUES_MODAL,
    metadata: networkIdMetadata,
    errorBlock: "amount",
    async handle({ user, view, metadata, client }) {
      const t = networkTexts(user.locale);
      const s = readState(view.state);
      const outcome = await deps.networks.addDues({
        actor: user.userId,
        networkId: metadata.networkId,
        input: { year: s.text("year"), amount: s.text("amount"), dueOn: s.date("dueOn") },
        submissionKey: view.id,
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { amount: refusalText(t, outcome.reason) } };
      if (outcome.status === "not_found") return { errors: { amount: t.notFound } };
      if (outcome.status === "year_exists") return { errors: { year: t.errors.yearExists(outcome.year) } };
      if (outcome.status === "already_stored") return {};
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      const network = await deps.networks.getNetwork(metadata.networkId);
      return { after: () => reply(t.saved.dues(escapeMrkdwn(truncate(network?.name ?? "", 150)), outcome.year)) };
    },
  });
}

export function registerDelegatesForm(app: App, deps: NetworksSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: DELEGATES_MODAL,
    metadata: networkIdMetadata,
    errorBlock: "forum",
    async handle({ user, view, metadata, client }) {
      const t = networkTexts(user.locale);
      const s = readState(view.state);
      const outcome = await deps.networks.addDelegates({
        actor: user.userId,
        networkId: metadata.networkId,
        forum: s.text("forum"),
        userIds: s.users("users"),
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { forum: refusalText(t, outcome.reason) } };
      if (outcome.status === "not_found") return { errors: { forum: t.notFound } };
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return { after: () => reply(t.saved.delegates(escapeMrkdwn(truncate(outcome.forum, 100)), outcome.added)) };
    },
  });
}

export function registerMeetingForm(app: App, deps: NetworksSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: MEETING_MODAL,
    metadata: meetingFormMetadata,
    errorBlock: "title",
    async handle({ user, view, metadata, client }) {
      const t = networkTexts(user.locale);
      const s = readState(view.state);
      const outcome = await deps.networks.createMeeting({
        actor: user.userId,
        input: {
          host: hostValue.decode(s.choice("host")),
          title: s.text("title"),
          startsOn: s.date("startsOn"),
          endsOn: s.date("endsOn"),
          place: s.text("place"),
          online: s.checked("online"),
          agenda: s.text("agenda"),
          registrationDeadline: s.date("registrationDeadline"),
        },
        submissionKey: view.id,
        ...(metadata.letterId !== undefined ? { letterId: metadata.letterId } : {}),
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "refused") return { errors: { title: refusalText(t, outcome.reason) } };
      if (outcome.status === "not_found") return { errors: { title: t.refusals.letter_unknown } };
      if (outcome.status === "letter_taken")
        return { errors: { title: t.errors.letterTaken(outcome.meeting.meeting.id) } };
      if (outcome.status === "already_stored") return {};
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      const m = outcome.meeting.meeting;
      return {
        after: async () => {
          await reply(t.saved.meeting(m.id, escapeMrkdwn(truncate(m.title, 150))));
          await showMeeting(deps, user, m.id, reply);
        },
      };
    },
  });
}

export function registerDecisionForm(app: App, deps: NetworksSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: DECISION_MODAL,
    metadata: meetingIdMetadata,
    errorBlock: "decision",
    async handle({ user, view, metadata, client }) {
      const t = networkTexts(user.locale);
      const s = readState(view.state);
      const outcome = await deps.networks.decide({
        actor: user.userId,
        id: metadata.meetingId,
        input: { decision: s.choice("decision"), attendees: s.users("attendees"), reason: s.text("reason") },
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "not_found") return { errors: { decision: t.notFound } };
      // A retry of the same submission, or a second manager: the decision is already there.
      if (outcome.status === "refused")
        return outcome.reason === "already_decided" ? {} : { errors: { decision: refusalText(t, outcome.reason) } };
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      const m = outcome.meeting.meeting;
      return {
        after: async () => {
          await reply(t.saved.decided(m.id));
          for (const attendee of m.attendees.filter((a) => a !== user.userId)) {
            const at = networkTexts(await deps.kit.locales.resolve(attendee));
            await client.chat.postMessage({
              channel: attendee,
              text: decisionNotice(at, m),
            });
          }
        },
      };
    },
  });
}

export function registerReportForm(app: App, deps: NetworksSlackDeps): void {
  onForm(app, deps.kit, {
    callbackId: REPORT_MODAL,
    metadata: meetingIdMetadata,
    errorBlock: "outcomes",
    async handle({ user, view, metadata, client }) {
      const t = networkTexts(user.locale);
      const s = readState(view.state);
      const followUps = Array.from({ length: FOLLOW_UP_ROWS }, (_, i) => ({
        description: s.text(`followUp${i}`),
        owner: s.user(`owner${i}`),
        dueOn: s.date(`due${i}`),
      }));
      const outcome = await deps.networks.report({
        actor: user.userId,
        id: metadata.meetingId,
        input: { outcomes: s.text("outcomes"), contacts: s.text("contacts"), followUps },
        submissionKey: view.id,
      });
      if (outcome.status === "invalid") return { errors: errorsOf(t, outcome.errors) };
      if (outcome.status === "not_found") return { errors: { outcomes: t.notFound } };
      if (outcome.status === "refused")
        return outcome.reason === "already_reported" ? {} : { errors: { outcomes: refusalText(t, outcome.reason) } };
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      return {
        after: async () => {
          await reply(t.saved.reported(metadata.meetingId, outcome.contactsFound, outcome.contactsEntered));
          await showMeeting(deps, user, metadata.meetingId, reply);
        },
      };
    },
  });
}
