// Partners as Block Kit and mrkdwn: the form, the status form, the search's results and the card
// with its menu and its timeline. Data in, Block Kit out.
import type { KnownBlock, ModalView } from "@slack/types";
import type { LocaleCode } from "../../../i18n/index.js";
import { formatDayMonthYear } from "../../../lib/clock.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import { countryName, languageName } from "../countries.js";
import { type PartnerTexts, partnerTexts } from "../messages.js";
import type { Partner, TimelineItem } from "../service.js";
import { LIMITS, PARTNER_KINDS, PARTNER_STATUSES } from "../validation.js";
import { partnerFormMetadata, partnerMenuValue, partnerOpenValue, partnerStatusMetadata } from "./codecs.js";
import { dateInput, option, plain, selectInput, textInput } from "./form-parts.js";

export const PARTNER_MODAL = "partner_modal";
export const PARTNER_STATUS_MODAL = "partner_status_modal";
export const PARTNER_MENU = "partner_menu";
export const PARTNER_OPEN = "partner_open";

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const esc = (s: string, max = 150) => escapeMrkdwn(truncate(s, max));

export function partnerModal(
  locale: LocaleCode,
  o: { channel?: string; partner?: Partner; people?: string[] } = {},
): ModalView {
  const t = partnerTexts(locale);
  const p = o.partner;
  return {
    type: "modal",
    callback_id: PARTNER_MODAL,
    title: plain(p ? t.form.editTitle : t.form.newTitle, 24),
    submit: plain(t.form.submit, 24),
    close: plain(t.form.close, 24),
    private_metadata: partnerFormMetadata.encode({
      ...(p ? { id: p.id } : {}),
      ...(o.channel ? { channel: o.channel } : {}),
    }),
    blocks: [
      selectInput(
        "kind",
        t.form.kind,
        PARTNER_KINDS.map((k) => option(t.kinds[k], k)),
        { initial: p?.kind },
      ),
      textInput("nameEl", t.form.nameEl, { optional: false, max: LIMITS.name, initial: p?.nameEl }),
      textInput("nameLatin", t.form.nameLatin, { max: LIMITS.name, initial: p?.nameLatin }),
      textInput("country", t.form.country, { optional: false, hint: t.form.countryHint, max: 60, initial: p?.country }),
      textInput("languages", t.form.languages, {
        hint: t.form.languagesHint,
        max: 300,
        initial: p?.languages.join(", "),
      }),
      dateInput("since", t.form.since, { initial: iso(p?.since ?? null) }),
      textInput("people", t.form.people, { multiline: true, max: 2000, initial: o.people?.join("\n") }),
      textInput("notes", t.form.notes, { multiline: true, max: LIMITS.notes, initial: p?.notes }),
    ],
  };
}

export function statusModal(locale: LocaleCode, partner: Partner, channel?: string): ModalView {
  const t = partnerTexts(locale);
  return {
    type: "modal",
    callback_id: PARTNER_STATUS_MODAL,
    title: plain(t.form.statusTitle, 24),
    submit: plain(t.form.submit, 24),
    close: plain(t.form.close, 24),
    private_metadata: partnerStatusMetadata.encode({ id: partner.id, ...(channel ? { channel } : {}) }),
    blocks: [
      selectInput(
        "status",
        t.form.status,
        PARTNER_STATUSES.filter((s) => s !== partner.status).map((s) => option(t.statuses[s], s)),
      ),
      textInput("reason", t.form.reason, { multiline: true, max: 1000 }),
    ],
  };
}

/** «Φαέντσα (Faenza) · Αδελφοποιημένη πόλη · Ιταλία · ενεργός». */
export function partnerLine(t: PartnerTexts, locale: LocaleCode, p: Partner): string {
  return [
    `*${esc(p.nameEl)}*${p.nameLatin ? ` (${esc(p.nameLatin)})` : ""}`,
    t.kinds[p.kind],
    countryName(p.country, locale),
    t.statuses[p.status],
  ].join(" · ");
}

