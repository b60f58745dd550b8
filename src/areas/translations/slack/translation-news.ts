// After a step: the card shows the new state, the step is told in the card's thread, and the people
// it concerns get a DM. Everything goes through the sender under a key made from the step's record,
// so a retried click or a second process never tells anyone twice.

import { messages } from "../../../i18n/index.js";
import type { HandlerDeps } from "../../../slack/listener.js";
import { escapeMrkdwn, mrkdwnLink, truncate } from "../../../slack/mrkdwn.js";
import type { TranslationAction } from "../translation-flow.js";
import type { TranslationRequest } from "../translation-service.js";
import { buildTranslationCard } from "./translation-views.js";

export async function postTranslationCard(deps: HandlerDeps, request: TranslationRequest): Promise<void> {
  const channel = deps.intlChannelId ?? request.requestedBy;
  const card = buildTranslationCard(messages(deps.defaultLocale), deps.defaultLocale, request);
  const sent = await deps.sender.post({ key: `translation-card:${request.id}`, channel, ...card });
  await deps.services.translations.setCard(request.id, sent.channel, sent.ts);
}

export async function tellStep(
  deps: HandlerDeps,
  options: {
    request: TranslationRequest;
    action: TranslationAction;
    eventId: number;
    by: string;
    note?: string;
    updateCard: (channel: string, ts: string, card: ReturnType<typeof buildTranslationCard>) => Promise<unknown>;
  },
): Promise<void> {
  const { request: r, action, eventId, by } = options;
  const t = messages(deps.defaultLocale);
  if (r.cardChannel && r.cardTs)
    await options.updateCard(r.cardChannel, r.cardTs, buildTranslationCard(t, deps.defaultLocale, r));
  const news = (m: typeof t) => {
    const who = `<@${by}>`;
    switch (action) {
      case "assign":
        return m.translations.news.assign(r.id, r.assignee ? `<@${r.assignee}>` : escapeMrkdwn(r.vendor ?? ""), who);
      case "start":
        return m.translations.news.start(r.id, who);
      case "deliver":
        // The link as typed by the translator: written as a link, never as raw mrkdwn.
        return m.translations.news.deliver(r.id, r.deliveredUrl ? mrkdwnLink(r.deliveredUrl, r.deliveredUrl) : "", who);
      case "accept":
        return m.translations.news.accept(r.id, who);
      case "return":
        return m.translations.news.return(r.id, who, escapeMrkdwn(truncate(options.note ?? "", 1000)));
      case "cancel":
        return m.translations.news.cancel(r.id, who);
    }
  };
  if (r.cardChannel && r.cardTs && r.cardChannel !== r.requestedBy) {
    await deps.sender.post({
      key: `translation:${r.id}:${eventId}:thread`,
      channel: r.cardChannel,
      threadTs: r.cardTs,
      text: news(t),
    });
  }
  // Who hears of it directly: the translator of what concerns their work, the requester of the rest.
  const concerned = new Set<string>();
  if (["assign", "return", "cancel", "accept"].includes(action) && r.assignee) concerned.add(r.assignee);
  if (["deliver", "cancel", "assign"].includes(action)) concerned.add(r.requestedBy);
  concerned.delete(by);
  for (const user of concerned) {
    const locale = await deps.services.locales.resolve(user);
    await deps.sender.post({
      key: `translation:${r.id}:${eventId}:dm:${user}`,
      channel: user,
      text: news(messages(locale)),
    });
  }
}
