// `/letter`: the register of correspondence with abroad: the form, search, what awaits an answer,
// closing an entry from its menu, and the year's register as files.
import type { App, BlockAction, OverflowAction } from "@slack/bolt";
import type { KnownBlock, ModalView, PlainTextOption } from "@slack/types";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { acceptForm, fieldErrors } from "../../../slack/form-submission.js";
import {
  answerSafely,
  ensureRole,
  type HandlerDeps,
  type Reply,
  registerOfficeCommand,
  replyPrivately,
  sendFilesPrivately,
  type UserView,
  userView,
} from "../../../slack/listener.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import { LANGUAGES, languageName } from "../../translations/languages.js";
import { lettersCsv, lettersXlsx } from "../letter-export.js";
import { type Letter, type LetterOutcome, protocolNumber } from "../letter-service.js";
import { DIRECTIONS, LETTER_KINDS, LETTER_LIMITS, type LetterError, validateLetter } from "../letter-validation.js";

export const LETTER_MODAL_CALLBACK = "letter_modal";
export const LETTER_MENU_ACTION = "letter_menu";
const ACTION = "value";
const plain = (text: string, max = 150) => ({ type: "plain_text" as const, text: truncate(text, max), emoji: true });
const option = (text: string, value: string): PlainTextOption => ({ text: plain(text, 75), value });

export function buildLetterModal(t: Messages, locale: LocaleCode, today: string, channel?: string): ModalView {
  const m = t.letters;
  const text = (
    block: keyof typeof LETTER_LIMITS,
    label: string,
    optional: boolean,
    multiline = false,
    placeholder?: string,
  ): KnownBlock => ({
    type: "input",
    block_id: block,
    optional,
    label: plain(label),
    element: {
      type: "plain_text_input",
      action_id: ACTION,
      max_length: LETTER_LIMITS[block],
      multiline,
      ...(placeholder ? { placeholder: plain(placeholder) } : {}),
    },
  });
  const directions = DIRECTIONS.map((d) => option(m.directions[d], d));
  const kinds = LETTER_KINDS.map((k) => option(m.kinds[k], k));
  return {
    type: "modal",
    callback_id: LETTER_MODAL_CALLBACK,
    title: plain(m.modalTitle, 24),
    submit: plain(m.submit, 24),
    close: plain(m.close, 24),
    private_metadata: JSON.stringify({ channel }),
    blocks: [
      {
        type: "input",
        block_id: "direction",
        label: plain(m.direction),
        element: { type: "radio_buttons", action_id: ACTION, options: directions, initial_option: directions[0] },
      },
      {
        type: "input",
        block_id: "kind",
        label: plain(m.kind),
        element: { type: "radio_buttons", action_id: ACTION, options: kinds, initial_option: kinds[0] },
      },
      {
        type: "input",
        block_id: "letterDate",
        label: plain(m.letterDate),
        element: { type: "datepicker", action_id: ACTION, initial_date: today },
      },
      text("counterpart", m.counterpart, false, false, m.counterpartPlaceholder),
      text("country", m.country, true),
      text("subject", m.subject, false),
      {
        type: "input",
        block_id: "language",
        optional: true,
        label: plain(m.language),
        element: {
          type: "static_select",
          action_id: ACTION,
          options: Object.keys(LANGUAGES).map((c) => option(languageName(c, locale), c)),
        },
      },
      text("documentUrl", m.documentUrl, true, false, "https://"),
      {
        type: "input",
        block_id: "translationRequestId",
        optional: true,
        label: plain(m.translationRequestId),
        element: { type: "plain_text_input", action_id: ACTION, max_length: 10 },
      },
      {
        type: "input",
        block_id: "dueOn",
        optional: true,
        label: plain(m.dueOn),
        element: { type: "datepicker", action_id: ACTION },
      },
      text("briefing", m.briefing, true, true),
    ],
  };
}

type StateValue = { value?: string | null; selected_date?: string | null; selected_option?: { value?: string } | null };

function readLetterState(state: { values: Record<string, Record<string, unknown>> } | undefined) {
  const values = (state?.values ?? {}) as Record<string, Record<string, StateValue>>;
  const f = (b: string) => values[b]?.[ACTION];
  return {
    direction: f("direction")?.selected_option?.value,
    kind: f("kind")?.selected_option?.value,
    letterDate: f("letterDate")?.selected_date ?? undefined,
    counterpart: f("counterpart")?.value ?? undefined,
    country: f("country")?.value ?? undefined,
    subject: f("subject")?.value ?? undefined,
    language: f("language")?.selected_option?.value,
    documentUrl: f("documentUrl")?.value ?? undefined,
    translationRequestId: f("translationRequestId")?.value ?? undefined,
    dueOn: f("dueOn")?.selected_date ?? undefined,
    briefing: f("briefing")?.value ?? undefined,
  };
}

