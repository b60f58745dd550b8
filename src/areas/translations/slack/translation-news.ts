// After a request or a step: the card shows the new state, the step is told in the card's thread,
// and the people it concerns get a DM. Everything goes through the sender under a key made from the
// step's record, so a retried click or a second process never tells anyone twice.

import { type LocaleCode, messages } from "../../../i18n/index.js";
import type { Sender } from "../../../slack/sender.js";
import { concernedBy, type TranslationAction } from "../translation-flow.js";
import type { TranslationService } from "../translation-service.js";
import type { TranslationRequest } from "../translation-store.js";
import { buildTranslationCard, stepNewsDm, stepNewsText } from "./translation-views.js";

export interface TranslationNewsDeps {
  sender: Pick<Sender, "post">;
  service: Pick<TranslationService, "setCard">;
  locales: { resolve(slackUserId: string): Promise<LocaleCode> };
  /** The office's language, for the card and its thread. */
  defaultLocale: LocaleCode;
  /** Where cards go; without it, to the requester. */
  intlChannelId?: string;
}

export async function postTranslationCard(deps: TranslationNewsDeps, request: TranslationRequest): Promise<void> {
  const channel = deps.intlChannelId ?? request.requestedBy;
  const card = buildTranslationCard(messages(deps.defaultLocale), deps.defaultLocale, request);
  const sent = await deps.sender.post({ key: `translation-card:${request.id}`, channel, ...card });
  await deps.service.setCard(request.id, sent.channel, sent.ts);
}

export async function tellStep(
  deps: TranslationNewsDeps,
  options: {
    request: TranslationRequest;
    action: TranslationAction;
    eventId: number;
    by: string;
    note?: string;
    updateCard: (channel: string, ts: string, card: ReturnType<typeof buildTranslationCard>) => Promise<unknown>;
  },
): Promise<void> {
  const { request: r, eventId } = options;
  const t = messages(deps.defaultLocale);
  if (r.cardChannel && r.cardTs)
    await options.updateCard(r.cardChannel, r.cardTs, buildTranslationCard(t, deps.defaultLocale, r));
  if (r.cardChannel && r.cardTs && r.cardChannel !== r.requestedBy) {
    await deps.sender.post({
      key: `translation:${r.id}:${eventId}:thread`,
      channel: r.cardChannel,
      threadTs: r.cardTs,
      text: stepNewsText(t, options),
    });
  }
  for (const user of concernedBy(options.action, r, options.by)) {
    const locale = await deps.locales.resolve(user);
    await deps.sender.post({
      key: `translation:${r.id}:${eventId}:dm:${user}`,
      channel: user,
      text: stepNewsDm(messages(locale), locale, options),
    });
  }
}
