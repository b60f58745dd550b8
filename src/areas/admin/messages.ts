// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import type { Widen } from "../../i18n/widen.js";

export const el = {
  admin: {
    help: [
      "*Γραφείο: ρυθμίσεις*",
      "`/grafeio lang el|en`: η γλώσσα σας",
      "`/grafeio roles`: ποιος έχει ποιον ρόλο (διαχειριστές)",
      "`/grafeio grant @χρήστης admin|manager|staff`: δίνει ρόλο (διαχειριστές)",
      "`/grafeio revoke @χρήστης admin|manager|staff`: αφαιρεί ρόλο (διαχειριστές)",
      "`/grafeio lang @χρήστης el|en`: η γλώσσα ενός χρήστη (διαχειριστές)",
      "`/grafeio topics`: οι θεματικές των δημοσιευμάτων",
      "`/grafeio topic add Ελληνικά | English`: νέα θεματική (προϊστάμενοι)",
      "`/grafeio jobs`: οι προγραμματισμένες εργασίες (διαχειριστές)",
      "`/grafeio job <όνομα> on|off`, `/grafeio job <όνομα> channel #κανάλι|none` (διαχειριστές)",
      "`/grafeio calendar 2026-05-01`: εργάσιμη ή αργία;",
      "`/grafeio holiday 2026-05-05 Όνομα`, `/grafeio workday 2026-05-01`, `/grafeio calendar clear 2026-05-01`: διόρθωση αργιών (διαχειριστές)",
      "`/grafeio job <όνομα> time 08:30|default`: άλλη ώρα για μια εργασία (διαχειριστές)",
      "`/grafeio categories`, `/grafeio category add slug Ελληνικά | English`: κατηγορίες επαφών (προϊστάμενοι)",
      "`/grafeio reminders`: οι ημέρες με υπενθύμιση (εθνικές επέτειοι, κάρτες, τοπικές γιορτές)",
      "`/grafeio reminder add celebration|cards|holiday 23/4 21 Όνομα`, `/grafeio reminder 3 lead 30`, `/grafeio reminder 3 remove` (διαχειριστές)",
      "`/grafeio precedence`, `/grafeio precedence add 25 Πρέσβης`, `/grafeio precedence remove 7`: ο πίνακας προτεραιότητας (προϊστάμενοι)",
    ].join("\n"),
    topicsList: "*Θεματικές δημοσιευμάτων*",
    topicAdded: (name: string) => `Προστέθηκε η θεματική «${name}».`,
    topicExists: (name: string) => `Η θεματική «${name}» υπάρχει ήδη και είναι διαθέσιμη.`,
    jobsList: "*Προγραμματισμένες εργασίες*",
    jobLine: (j: {
      name: string;
      description: string;
      enabled: boolean;
      channel: string;
      last: string;
      next: string;
      failures: number;
    }) =>
      `• \`${j.name}\` ${j.enabled ? ":large_green_circle: ενεργή" : ":white_circle: ανενεργή"}: ${j.description}. Κανάλι: ${j.channel}. Τελευταία: ${j.last}. Επόμενη: ${j.next}. Αποτυχίες (30 ημ.): ${j.failures}`,
    unknownJob: (name: string) => `Δεν υπάρχει εργασία «${name}». Δείτε \`/grafeio jobs\`.`,
    jobEnabled: (name: string, on: boolean) => `Η εργασία \`${name}\` είναι πλέον ${on ? "ενεργή" : "ανενεργή"}.`,
    jobChannel: (name: string, channel: string | null) =>
      channel
        ? `Η εργασία \`${name}\` θα δημοσιεύει στο ${channel}.`
        : `Η εργασία \`${name}\` δεν δημοσιεύει πλέον σε κανάλι.`,
    dayInfo: (date: string, working: boolean, holiday: string | undefined, overridden: boolean) =>
      `${date}: ${working ? "εργάσιμη" : `μη εργάσιμη${holiday ? ` (${holiday})` : ""}`}${overridden ? ", με διόρθωση διαχειριστή" : ""}.`,
    jobTime: (name: string, schedule: string) => `Η εργασία \`${name}\` τρέχει πλέον: \`${schedule}\` (ώρα Αθήνας).`,
    badTime: (time: string) =>
      `Η ώρα «${time}» δεν γίνεται: γράψτε ΩΩ:ΛΛ (π.χ. 08:30), όχι μεταξύ 03:00 και 04:00 (αλλαγή ώρας), ή \`default\`.`,
    categoriesList: "*Κατηγορίες επαφών*",
    categoryAdded: (name: string) => `Προστέθηκε η κατηγορία «${name}».`,
    categoryExists: (slug: string) => `Η κατηγορία \`${slug}\` υπάρχει ήδη.`,
    remindersList: "*Ημέρες με υπενθύμιση* (αριθμός, είδος, όνομα, φετινή ημερομηνία, πόσες ημέρες πριν)",
    reminderKinds: { celebration: "εορτασμός", cards: "κάρτες", holiday: "τοπική αργία" },
    reminderLine: (id: number, kind: string, name: string, date: string, lead: number) =>
      `• #${id} ${kind}: *${name}*, ${date}, ${lead} ημέρες πριν`,
    reminderAdded: (id: number, name: string) => `Προστέθηκε η υπενθύμιση #${id} «${name}».`,
    reminderChanged: (id: number) => `Η υπενθύμιση #${id} άλλαξε.`,
    unknownReminder: (id: number) => `Δεν υπάρχει υπενθύμιση #${id}. Δείτε \`/grafeio reminders\`.`,
    precedenceList: "*Πίνακας προτεραιότητας* (αριθμός, σειρά, αξίωμα· μικρότερη σειρά προηγείται)",
    precedenceLine: (id: number, rank: number, office: string) => `• #${id} ${rank}: ${office}`,
    precedenceAdded: (id: number, office: string, rank: number) => `Προστέθηκε #${id}: ${office} με σειρά ${rank}.`,
    precedenceRemoved: (id: number) => `Αφαιρέθηκε το #${id} από τον πίνακα προτεραιότητας.`,
    rolesList: "*Ρόλοι*",
    noRoles: "Κανείς δεν έχει ρόλο ακόμη.",
    granted: (user: string, role: string) => `Ο/Η ${user} έχει πλέον τον ρόλο «${role}».`,
    revoked: (user: string, role: string) => `Ο/Η ${user} δεν έχει πλέον τον ρόλο «${role}».`,
    lastAdmin: "Δεν γίνεται να αφαιρεθεί ο τελευταίος διαχειριστής.",
    languageSet: (user: string, lang: string) => `Γλώσσα για ${user}: ${lang}.`,
    languageNames: { el: "Ελληνικά", en: "English" },
  },
} as const;