function errorText(t: Messages, e: LetterError): string {
  return e.code === "tooLong" ? t.letters.errors.tooLong(e.max) : t.letters.errors[e.code];
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

export function letterBlocks(t: Messages, letters: Letter[], today: string): KnownBlock[] {
  const m = t.letters;
  return letters.map((l) => {
    const subject = l.documentUrl
      ? mrkdwnLink(l.documentUrl, truncate(l.subject, 150))
      : escapeMrkdwn(truncate(l.subject, 150));
    const marks = [
      `${m.kinds[l.kind]} · ${m.statuses[l.status]}`,
      l.dueOn && l.status === "open" ? m.due(formatDayMonthYear(day(l.dueOn)), day(l.dueOn) < today) : "",
      l.translationRequestId ? `#${l.translationRequestId}` : "",
    ].filter(Boolean);
    const block: KnownBlock = {
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(
          `${m.line(protocolNumber(l), formatDayMonthYear(day(l.letterDate)), m.directions[l.direction], escapeMrkdwn(truncate(l.counterpart, 100)), subject)}\n${marks.join(" · ")}`,
          3000,
        ),
      },
    };
    if (l.status === "open") {
      block.accessory = {
        type: "overflow",
        action_id: LETTER_MENU_ACTION,
        options: [
          option(m.menuAnswered, `answered:${l.id}`),
          option(m.menuDeclined, `declined:${l.id}`),
          option(m.menuFiled, `filed:${l.id}`),
        ],
      };
    }
    return block;
  });
}

async function exportYear(
  deps: HandlerDeps,
  client: import("@slack/web-api").WebClient,
  user: UserView,
  year: number,
  reply: Reply,
) {
  const letters = await deps.services.letters.forYear(year);
  if (letters.length === 0) return reply(user.t.letters.exportNothing(year));
  const base = `grafeio-correspondence-${year}`;
  await sendFilesPrivately(client, user.userId, user.t.letters.exportReady(letters.length, year), [
    { file: lettersCsv(letters, user.locale), filename: `${base}.csv` },
    { file: await lettersXlsx(letters, user.locale), filename: `${base}.xlsx` },
  ]);
  await reply(user.t.contacts.exportSent);
}

export function register(app: App, deps: HandlerDeps): void {
  registerOfficeCommand(app, deps, "/letter", "staff", async ({ user, command, client, reply }) => {
    const text = command.text.trim();
    const today = deps.services.letters.today();
    if (!text) {
      await client.views.open({
        trigger_id: command.trigger_id,
        view: buildLetterModal(user.t, user.locale, today, command.channel_id),
      });
      return;
    }
    const [verb = "", arg, ...rest] = text.split(/\s+/);
    if (verb === "help") return reply(user.t.letters.help);
    if (verb === "open" && !arg) {
      const open = await deps.services.letters.openWithDue();
      if (open.length === 0) return reply(user.t.letters.nothingOpen);
      return reply(user.t.letters.openTitle, [
        { type: "section", text: { type: "mrkdwn", text: user.t.letters.openTitle } },
        ...letterBlocks(user.t, open.slice(0, 40), today),
      ]);
    }
    if (verb === "export" && rest.length === 0) {
      const year = arg ? Number(arg) : Number(today.slice(0, 4));
      if (!Number.isInteger(year) || year < 2000 || year > 2100)
        return reply(user.t.letters.badCommand(escapeMrkdwn(truncate(text, 60))));
      return exportYear(deps, client, user, year, reply);
    }
    if (text.length > 300) return reply(user.t.letters.badCommand(escapeMrkdwn(truncate(text, 60))));
    const { letters } = await deps.services.letters.search(text);
    const shown = escapeMrkdwn(truncate(text, 100));
    if (letters.length === 0) return reply(user.t.letters.noResults(shown));
    await reply(user.t.letters.found(shown), [
      { type: "section", text: { type: "mrkdwn", text: user.t.letters.found(shown) } },
      ...letterBlocks(user.t, letters, today),
    ]);
  });

  app.view(LETTER_MODAL_CALLBACK, async ({ ack, view, body, client }) => {
    const userId = body.user.id;
    await acceptForm(
      deps,
      { ack, view, userId, what: LETTER_MODAL_CALLBACK, errorBlock: "subject" },
      async (user, channel) => {
        const result = validateLetter(readLetterState(view.state), { today: deps.services.letters.today() });
        if (!result.ok) return { errors: fieldErrors(result.errors, (e) => errorText(user.t, e)) };
        const outcome = await deps.services.letters.create({
          draft: result.draft,
          createdBy: userId,
          submissionKey: view.id,
        });
        if (outcome.status !== "created") return {};
        const l = outcome.letter;
        deps.logger.info({ user: userId, protocol: protocolNumber(l) }, "correspondence registered");
        return {
          after: () =>
            replyPrivately(
              deps,
              client,
              userId,
              channel,
            )(user.t.letters.saved(protocolNumber(l), escapeMrkdwn(truncate(l.subject, 200)))),
        };
      },
    );
  });

  app.action<BlockAction<OverflowAction>>(LETTER_MENU_ACTION, async ({ ack, action, body, client }) => {
    await ack();
    const userId = body.user.id;
    const reply = replyPrivately(deps, client, userId, body.channel?.id);
    await answerSafely(deps, { userId, reply, what: LETTER_MENU_ACTION }, async () => {
      const user = await userView(deps, userId);
      if (!(await ensureRole(deps, user, "staff", reply))) return;
      const [verb, idText] = (action.selected_option.value ?? "").split(":");
      if (verb !== "answered" && verb !== "declined" && verb !== "filed") return;
      const id = Number(idText);
      // Said once: a second click finds it closed and says nothing.
      if (!(await deps.services.letters.close(id, verb as LetterOutcome, userId))) return;
      const letter = await deps.services.letters.get(id);
      if (letter) await reply(user.t.letters.closed(protocolNumber(letter), user.t.letters.statuses[letter.status]));
    });
  });
}