export function searchResults(
  locale: LocaleCode,
  text: string,
  partners: Partner[],
): { text: string; blocks: KnownBlock[] } {
  const t = partnerTexts(locale);
  if (partners.length === 0) return { text: t.noResults(esc(text, 60)), blocks: [] };
  const blocks: KnownBlock[] = [
    { type: "section", text: { type: "mrkdwn", text: `*${t.resultsTitle(partners.length)}*` } },
    ...partners.slice(0, 10).map(
      (p): KnownBlock => ({
        type: "section",
        text: { type: "mrkdwn", text: `#${p.id} ${partnerLine(t, locale, p)}` },
        accessory: {
          type: "button",
          action_id: PARTNER_OPEN,
          text: plain(`#${p.id}`, 75),
          value: partnerOpenValue.encode(p.id),
        },
      }),
    ),
  ];
  return { text: t.resultsTitle(partners.length), blocks };
}

/** One timeline line: the day, what it is, its reference, its title. */
export function timelineLine(t: PartnerTexts, item: TimelineItem): string {
  const a = t.agreements;
  const what =
    item.kind === "agreement_step" && item.code
      ? `${t.card.kinds.agreement_step} ${item.ref}: ${(a.steps as Record<string, string>)[item.code] ?? item.code}`
      : item.kind === "obligation_due" && item.code
        ? `${t.card.kinds.obligation_due} ${item.ref} (${(a.standings as Record<string, string>)[item.code] ?? item.code})`
        : `${t.card.kinds[item.kind]} ${item.ref}`;
  const detail = item.detail ? ` · ${esc(item.detail, 80)}` : "";
  return `${formatDayMonthYear(item.date)} · ${what} · ${esc(item.title, 120)}${detail}`;
}

/** The lines that fit one section (3000 characters), and how many were left out. */
function fitLines(lines: string[], max = 2850): { text: string; left: number } {
  const kept: string[] = [];
  let size = 0;
  for (const line of lines) {
    if (size + line.length + 1 > max) break;
    kept.push(line);
    size += line.length + 1;
  }
  return { text: kept.join("\n"), left: lines.length - kept.length };
}

export function partnerCard(
  locale: LocaleCode,
  card: {
    partner: Partner;
    people: { id: number; nameEl: string; title: string | null }[];
    timeline: TimelineItem[];
    lastActivity: string | null;
  },
): { text: string; blocks: KnownBlock[] } {
  const t = partnerTexts(locale);
  const p = card.partner;
  const facts = [
    partnerLine(t, locale, p),
    [
      p.languages.map((l) => languageName(l, locale)).join(", "),
      p.since ? t.card.since(formatDayMonthYear(iso(p.since) ?? "")) : "",
    ]
      .filter(Boolean)
      .join(" · "),
    p.statusReason ? `_${esc(p.statusReason, 300)}_` : "",
    card.lastActivity ? t.card.lastActivity(formatDayMonthYear(card.lastActivity)) : t.card.noActivity,
  ].filter(Boolean);
  const menu = (["edit", "status", "agreement"] as const).map((choice) =>
    option(t.card.menu[choice], partnerMenuValue.encode({ choice, id: p.id })),
  );
  const blocks: KnownBlock[] = [
    {
      type: "section",
      text: { type: "mrkdwn", text: `#${p.id} ${facts.join("\n")}` },
      accessory: { type: "overflow", action_id: PARTNER_MENU, options: menu },
    },
  ];
  if (card.people.length > 0)
    blocks.push({
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: truncate(
            `${t.card.people}: ${card.people.map((c) => `${esc(c.nameEl, 60)}${c.title ? ` (${esc(c.title, 60)})` : ""}`).join(", ")}`,
            2900,
          ),
        },
      ],
    });
  if (card.timeline.length > 0) {
    const fit = fitLines(card.timeline.map((i) => `• ${timelineLine(t, i)}`));
    blocks.push({
      type: "section",
      text: { type: "mrkdwn", text: `*${t.card.timeline}*\n${fit.text}` },
    });
    if (fit.left > 0) blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: t.card.more(fit.left) }] });
  }
  return { text: esc(p.nameEl), blocks };
}
