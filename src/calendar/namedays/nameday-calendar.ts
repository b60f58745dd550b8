// The Greek name-day calendar (εορτολόγιο): which names are celebrated on a day of a given year,
// and on which days a name is celebrated. Built once from the dataset in ./dataset plus
// the corrections beside this file; Easter-relative feasts move with that year's Orthodox Easter.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { nameSkeletons } from "../../lib/greeklish.js";
import { easterRelative } from "../orthodox-easter.js";
import { ADDED_FEASTS, TRUNCATED_VARIANTS } from "./corrections.js";
import { foldName, phoneticSkeleton } from "./name-forms.js";

/** When a feast falls. Stored on a contact as its key (see `ruleKey`). */
export type FeastRule =
  | { kind: "fixed"; month: number; day: number }
  | { kind: "easter"; offset: number }
  /** The later of a fixed day and a day of Easter week (St George, St Mark). */
  | { kind: "laterOf"; month: number; day: number; easterOffset: number }
  /** The Sunday on or after a fixed day (the Forefathers: the Sunday from 11 to 17 December). */
  | { kind: "sundayFrom"; month: number; day: number };

export interface Feast {
  rule: FeastRule;
  key: string;
  /** The feast's name where the dataset gives one (Easter-relative feasts, the added ones). */
  label?: { el: string; en?: string };
  /** The first is the main form; the rest are everyday forms and diminutives. */
  names: string[];
  /** Those of `names` that celebrate here too although their feast is another (Νικόλαος on Bright Tuesday). */
  secondary?: string[];
}

const pad = (n: number) => String(n).padStart(2, "0");

export function ruleKey(rule: FeastRule): string {
  switch (rule.kind) {
    case "fixed":
      return `fixed:${pad(rule.month)}-${pad(rule.day)}`;
    case "easter":
      return `easter:${rule.offset >= 0 ? "+" : ""}${rule.offset}`;
    case "laterOf":
      return `later:${pad(rule.month)}-${pad(rule.day)}/easter+${rule.easterOffset}`;
    case "sundayFrom":
      return `sunday:${pad(rule.month)}-${pad(rule.day)}`;
  }
}

/** The rule a stored key stands for, or undefined when the key is not one. */
export function parseRuleKey(key: string): FeastRule | undefined {
  let m = /^fixed:(\d{2})-(\d{2})$/.exec(key);
  if (m) {
    const rule = { kind: "fixed" as const, month: Number(m[1]), day: Number(m[2]) };
    return validMonthDay(rule.month, rule.day) ? rule : undefined;
  }
  m = /^easter:([+-]?\d{1,2})$/.exec(key);
  if (m) return { kind: "easter", offset: Number(m[1]) };
  m = /^later:(\d{2})-(\d{2})\/easter\+(\d{1,2})$/.exec(key);
  if (m) return { kind: "laterOf", month: Number(m[1]), day: Number(m[2]), easterOffset: Number(m[3]) };
  m = /^sunday:(\d{2})-(\d{2})$/.exec(key);
  if (m) {
    const rule = { kind: "sundayFrom" as const, month: Number(m[1]), day: Number(m[2]) };
    return validMonthDay(rule.month, rule.day) ? rule : undefined;
  }
  return undefined;
}

