// Reads the text after /grafeio: the office's settings command.

import type { LocaleCode } from "../../i18n/index.js";
import { isRealIsoDate } from "../../lib/clock.js";
import { readNameDay } from "../contacts/name-day-choice.js";
import { MAX_LEAD_DAYS } from "../office-calendar/calendar-reminders.js";
import { isRole, type Role } from "../users/roles.js";

export type GrafeioCommand =
  | { kind: "help"; problem?: GrafeioProblem }
  | { kind: "roles" }
  | { kind: "grant" | "revoke"; userId: string; role: Role }
  | { kind: "lang"; userId?: string; locale: LocaleCode | null }
  | { kind: "topics" }
  | { kind: "topicAdd"; nameEl: string; nameEn: string }
  | { kind: "jobs" }
  | { kind: "jobEnable"; name: string; enabled: boolean }
  | { kind: "jobChannel"; name: string; channelId: string | null }
  | { kind: "jobTime"; name: string; time: string | null }
  | { kind: "categories" }
  | { kind: "categoryAdd"; slug: string; nameEl: string; nameEn: string }
  | { kind: "reminders" }
  | { kind: "reminderAdd"; reminder: "celebration" | "cards" | "holiday"; date: string; leadDays: number; name: string }
  | { kind: "reminderLead"; id: number; leadDays: number }
  | { kind: "reminderRemove"; id: number }
  | { kind: "precedence" }
  | { kind: "precedenceAdd"; rank: number; office: string }
  | { kind: "precedenceRemove"; id: number }
  | { kind: "synonyms" }
  | { kind: "synonymAdd"; term: string; synonym: string }
  | { kind: "synonymRemove"; id: number }
  | { kind: "calendarShow"; date: string }
  | { kind: "calendarSet"; date: string; day: "holiday" | "working_day"; name?: string }
  | { kind: "calendarClear"; date: string }
  | { kind: "labourDayShow"; year: number }
  | { kind: "labourDayDecide"; year: number; decision: "confirm" | "clear" | { date: string } }
  | { kind: "departments" }
  | { kind: "departmentChannel"; slug: string; channelId: string | null }
  | { kind: "watchList" }
  | { kind: "watchAdd"; term: string; channelId: string }
  | { kind: "watchRemove"; term: string };

/** What was wrong in a command that is recognised but misused: said instead of the whole help. */
export type GrafeioProblem =
  | { kind: "notAMention"; verb: "grant" | "revoke"; word: string }
  | { kind: "notARole"; verb: "grant" | "revoke"; word: string };

const CHANNEL = /^<#([CG][A-Z0-9]+)(?:\|[^>]*)?>$/;
const isDay = (w: string | undefined): w is string => !!w && isRealIsoDate(w);

// With escaping on, Slack sends a mention as <@U123|name> (or <@U123>).
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