export const en: Widen<typeof el> = {
  admin: {
    help: [
      "*Grafeio: settings*",
      "`/grafeio lang el|en`: your language",
      "`/grafeio roles`: who has which role (administrators)",
      "`/grafeio grant @user admin|manager|staff`: give a role (administrators)",
      "`/grafeio revoke @user admin|manager|staff`: take a role away (administrators)",
      "`/grafeio lang @user el|en`: a user's language (administrators)",
      "`/grafeio topics`: the clipping topics",
      "`/grafeio topic add Ελληνικά | English`: a new topic (managers)",
      "`/grafeio jobs`: the scheduled jobs (administrators)",
      "`/grafeio job <name> on|off`, `/grafeio job <name> channel #channel|none` (administrators)",
      "`/grafeio calendar 2026-05-01`: working day or holiday?",
      "`/grafeio holiday 2026-05-05 Name`, `/grafeio workday 2026-05-01`, `/grafeio calendar clear 2026-05-01`: correct the holidays (administrators)",
      "`/grafeio job <name> time 08:30|default`: another time of day for a job (admins)",
      "`/grafeio categories`, `/grafeio category add slug Ελληνικά | English`: contact categories (managers)",
      "`/grafeio reminders`: the days with a reminder (national days, cards, local celebrations)",
      "`/grafeio reminder add celebration|cards|holiday 23/4 21 Name`, `/grafeio reminder 3 lead 30`, `/grafeio reminder 3 remove` (admins)",
      "`/grafeio precedence`, `/grafeio precedence add 25 Πρέσβης`, `/grafeio precedence remove 7`: the precedence table (managers)",
    ].join("\n"),
    topicsList: "*Clipping topics*",
    topicAdded: (name: string) => `Topic “${name}” added.`,
    topicExists: (name: string) => `Topic “${name}” already exists and is available.`,
    jobsList: "*Scheduled jobs*",
    jobLine: (j: {
      name: string;
      description: string;
      enabled: boolean;
      channel: string;
      last: string;
      next: string;
      failures: number;
    }) =>
      `• \`${j.name}\` ${j.enabled ? ":large_green_circle: on" : ":white_circle: off"}: ${j.description}. Channel: ${j.channel}. Last: ${j.last}. Next: ${j.next}. Failures (30 d): ${j.failures}`,
    unknownJob: (name: string) => `There is no job “${name}”. See \`/grafeio jobs\`.`,
    jobEnabled: (name: string, on: boolean) => `Job \`${name}\` is now ${on ? "on" : "off"}.`,
    jobChannel: (name: string, channel: string | null) =>
      channel ? `Job \`${name}\` will post in ${channel}.` : `Job \`${name}\` no longer posts in a channel.`,
    dayInfo: (date: string, working: boolean, holiday: string | undefined, overridden: boolean) =>
      `${date}: ${working ? "a working day" : `not a working day${holiday ? ` (${holiday})` : ""}`}${overridden ? ", as corrected by an administrator" : ""}.`,
    jobTime: (name: string, schedule: string) => `The job \`${name}\` now runs at \`${schedule}\` (Athens time).`,
    badTime: (time: string) =>
      `The time “${time}” will not do: write HH:MM (e.g. 08:30), not between 03:00 and 04:00 (clock changes), or \`default\`.`,
    categoriesList: "*Contact categories*",
    categoryAdded: (name: string) => `Added the category “${name}”.`,
    categoryExists: (slug: string) => `The category \`${slug}\` already exists.`,
    remindersList: "*Days with a reminder* (number, kind, name, this year's date, days ahead)",
    reminderKinds: { celebration: "celebration", cards: "cards", holiday: "local holiday" },
    reminderLine: (id: number, kind: string, name: string, date: string, lead: number) =>
      `• #${id} ${kind}: *${name}*, ${date}, ${lead} days ahead`,
    reminderAdded: (id: number, name: string) => `Added reminder #${id} “${name}”.`,
    reminderChanged: (id: number) => `Reminder #${id} changed.`,
    unknownReminder: (id: number) => `There is no reminder #${id}. See \`/grafeio reminders\`.`,
    precedenceList: "*Precedence table* (number, rank, office; a lower rank goes first)",
    precedenceLine: (id: number, rank: number, office: string) => `• #${id} ${rank}: ${office}`,
    precedenceAdded: (id: number, office: string, rank: number) => `Added #${id}: ${office} at rank ${rank}.`,
    precedenceRemoved: (id: number) => `Removed #${id} from the precedence table.`,
    rolesList: "*Roles*",
    noRoles: "Nobody has a role yet.",
    granted: (user: string, role: string) => `${user} now has the “${role}” role.`,
    revoked: (user: string, role: string) => `${user} no longer has the “${role}” role.`,
    lastAdmin: "The last administrator cannot be removed.",
    languageSet: (user: string, lang: string) => `Language for ${user}: ${lang}.`,
    languageNames: { el: "Ελληνικά", en: "English" },
  },
};
