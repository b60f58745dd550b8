// Contacts as Block Kit: search results with a menu on each, and the answer after saving one.
import type { KnownBlock } from "@slack/types";
import { z } from "zod";
import type { LocaleCode, Messages } from "../../../i18n/index.js";
import { type Codec, idCodec, jsonCodec } from "../../../slack/codec.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { ContactRecord } from "../contact-service.js";

export const ADD_CONTACT_ACTION = "contact_add";
export const CONTACT_MENU_ACTION = "contact_menu";
export const CONTACT_PAGE_ACTION = "contact_search_page";
export const CONFIRM_NAME_DAY_ACTION = "contact_confirm_name_day";

/** A page of search results: the words searched for and the page. */
export const contactPageValue = jsonCodec(z.object({ q: z.string().max(500), p: z.number().int().min(1).max(1000) }));
export type ContactPageValue = NonNullable<ReturnType<typeof contactPageValue.decode>>;

export const CONTACT_MENU_VERBS = ["edit", "archive", "restore", "merge", "data", "erase"] as const;
export type ContactMenuVerb = (typeof CONTACT_MENU_VERBS)[number];

/** A contact's menu choice: `<verb>:<contact id>`. */
export const contactMenuValue: Codec<{ verb: ContactMenuVerb; contactId: number }> = {
  decode(raw) {
    const [verb, id, ...rest] = (raw ?? "").split(":");
    const contactId = idCodec.decode(id);
    return rest.length === 0 &&
      contactId !== undefined &&
      (CONTACT_MENU_VERBS as readonly string[]).includes(verb ?? "")
      ? { verb: verb as ContactMenuVerb, contactId }
      : undefined;
  },
  encode: ({ verb, contactId }) => `${verb}:${contactId}`,
};
const menuValue = (verb: ContactMenuVerb, contactId: number) => contactMenuValue.encode({ verb, contactId });

const button = (text: string, action_id: string, value: string) => ({
  type: "button" as const,
  action_id,
  text: { type: "plain_text" as const, text },
  value,
});

/** One line about a contact: name, position, organisation, marks. */
export function contactLine(t: Messages, locale: LocaleCode, c: ContactRecord, nameDay?: string): string {
  const name = `*${escapeMrkdwn(truncate(c.nameEl, 120))}*${c.nameLatin ? ` (${escapeMrkdwn(truncate(c.nameLatin, 80))})` : ""}`;
  const role = [c.title, c.organisation].filter(Boolean).map((s) => escapeMrkdwn(truncate(String(s), 100)));
  const category = c.category ? (locale === "en" ? c.category.nameEn : c.category.nameEl) : undefined;
  const marks = [
    c.vip ? `:star: ${t.contacts.vipMark}` : "",
    nameDay ? `:birthday: ${nameDay}${c.nameDayConfirmed ? "" : ` _(${t.contacts.unconfirmedMark})_`}` : "",
    c.optOutGreetings ? `:no_bell: ${t.contacts.optedOutMark}` : "",
    c.archivedAt ? `:file_cabinet: ${t.contacts.archivedMark}` : "",
  ].filter(Boolean);
  const second = [role.join(", "), category ? escapeMrkdwn(category) : "", c.email ? escapeMrkdwn(c.email) : ""]
    .filter(Boolean)
    .join(" · ");
  return [name, second, marks.join(" · ")].filter(Boolean).join("\n");
}

export function buildContactResults(options: {
  t: Messages;
  locale: LocaleCode;
  query: string;
  page: number;
  contacts: ContactRecord[];
  hasMore: boolean;
  nameDayOf: (key: string) => string;
}): { text: string; blocks: KnownBlock[] } {
  const { t, locale, query, page, contacts, hasMore } = options;
  const shown = escapeMrkdwn(truncate(query, 200));
  if (contacts.length === 0) {
    const text = t.contacts.noResults(shown);
    return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
  }
  const first = (page - 1) * 10 + 1;
  const heading = t.contacts.found(`${first}–${first + contacts.length - 1}${hasMore ? "+" : ""}`, shown);
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: heading } }];
  for (const c of contacts) {
    const option = (text: string, value: string) => ({ text: { type: "plain_text" as const, text }, value });
    const menu = [
      option(t.contacts.menuEdit, menuValue("edit", c.id)),
      c.archivedAt
        ? option(t.contacts.menuRestore, menuValue("restore", c.id))
        : option(t.contacts.menuArchive, menuValue("archive", c.id)),
      option(t.contacts.menuMerge, menuValue("merge", c.id)),
      option(t.contacts.menuExportData, menuValue("data", c.id)),
      option(t.contacts.menuErase, menuValue("erase", c.id)),
    ];
    blocks.push({
      type: "section",
      text: {
        type: "mrkdwn",
        text: truncate(contactLine(t, locale, c, c.nameDayKey ? options.nameDayOf(c.nameDayKey) : undefined), 3000),
      },
      accessory: { type: "overflow", action_id: CONTACT_MENU_ACTION, options: menu },
    });
  }
  const value = (p: number) => contactPageValue.encode({ q: query, p });
  const pages = [
    ...(page > 1 ? [button(t.search.previous, `${CONTACT_PAGE_ACTION}_prev`, value(page - 1))] : []),
    ...(hasMore ? [button(t.search.next, `${CONTACT_PAGE_ACTION}_next`, value(page + 1))] : []),
  ];
  if (pages.length) blocks.push({ type: "actions", block_id: "contact_pages", elements: pages });
  return { text: heading.replace(/\*/g, ""), blocks };
}

/** After saving: the message, with a button to confirm a suggested name day. */
export function contactSavedBlocks(t: Messages, text: string, contactId: number, suggested: boolean): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: "section", text: { type: "mrkdwn", text: truncate(text, 3000) } }];
  if (suggested) {
    blocks.push({
      type: "actions",
      elements: [
        button(t.contacts.confirmNameDay, CONFIRM_NAME_DAY_ACTION, idCodec.encode(contactId)),
        button(t.contacts.menuEdit, CONTACT_MENU_ACTION, menuValue("edit", contactId)),
      ],
    });
  }
  return blocks;
}

/** `/contact` with nothing after it: the help, and a button for a new contact. */
export function contactHelpBlocks(t: Messages): KnownBlock[] {
  return [
    { type: "section", text: { type: "mrkdwn", text: t.contacts.help } },
    { type: "actions", elements: [button(t.contacts.addButton, ADD_CONTACT_ACTION, "add")] },
  ];
}
