// The Home tab's texts, Greek first (the area keeps its catalogue to itself).
import type { LocaleCode } from "../../i18n/index.js";
import { defineTexts, icu } from "../../i18n/texts.js";
import type { Widen } from "../../i18n/widen.js";

const el = {
  header: "Το Γραφείο σας",
  counts: (locale: LocaleCode, overdue: number, today: number, week: number) =>
    icu(
      locale,
      "{overdue, plural, one {# εκπρόθεσμο} other {# εκπρόθεσμα}} · {today} για σήμερα · {week} αυτή την εβδομάδα",
      { overdue, today, week },
    ),
  nothingOpen: ":white_check_mark: Δεν έχετε τίποτα ανοιχτό. Καλή δουλειά!",
  buckets: {
    overdue: ":red_circle: Εκπρόθεσμα",
    today: ":large_orange_circle: Σήμερα",
    week: ":large_blue_circle: Αυτή την εβδομάδα",
    later: ":white_circle: Αργότερα",
  },
  dueOn: (day: string) => `ως ${day}`,
  overdueSince: (day: string) => `έληγε ${day}`,
  dueToday: "σήμερα",
  more: (locale: LocaleCode, n: number) =>
    icu(
      locale,
      "…και {n, plural, one {# ακόμη εκκρεμότητα} other {# ακόμη εκκρεμότητες}}: ολόκληρες οι λίστες με `/translate list mine`, `/letter open`, `/clip search απάντηση:ναι`, `/event list`.",
      { n },
    ),
  andMore: (locale: LocaleCode, n: number) => icu(locale, "_…και {n} ακόμη_", { n }),
  forms: "Νέα καταχώριση",
  digest: "Η σύνοψη των προϊσταμένων",
  health: "Οι εργασίες του Grafeio",
  healthy: ":white_check_mark: Καμία εργασία δεν απέτυχε τις τελευταίες 7 ημέρες, όλα τα κανάλια λειτουργούν.",
  failedJob: (locale: LocaleCode, job: string, n: number) =>
    `:x: *${job}*: ${icu(locale, "{n, plural, one {# αποτυχία} other {# αποτυχίες}}", { n })} τις τελευταίες 7 ημέρες`,
  channelProblem: (channel: string, reason: string) => `:warning: <#${channel}>: ${reason}`,
  channelUnset: (setting: string) => `:grey_question: \`${setting}\` δεν έχει οριστεί`,
  refused: (role: string) =>
    `Το Grafeio δείχνει εδώ τις εκκρεμότητες του προσωπικού του γραφείου. Χρειάζεστε τον ρόλο «${role}»: ζητήστε τον από έναν διαχειριστή.`,
  updated: (time: string) => `Ενημερώθηκε ${time}`,
} as const;

const en: Widen<typeof el> = {
  header: "Your office",
  counts: (locale: LocaleCode, overdue: number, today: number, week: number) =>
    icu(locale, "{overdue} overdue · {today} today · {week} this week", { overdue, today, week }),
  nothingOpen: ":white_check_mark: Nothing open. Well done!",
  buckets: {
    overdue: ":red_circle: Overdue",
    today: ":large_orange_circle: Today",
    week: ":large_blue_circle: This week",
    later: ":white_circle: Later",
  },
  dueOn: (day: string) => `by ${day}`,
  overdueSince: (day: string) => `was due ${day}`,
  dueToday: "today",
  more: (locale: LocaleCode, n: number) =>
    icu(
      locale,
      "…and {n, plural, one {# more item} other {# more items}}: the full lists with `/translate list mine`, `/letter open`, `/clip search reply:open`, `/event list`.",
      { n },
    ),
  andMore: (locale: LocaleCode, n: number) => icu(locale, "_…and {n} more_", { n }),
  forms: "New",
  digest: "The managers' digest",
  health: "Grafeio's jobs",
  healthy: ":white_check_mark: No job failed in the last 7 days, every channel works.",
  failedJob: (locale: LocaleCode, job: string, n: number) =>
    `:x: *${job}*: ${icu(locale, "{n, plural, one {# failure} other {# failures}}", { n })} in the last 7 days`,
  channelProblem: (channel: string, reason: string) => `:warning: <#${channel}>: ${reason}`,
  channelUnset: (setting: string) => `:grey_question: \`${setting}\` is not set`,
  refused: (role: string) =>
    `Grafeio shows the office staff's open items here. You need the “${role}” role: ask an administrator.`,
  updated: (time: string) => `Updated ${time}`,
};

export const homeTexts = defineTexts(el, en);
export type HomeTexts = ReturnType<typeof homeTexts>;
