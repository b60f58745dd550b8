// `/letter`: the register of correspondence with abroad: the form, search, what awaits an answer,
// closing an entry from its menu, and the year's register as files.
import type { App, OverflowAction } from "@slack/bolt";
import type { KnownBlock, ModalView } from "@slack/types";
import type { WebClient } from "@slack/web-api";
import type { LocaleCode } from "../../../i18n/index.js";
import {
  fieldErrors,
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
import { lettersCsv, lettersXlsxOffLoop } from "../letter-export.js";
import { type Letter, type LetterService, protocolNumber } from "../letter-service.js";
import { validateLetter } from "../letter-validation.js";
import {
  buildLetterModal,
  LETTER_MENU_ACTION,
  LETTER_MODAL_CALLBACK,
  LETTER_OPEN_ACTION,
  type LetterChoice,
  letterErrorText,
  letterFormMetadata,
  letterListAnswer,
  letterMenuValue,
  letterOpenValue,
  readLetterState,
} from "./letter-views.js";

/**
 * What the register needs of the networks (their meetings): which letters became meetings, and
 * what "make it a meeting" opens: the networks' own form filled in from the letter, or the
 * meeting it already became (its card), or why not. The form and the card are the networks';
 * this area only shows them.
 */
export interface MeetingsForLetters {
  ofLetters(letterIds: number[]): Promise<ReadonlyMap<number, number>>;
  fromLetter(o: {
    actor: string;
    letterId: number;
    locale: LocaleCode;
    channel?: string;
  }): Promise<{ view: ModalView } | { text: string; blocks?: KnownBlock[] }>;
}

export interface LetterListenerDeps {
  kit: SlackKit;
  service: LetterService;
  timeZone: string;
  meetings: MeetingsForLetters;
}

/** Entries as an answer, each incoming one with the meeting it became (or the choice to make it one). */
async function listAnswer(deps: LetterListenerDeps, user: UserView, title: string, letters: Letter[], today: string) {
  const meetings = await deps.meetings.ofLetters(letters.filter((l) => l.direction === "incoming").map((l) => l.id));
  return letterListAnswer(user.t, title, letters, today, meetings);
}

async function exportYear(deps: LetterListenerDeps, client: WebClient, user: UserView, year: number, reply: Reply) {
  const found = await deps.service.yearFor(user.userId, year);
  if (found.status === "refused") return reply(refusalText(user));
  if (found.letters.length === 0) return reply(user.t.letters.exportNothing(year));
  // Who registered each letter, by name.
  const name = byName(
    await slackNames(
      client,
      found.letters.map((l) => l.createdBy),
    ),
  );
  const letters = found.letters.map((l) => ({ ...l, createdBy: name(l.createdBy) }));
  const base = `grafeio-correspondence-${year}`;
  await sendFilesPrivately(client, user.userId, user.t.letters.exportReady(letters.length, year), [
    { file: lettersCsv(letters, user.locale, deps.timeZone), filename: `${base}.csv` },
    { file: await lettersXlsxOffLoop(letters, user.locale, deps.timeZone), filename: `${base}.xlsx` },
  ]);
  await reply(user.t.contacts.exportSent);
}

const refusalText = (user: UserView) => user.t.common.noPermission(user.t.common.roleNames.staff);

/** `/letter`: the form; `/letter open`, `/letter export [year]`, `/letter <words>` (a search). */
export function registerLetterCommand(app: App, deps: LetterListenerDeps): void {
  onCommand(app, deps.kit, {
    name: "/letter",
    role: "staff",
    help: (t) => t.letters.help,
    async handle({ user, command, text, client, reply }) {
      const today = deps.service.today();
      const m = user.t.letters;
      if (!text) {
        await client.views.open({
          trigger_id: command.trigger_id,
          view: buildLetterModal(user.t, user.locale, today, command.channel_id),
        });
        return;
      }
      const [verb = "", arg, ...rest] = text.split(/\s+/);
      if (verb === "open" && !arg) {
        const found = await deps.service.openFor(user.userId);
        if (found.status === "refused") return reply(refusalText(user));
        const open = found.letters;
        if (open.length === 0) return reply(m.nothingOpen);
        const answer = await listAnswer(deps, user, m.openTitle, open.slice(0, 40), today);
        return reply(answer.text, answer.blocks);
      }
      if (verb === "export" && rest.length === 0) {
        const year = arg ? Number(arg) : Number(today.slice(0, 4));
        if (!Number.isInteger(year) || year < 2000 || year > 2100)
          return reply(m.badCommand(escapeMrkdwn(truncate(text, 60))));
        return exportYear(deps, client, user, year, reply);
      }
      if (text.length > 300) return reply(m.badCommand(escapeMrkdwn(truncate(text, 60))));
      const found = await deps.service.searchFor(user.userId, text);
      if (found.status === "refused") return reply(refusalText(user));
      const { letters } = found;
      const shown = escapeMrkdwn(truncate(text, 100));
      if (letters.length === 0) return reply(m.noResults(shown));
      const answer = await listAnswer(deps, user, m.found(shown), letters, today);
      await reply(answer.text, answer.blocks);
    },
  });
}

/** The entry form: registered once per submission, with its protocol number. */
export function registerLetterForm(app: App, deps: LetterListenerDeps): void {
  onForm(app, deps.kit, {
    callbackId: LETTER_MODAL_CALLBACK,
    role: "staff",
    metadata: letterFormMetadata,
    errorBlock: "subject",
    async handle({ user, view, metadata, client }) {
      const result = validateLetter(readLetterState(view.state), { today: deps.service.today() });
      if (!result.ok) return { errors: fieldErrors(result.errors, (e) => letterErrorText(user.t, e)) };
      const outcome = await deps.service.create({
        draft: result.draft,
        createdBy: user.userId,
        submissionKey: view.id,
      });
      const reply = replyPrivately(deps.kit, client, user.userId, metadata.channel);
      if (outcome.status === "refused") return { after: () => reply(refusalText(user)) };
      if (outcome.status !== "created") return {};
      const l = outcome.letter;
      deps.kit.logger.info({ user: user.userId, protocol: protocolNumber(l) }, "correspondence registered");
      return { after: () => reply(user.t.letters.saved(protocolNumber(l), escapeMrkdwn(truncate(l.subject, 200)))) };
    },
  });
}

/** An entry's menu: answered, declined, filed; made a meeting (or the meeting it became). */
export function registerLetterMenu(app: App, deps: LetterListenerDeps): void {
  onAction<OverflowAction, { outcome: LetterChoice; id: number }>(app, deps.kit, {
    id: LETTER_MENU_ACTION,
    role: "staff",
    value: letterMenuValue,
    async handle({ user, value, body, client, reply }) {
      if (value.outcome === "meeting") {
        // The networks check who may and whether it already is one; their form, or what they say.
        const opened = await deps.meetings.fromLetter({
          actor: user.userId,
          letterId: value.id,
          locale: user.locale,
          ...(body.channel?.id ? { channel: body.channel.id } : {}),
        });
        if ("view" in opened) {
          await client.views.open({ trigger_id: body.trigger_id, view: opened.view });
          return;
        }
        return reply(opened.text, opened.blocks);
      }
      const closed = await deps.service.close({ actor: user.userId, id: value.id, outcome: value.outcome });
      if (closed.status === "refused") return reply(refusalText(user));
      // Said once: a second click finds it closed and says nothing.
      if (closed.status !== "closed") return;
      const { letter } = closed;
      await reply(user.t.letters.closed(protocolNumber(letter), user.t.letters.statuses[letter.status]));
    },
  });
}

/** A letter's entry from a button elsewhere (the meeting it became links back to it). */
export function registerLetterOpen(app: App, deps: LetterListenerDeps): void {
  onAction<never, number>(app, deps.kit, {
    id: LETTER_OPEN_ACTION,
    role: "staff",
    value: letterOpenValue,
    async handle({ user, value, reply }) {
      const found = await deps.service.show(user.userId, value);
      if (found.status === "refused") return reply(refusalText(user));
      if (found.status === "not_found") return reply(user.t.letters.notFound);
      const l = found.letter;
      const answer = await listAnswer(deps, user, `*${protocolNumber(l)}*`, [l], deps.service.today());
      await reply(answer.text, answer.blocks);
    },
  });
}