function validMonthDay(month: number, day: number): boolean {
  // 2024 is a leap year: 29 February is a valid name day (celebrated on 28 Feb otherwise, below).
  const d = new Date(Date.UTC(2024, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** The date (YYYY-MM-DD) a rule gives in `year`. */
export function dateOf(rule: FeastRule, year: number): string {
  switch (rule.kind) {
    case "fixed": {
      // 29 February outside leap years: kept on 28 February, as the Church does (Κασσιανός).
      const day = rule.month === 2 && rule.day === 29 && !isLeap(year) ? 28 : rule.day;
      return `${year}-${pad(rule.month)}-${pad(day)}`;
    }
    case "easter":
      return easterRelative(year, rule.offset);
    case "laterOf": {
      // St George: 23 April, but Easter Monday when 23 April falls on or before Easter Sunday.
      const fixed = `${year}-${pad(rule.month)}-${pad(rule.day)}`;
      const moved = easterRelative(year, rule.easterOffset);
      return moved > fixed ? moved : fixed;
    }
    case "sundayFrom": {
      const from = new Date(Date.UTC(year, rule.month - 1, rule.day));
      from.setUTCDate(from.getUTCDate() + ((7 - from.getUTCDay()) % 7));
      return from.toISOString().slice(0, 10);
    }
  }
}

/** The next day (YYYY-MM-DD) on or after `today` that a rule gives: this year's, or next year's once it has passed. */
export function nextDateOf(rule: FeastRule, today: string): string {
  const year = Number(today.slice(0, 4));
  const thisYear = dateOf(rule, year);
  return thisYear >= today ? thisYear : dateOf(rule, year + 1);
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

interface DatasetFiles {
  recurring: { data: { names: string[]; date: string }[] };
  relative: { special: { toEaster: number; main: string; variations: string[] }[] };
}

function readDataset(dir: string): DatasetFiles {
  return {
    recurring: JSON.parse(readFileSync(`${dir}/recurring_namedays.json`, "utf8")),
    relative: JSON.parse(readFileSync(`${dir}/relative_to_easter.json`, "utf8")),
  };
}

function fixNames(names: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of names) {
    const name = raw.trim();
    const fixed = name in TRUNCATED_VARIANTS ? TRUNCATED_VARIANTS[name] : name;
    if (fixed && !out.includes(fixed)) out.push(fixed);
  }
  return out;
}

export const DEFAULT_DATASET_DIR = fileURLToPath(new URL("./dataset", import.meta.url));

export function buildFeasts(files: DatasetFiles): Feast[] {
  const feasts: Feast[] = [];
  for (const entry of files.recurring.data) {
    const [day, month] = entry.date.split("/").map(Number) as [number, number];
    const names = fixNames(entry.names);
    if (names.length === 0 || !validMonthDay(month, day)) continue;
    const rule: FeastRule = { kind: "fixed", month, day };
    feasts.push({ rule, key: ruleKey(rule), names });
  }
  for (const entry of files.relative.special) {
    const names = fixNames(entry.variations);
    if (names.length === 0) continue; // a day of the Church year that no name celebrates
    const rule: FeastRule = { kind: "easter", offset: entry.toEaster };
    feasts.push({ rule, key: ruleKey(rule), label: { el: entry.main }, names });
  }
  for (const added of ADDED_FEASTS) {
    const rule = { ...added.rule } as FeastRule;
    const also: string[] = "alsoCelebrating" in added ? [...added.alsoCelebrating] : [];
    feasts.push({
      rule,
      key: ruleKey(rule),
      label: { ...added.label },
      names: [...added.names, ...also],
      ...(also.length ? { secondary: also } : {}),
    });
  }
  return feasts;
}

export interface NameDayMatch {
  key: string;
  rule: FeastRule;
  label?: { el: string; en?: string };
  /** The name celebrates here too, but its feast is another: offered, never suggested alone. */
  secondary?: true;
}

export class NameDayCalendar {
  private readonly byFolded = new Map<string, Set<string>>();
  private readonly bySkeleton = new Map<string, Set<string>>();
  private readonly rules = new Map<string, { rule: FeastRule; label?: { el: string; en?: string } }>();
  private readonly byYear = new Map<number, Map<string, Feast[]>>();
  /** `<folded name or skeleton>|<key>` of the names that are secondary in a feast. */
  private readonly secondary = new Set<string>();

  constructor(readonly feasts: Feast[]) {
    for (const feast of feasts) {
      const known = this.rules.get(feast.key);
      if (!known || (!known.label && feast.label)) this.rules.set(feast.key, { rule: feast.rule, label: feast.label });
      for (const name of feast.names) {
        addToSet(this.byFolded, foldName(name), feast.key);
        addToSet(this.bySkeleton, phoneticSkeleton(name), feast.key);
      }
      for (const name of feast.secondary ?? []) {
        this.secondary.add(`${foldName(name)}|${feast.key}`);
        this.secondary.add(`${phoneticSkeleton(name)}|${feast.key}`);
      }
    }
  }

  static load(dir = DEFAULT_DATASET_DIR): NameDayCalendar {
    return new NameDayCalendar(buildFeasts(readDataset(dir)));
  }

  /**
   * The feasts of a name in any of its forms and spellings (Γιώργος, ΓΕΩΡΓΙΟΣ, Giorgos). Exact
   * Greek spelling first; the Greeklish skeleton only when the spelling is not known, then the
   * Greek name of an English one (Helen, Peter).
   */
  lookup(name: string): NameDayMatch[] {
    const folded = foldName(name);
    if (!folded) return [];
    let form = folded;
    let keys = this.byFolded.get(folded);
    // Greeklish and English: each way the name may be read (Zoi: οι or ω-η; Helen: Ελένη), in turn.
    if (!keys) {
      for (form of nameSkeletons(name)) {
        keys = this.bySkeleton.get(form);
        if (keys) break;
      }
    }
    keys ??= new Set<string>();
    return [...keys].map((key) => {
      const known = this.rules.get(key);
      if (!known) throw new Error(`unknown feast ${key}`);
      const secondary = this.secondary.has(`${form}|${key}`);
      return { key, rule: known.rule, label: known.label, ...(secondary ? { secondary: true as const } : {}) };
    });
  }

  /** Whether `key` is a feast of this calendar, or at least a well-formed date the office chose. */
  describeKey(key: string): { rule: FeastRule; label?: { el: string; en?: string } } | undefined {
    const known = this.rules.get(key);
    if (known) return known;
    const rule = parseRuleKey(key);
    return rule ? { rule } : undefined;
  }

  /** The feasts that fall on `date` (YYYY-MM-DD). */
  feastsOn(date: string): Feast[] {
    const year = Number(date.slice(0, 4));
    let days = this.byYear.get(year);
    if (!days) {
      days = new Map();
      for (const feast of this.feasts) {
        const date = dateOf(feast.rule, year);
        days.set(date, [...(days.get(date) ?? []), feast]);
      }
      this.byYear.set(year, days);
      if (this.byYear.size > 8) this.byYear.delete(this.byYear.keys().next().value as number);
    }
    return days.get(date) ?? [];
  }

  /** The keys whose feast falls on `date`: what a contact's chosen name day is compared with. */
  keysOn(date: string): string[] {
    return [...new Set(this.feastsOn(date).map((f) => f.key))];
  }
}

function addToSet(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key) ?? new Set<string>();
  set.add(value);
  map.set(key, set);
}