export function parseGrafeioCommand(text: string | undefined): GrafeioCommand {
  const words = (text ?? "").trim().split(/\s+/).filter(Boolean);
  const [verb, ...rest] = words;
  const mention = (w: string | undefined) => (w ? MENTION.exec(w)?.[1] : undefined);
  const locale = (w: string | undefined): LocaleCode | null | undefined =>
    w === "el" || w === "en" ? w : w === "auto" ? null : undefined;
  switch (verb?.toLowerCase()) {
    case "topics":
      return rest.length === 0 ? { kind: "topics" } : { kind: "help" };
    case "topic": {
      // topic add Ελληνικό όνομα | English name   (the English name may be left out)
      if (rest[0]?.toLowerCase() !== "add") return { kind: "help" };
      const [nameEl = "", nameEn = ""] = rest
        .slice(1)
        .join(" ")
        .split("|")
        .map((s) => s.trim());
      if (!nameEl || nameEl.length > 60 || nameEn.length > 60) return { kind: "help" };
      return { kind: "topicAdd", nameEl, nameEn: nameEn || nameEl };
    }
    case "departments":
      return { kind: "departments" };
    case "department": {
      const [slug, what, value] = rest;
      if (slug && what === "channel" && rest.length === 3) {
        if (value === "none") return { kind: "departmentChannel", slug, channelId: null };
        const channelId = CHANNEL.exec(value ?? "")?.[1];
        if (channelId) return { kind: "departmentChannel", slug, channelId };
      }
      return { kind: "help" };
    }
    case "watch": {
      if (rest.length === 0) return { kind: "watchList" };
      const [what, ...args] = rest;
      if (what === "add" && args.length >= 2) {
        const channelId = CHANNEL.exec(args.at(-1) ?? "")?.[1];
        const term = args.slice(0, -1).join(" ").trim();
        if (channelId && term && term.length <= 100) return { kind: "watchAdd", term, channelId };
      }
      if (what === "remove" && args.length >= 1) return { kind: "watchRemove", term: args.join(" ") };
      return { kind: "help" };
    }
    case "jobs":
      return { kind: "jobs" };
    case "job": {
      const [name, what, value] = rest;
      if (!name) return { kind: "help" };
      if (rest.length === 2 && (what === "on" || what === "off"))
        return { kind: "jobEnable", name, enabled: what === "on" };
      if (rest.length === 3 && what === "channel") {
        if (value === "none") return { kind: "jobChannel", name, channelId: null };
        const channelId = value ? CHANNEL.exec(value)?.[1] : undefined;
        if (channelId) return { kind: "jobChannel", name, channelId };
      }
      if (rest.length === 3 && what === "time" && value)
        return { kind: "jobTime", name, time: value === "default" ? null : value };
      return { kind: "help" };
    }
    case "categories":
      return { kind: "categories" };
    case "category": {
      // category add slug Ελληνικό όνομα | English name
      const [what, slug, ...names] = rest;
      if (what !== "add" || !slug || !/^[a-z0-9_]{2,40}$/.test(slug)) return { kind: "help" };
      const [nameEl = "", nameEn = ""] = names
        .join(" ")
        .split("|")
        .map((x) => x.trim());
      if (!nameEl || nameEl.length > 60 || nameEn.length > 60) return { kind: "help" };
      return { kind: "categoryAdd", slug, nameEl, nameEn: nameEn || nameEl };
    }
    case "reminders":
      return { kind: "reminders" };
    case "precedence": {
      // precedence; precedence add <rank> <office>; precedence remove <id>
      if (rest.length === 0) return { kind: "precedence" };
      const [what, first, ...more] = rest;
      const number = Number(first);
      if (what === "add" && Number.isInteger(number) && number > 0 && number < 1000 && more.length > 0) {
        const office = more.join(" ").trim();
        return office.length <= 120 ? { kind: "precedenceAdd", rank: number, office } : { kind: "help" };
      }
      if (what === "remove" && Number.isInteger(number) && number > 0 && more.length === 0)
        return { kind: "precedenceRemove", id: number };
      return { kind: "help" };
    }
    case "synonyms":
      return rest.length === 0 ? { kind: "synonyms" } : { kind: "help" };
    case "synonym": {
      // synonym add Μαρούσι = Αμαρούσιο; synonym remove <id>
      const [what, ...args] = rest;
      if (what === "add") {
        const [term = "", synonym = "", ...extra] = args
          .join(" ")
          .split(/[=|]/)
          .map((x) => x.trim());
        const fits = (x: string) => x.length > 0 && x.length <= 60 && /\p{L}/u.test(x);
        if (extra.length === 0 && fits(term) && fits(synonym) && term !== synonym)
          return { kind: "synonymAdd", term, synonym };
      }
      const id = Number(args[0]);
      if (what === "remove" && args.length === 1 && Number.isInteger(id) && id > 0)
        return { kind: "synonymRemove", id };
      return { kind: "help" };
    }
    case "reminder": {
      // reminder add celebration|cards|holiday <15/8 | Πάσχα+5> <lead days> <name>
      // reminder <id> lead <days>;  reminder <id> remove
      const [first, second, third, ...more] = rest;
      if (first === "add" && (second === "celebration" || second === "cards" || second === "holiday")) {
        const date = third ? readNameDay(third) : undefined;
        const lead = Number(more[0]);
        const name = more.slice(1).join(" ").trim();
        if (date && Number.isInteger(lead) && lead >= 0 && lead <= MAX_LEAD_DAYS && name && name.length <= 100)
          return { kind: "reminderAdd", reminder: second, date, leadDays: lead, name };
        return { kind: "help" };
      }
      const id = Number(first);
      if (!Number.isInteger(id) || id <= 0) return { kind: "help" };
      if (second === "remove" && rest.length === 2) return { kind: "reminderRemove", id };
      const lead = Number(third);
      if (second === "lead" && rest.length === 3 && Number.isInteger(lead) && lead >= 0 && lead <= MAX_LEAD_DAYS)
        return { kind: "reminderLead", id, leadDays: lead };
      return { kind: "help" };
    }
    case "holiday":
      return isDay(rest[0])
        ? { kind: "calendarSet", date: rest[0], day: "holiday", name: rest.slice(1).join(" ") || undefined }
        : { kind: "help" };
    case "workday":
      return isDay(rest[0]) && rest.length === 1
        ? { kind: "calendarSet", date: rest[0], day: "working_day" }
        : { kind: "help" };
    case "calendar":
      if (rest[0] === "clear" && isDay(rest[1])) return { kind: "calendarClear", date: rest[1] };
      return isDay(rest[0]) && rest.length === 1 ? { kind: "calendarShow", date: rest[0] } : { kind: "help" };
    case "labour-day":
    case "labourday":
    case "πρωτομαγιά":
    case "πρωτομαγια": {
      // labour-day 2024; labour-day 2024 confirm | 7/5 | 2024-05-07 | clear
      const year = Number(rest[0]);
      if (!/^\d{4}$/.test(rest[0] ?? "") || year < 1900 || year > 2199 || rest.length > 2) return { kind: "help" };
      const what = rest[1]?.toLowerCase();
      if (what === undefined) return { kind: "labourDayShow", year };
      if (what === "confirm" || what === "επιβεβαίωση") return { kind: "labourDayDecide", year, decision: "confirm" };
      if (what === "clear") return { kind: "labourDayDecide", year, decision: "clear" };
      const dm = /^(\d{1,2})\/(\d{1,2})$/.exec(what);
      const date = dm ? `${year}-${dm[2]?.padStart(2, "0")}-${dm[1]?.padStart(2, "0")}` : what;
      return isDay(date) && date.startsWith(`${year}-`)
        ? { kind: "labourDayDecide", year, decision: { date } }
        : { kind: "help" };
    }
    case "roles":
      return rest.length === 0 ? { kind: "roles" } : { kind: "help" };
    case "grant":
    case "revoke": {
      const action = verb.toLowerCase() as "grant" | "revoke";
      const userId = mention(rest[0]);
      const role = rest[1]?.toLowerCase();
      if (rest.length === 2 && userId && role && isRole(role)) return { kind: action, userId, role };
      // A name typed instead of a mention, or a word that is not a role: say which.
      if (rest.length === 2 && rest[0] && !userId)
        return { kind: "help", problem: { kind: "notAMention", verb: action, word: rest[0] } };
      if (rest.length === 2 && userId && rest[1])
        return { kind: "help", problem: { kind: "notARole", verb: action, word: rest[1] } };
      return { kind: "help" };
    }
    case "lang": {
      if (rest.length === 1) {
        const l = locale(rest[0]);
        return l === undefined ? { kind: "help" } : { kind: "lang", locale: l };
      }
      const userId = mention(rest[0]);
      const l = locale(rest[1]);
      return rest.length === 2 && userId && l !== undefined ? { kind: "lang", userId, locale: l } : { kind: "help" };
    }
    default:
      return { kind: "help" };
  }
}
