// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import { icu } from "../../i18n/texts.js";
import type { Widen } from "../../i18n/widen.js";

export const el = {
  admin: {
    helpTitle: "*Γραφείο: ρυθμίσεις*",
    commandsTitle: "*Όλες οι εντολές του Γραφείου*",
    /** Who may use a line of the help, after it. */
    roleMarks: { admin: "διαχειριστές", manager: "προϊστάμενοι", staff: "προσωπικό", reader: "αναγνώστες" },
    summary: "Οι ρυθμίσεις του Γραφείου: γλώσσα, ρόλοι, θεματικές, εργασίες, ημερολόγιο, υπενθυμίσεις",
    helpLines: {
      help: "`/grafeio help` ή `/grafeio βοήθεια`: αυτή η βοήθεια",
      lang: "`/grafeio lang el|en|auto`: η γλώσσα σας (`auto`: όπως στο Slack)· `/grafeio lang @χρήστης el|en|auto`: η γλώσσα ενός χρήστη (διαχειριστές)",
      roles: "`/grafeio roles`: ποιος έχει ποιον ρόλο",
      grant: "`/grafeio grant @χρήστης admin|manager|staff|reader`: δίνει ρόλο",
      revoke: "`/grafeio revoke @χρήστης admin|manager|staff|reader`: αφαιρεί ρόλο",
      topics: "`/grafeio topics`: οι θεματικές των δημοσιευμάτων",
      topicAdd: "`/grafeio topic add Ελληνικά | English`: νέα θεματική",
      departments: "`/grafeio departments`: οι υπηρεσίες του Δήμου και τα κανάλια τους",
      departmentChannel: "`/grafeio department <slug> channel #κανάλι|none`: το κανάλι των ειδοποιήσεων μιας υπηρεσίας",
      watchList: "`/grafeio watch`: οι όροι που παρακολουθούνται στα δημοσιεύματα",
      watchAdd: "`/grafeio watch add <όρος> #κανάλι`: ειδοποίηση στο κανάλι όταν ένα δημοσίευμα αναφέρει τον όρο",
      watchRemove: "`/grafeio watch remove <όρος>`: σταματά την παρακολούθηση ενός όρου",
      jobs: "`/grafeio jobs`: οι προγραμματισμένες εργασίες",
      jobEnable: "`/grafeio job <όνομα> on|off`: ενεργοποιεί ή σταματά μια εργασία",
      jobChannel: "`/grafeio job <όνομα> channel #κανάλι|none`: σε ποιο κανάλι δημοσιεύει μια εργασία",
      jobTime: "`/grafeio job <όνομα> time 08:30|default`: άλλη ώρα για μια εργασία",
      calendarShow: "`/grafeio calendar 2026-05-01`: εργάσιμη ή αργία;",
      calendarSet: "`/grafeio holiday 2026-05-05 Όνομα`, `/grafeio workday 2026-05-01`: διόρθωση αργιών",
      calendarClear: "`/grafeio calendar clear 2026-05-01`: αναιρεί μια διόρθωση",
      labourDayShow: "`/grafeio labour-day 2027`: πού τηρείται φέτος η Εργατική Πρωτομαγιά",
      labourDayDecide:
        "`/grafeio labour-day 2027 confirm|4/5|clear`: η απόφαση που δημοσιεύθηκε για την Πρωτομαγιά: επιβεβαιώνει την αναμενόμενη ημέρα, ορίζει την ημέρα της απόφασης ή αναιρεί την καταχώριση",
      categories: "`/grafeio categories`: οι κατηγορίες επαφών",
      categoryAdd: "`/grafeio category add slug Ελληνικά | English`: νέα κατηγορία επαφών",
      reminders: "`/grafeio reminders`: οι ημέρες με υπενθύμιση (εθνικές επέτειοι, κάρτες, τοπικές γιορτές)",
      reminderAdd:
        "`/grafeio reminder add celebration|cards|holiday 23/4 21 Όνομα`: νέα υπενθύμιση (ημέρα, πόσες ημέρες πριν, όνομα)",
      reminderLead: "`/grafeio reminder 3 lead 30`: πόσες ημέρες πριν υπενθυμίζεται",
      reminderRemove: "`/grafeio reminder 3 remove`: αφαιρεί μια υπενθύμιση",
      precedence: "`/grafeio precedence`: ο πίνακας προτεραιότητας",
      precedenceAdd: "`/grafeio precedence add 25 Πρέσβης`: νέο αξίωμα, με τη σειρά του",
      precedenceRemove: "`/grafeio precedence remove 7`: αφαιρεί ένα αξίωμα",
      synonyms: "`/grafeio synonyms`: οι λέξεις που η αναζήτηση παίρνει ως μία (Μαρούσι, Αμαρούσιο)",
      synonymAdd: "`/grafeio synonym add Μαρούσι = Αμαρούσιο`: νέο ζεύγος για την αναζήτηση",
      synonymRemove: "`/grafeio synonym remove 3`: αφαιρεί ένα ζεύγος",
    },
    topicsList: "*Θεματικές δημοσιευμάτων*",
    topicAdded: (name: string) => `Προστέθηκε η θεματική «${name}».`,
    topicExists: (name: string) => `Η θεματική «${name}» υπάρχει ήδη και είναι διαθέσιμη.`,
    jobsList: "*Προγραμματισμένες εργασίες*",
    /** A job that runs every hour between two times. */
    hourly: (from: string, to: string) => `κάθε ώρα, ${from}-${to}`,
    /** A job that runs every few minutes. */
    everyMinutes: (n: number) => icu("el", "κάθε {n, plural, one {λεπτό} other {# λεπτά}}", { n }),
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
    /** After the day's line: the holiday kept here came from its own day (Labour Day from 1 May). */
    dayMovedFrom: (from: string, expected: boolean) =>
      ` Μεταφορά από ${from}${expected ? ": αναμενόμενη ημερομηνία μέχρι να δημοσιευθεί η απόφαση" : ""}.`,
    /** After the day's line: the day's own holiday is kept on another day. */
    dayMovedTo: (to: string, expected: boolean) =>
      ` Η Εργατική Πρωτομαγιά τηρείται ${to}${expected ? " (αναμενόμενη ημερομηνία μέχρι να δημοσιευθεί η απόφαση)" : ""}.`,
    halfDay: (time: string) => ` Μισή εργάσιμη: η εργασία σταματά στις ${time}.`,
    afterHalfDay: (time: string) =>
      ` Προσοχή: στις 24 και 31 Δεκεμβρίου η εργασία σταματά στις ${time}· ό,τι δημοσιεύσει τότε θα το δουν την επόμενη εργάσιμη.`,
    labourDay: (o: { year: number; date: string; from?: string; status: "fixed" | "expected" | "decided" }) =>
      o.status === "fixed"
        ? `Εργατική Πρωτομαγιά ${o.year}: ${o.date}, στην ημέρα της. Αν δημοσιευθεί απόφαση μεταφοράς: \`/grafeio labour-day ${o.year} <ημέρα>\`.`
        : o.status === "expected"
          ? `Εργατική Πρωτομαγιά ${o.year}: ${o.date} (μεταφορά από ${o.from}), *αναμενόμενη ημερομηνία μέχρι να δημοσιευθεί η απόφαση*. Όταν δημοσιευθεί: \`/grafeio labour-day ${o.year} confirm\`, ή η ημέρα που ορίζει η απόφαση (\`/grafeio labour-day ${o.year} 8/5\`).`
          : `Εργατική Πρωτομαγιά ${o.year}: ${o.date}${o.from ? ` (μεταφορά από ${o.from})` : ", χωρίς μεταφορά"}, κατά την απόφαση που καταχώρισε διαχειριστής (\`/grafeio labour-day ${o.year} clear\` την αναιρεί).`,
    jobTime: (name: string, schedule: string) => `Η εργασία \`${name}\` τρέχει πλέον: \`${schedule}\` (ώρα Αθήνας).`,
    badTime: (time: string) =>
      `Η ώρα «${time}» δεν γίνεται: γράψτε ΩΩ:ΛΛ (π.χ. 08:30), όχι μεταξύ 03:00 και 04:00 (αλλαγή ώρας), ή \`default\`.`,
    categoriesList: "*Κατηγορίες επαφών*",
    categoryAdded: (name: string) => `Προστέθηκε η κατηγορία «${name}».`,
    categoryExists: (slug: string) => `Η κατηγορία \`${slug}\` υπάρχει ήδη.`,
    remindersList: "*Ημέρες με υπενθύμιση* (αριθμός, είδος, όνομα, φετινή ημερομηνία, πόσες ημέρες πριν)",
    reminderKinds: { celebration: "εορτασμός", cards: "κάρτες", holiday: "τοπική αργία" },
    reminderLine: (id: number, kind: string, name: string, date: string, lead: number) =>
      `• #${id} ${kind}: *${name}*, ${date}, ${icu("el", "{lead, plural, one {# ημέρα} other {# ημέρες}}", { lead })} πριν`,
    reminderAdded: (id: number, name: string) => `Προστέθηκε η υπενθύμιση #${id} «${name}».`,
    reminderChanged: (id: number) => `Η υπενθύμιση #${id} άλλαξε.`,
    unknownReminder: (id: number) => `Δεν υπάρχει υπενθύμιση #${id}. Δείτε \`/grafeio reminders\`.`,
    precedenceList: "*Πίνακας προτεραιότητας* (αριθμός, σειρά, αξίωμα· μικρότερη σειρά προηγείται)",
    precedenceLine: (id: number, rank: number, office: string) => `• #${id} ${rank}: ${office}`,
    precedenceAdded: (id: number, office: string, rank: number) => `Προστέθηκε #${id}: ${office} με σειρά ${rank}.`,
    precedenceRemoved: (id: number) => `Αφαιρέθηκε το #${id} από τον πίνακα προτεραιότητας.`,
    synonymsList:
      "*Συνώνυμα της αναζήτησης* (αριθμός, ζεύγος): η αναζήτηση για το ένα βρίσκει και το άλλο, σε κάθε πτώση και γραφή",
    synonymLine: (id: number, term: string, synonym: string) => `• #${id} ${term} = ${synonym}`,
    synonymsNone: "Κανένα ζεύγος ακόμη.",
    synonymAdded: (id: number, term: string, synonym: string) =>
      `Προστέθηκε #${id}: η αναζήτηση για «${term}» βρίσκει και «${synonym}», και αντίστροφα.`,
    synonymExists: (id: number, term: string, synonym: string) => `Το ζεύγος υπάρχει ήδη: #${id} ${term} = ${synonym}.`,
    synonymRemoved: (id: number) => `Αφαιρέθηκε το ζεύγος #${id}.`,
    unknownSynonym: (id: number) => `Δεν υπάρχει ζεύγος #${id}. Δείτε \`/grafeio synonyms\`.`,
    rolesList: "*Ρόλοι*",
    noRoles: "Κανείς δεν έχει ρόλο ακόμη.",
    granted: (user: string, role: string) => `Ο/Η ${user} έχει πλέον τον ρόλο «${role}».`,
    revoked: (user: string, role: string) => `Ο/Η ${user} δεν έχει πλέον τον ρόλο «${role}».`,
    lastAdmin: "Δεν γίνεται να αφαιρεθεί ο τελευταίος διαχειριστής.",
    notAMention: (word: string, usage: string) =>
      `Το «${word}» δεν είναι αναφορά σε χρήστη: γράψτε @ και διαλέξτε το πρόσωπο από τη λίστα του Slack.\n${usage}`,
    notARole: (word: string, usage: string) =>
      `Το «${word}» δεν είναι ρόλος: admin, manager, staff ή reader.\n${usage}`,
    languageSet: (user: string, lang: string) => `Γλώσσα για ${user}: ${lang}.`,
    languageNames: { el: "Ελληνικά", en: "English" },
  },
} as const;

export const en: Widen<typeof el> = {
  admin: {
    helpTitle: "*Grafeio: settings*",
    commandsTitle: "*All of Grafeio's commands*",
    roleMarks: { admin: "administrators", manager: "managers", staff: "staff", reader: "readers" },
    summary: "The office's settings: language, roles, topics, jobs, calendar, reminders",
    helpLines: {
      help: "`/grafeio help` or `/grafeio βοήθεια`: this help",
      lang: "`/grafeio lang el|en|auto`: your language (`auto`: as in Slack); `/grafeio lang @user el|en|auto`: a user's language (administrators)",
      roles: "`/grafeio roles`: who has which role",
      grant: "`/grafeio grant @user admin|manager|staff|reader`: give a role",
      revoke: "`/grafeio revoke @user admin|manager|staff|reader`: take a role away",
      topics: "`/grafeio topics`: the clipping topics",
      topicAdd: "`/grafeio topic add Ελληνικά | English`: a new topic",
      departments: "`/grafeio departments`: the municipality's departments and their channels",
      departmentChannel: "`/grafeio department <slug> channel #channel|none`: the channel for a department's notices",
      watchList: "`/grafeio watch`: the terms watched for in clippings",
      watchAdd: "`/grafeio watch add <term> #channel`: a notice in the channel when a clipping mentions the term",
      watchRemove: "`/grafeio watch remove <term>`: stop watching for a term",
      jobs: "`/grafeio jobs`: the scheduled jobs",
      jobEnable: "`/grafeio job <name> on|off`: turn a job on or off",
      jobChannel: "`/grafeio job <name> channel #channel|none`: the channel a job posts in",
      jobTime: "`/grafeio job <name> time 08:30|default`: another time of day for a job",
      calendarShow: "`/grafeio calendar 2026-05-01`: working day or holiday?",
      calendarSet: "`/grafeio holiday 2026-05-05 Name`, `/grafeio workday 2026-05-01`: correct the holidays",
      calendarClear: "`/grafeio calendar clear 2026-05-01`: undo a correction",
      labourDayShow: "`/grafeio labour-day 2027`: where Labour Day is kept this year",
      labourDayDecide:
        "`/grafeio labour-day 2027 confirm|4/5|clear`: the published decision on Labour Day: confirm the expected day, give the day the decision names, or undo the record",
      categories: "`/grafeio categories`: the contact categories",
      categoryAdd: "`/grafeio category add slug Ελληνικά | English`: a new contact category",
      reminders: "`/grafeio reminders`: the days with a reminder (national days, cards, local celebrations)",
      reminderAdd:
        "`/grafeio reminder add celebration|cards|holiday 23/4 21 Name`: a new reminder (day, days ahead, name)",
      reminderLead: "`/grafeio reminder 3 lead 30`: how many days ahead it reminds",
      reminderRemove: "`/grafeio reminder 3 remove`: remove a reminder",
      precedence: "`/grafeio precedence`: the precedence table",
      precedenceAdd: "`/grafeio precedence add 25 Πρέσβης`: a new office, with its rank",
      precedenceRemove: "`/grafeio precedence remove 7`: remove an office",
      synonyms: "`/grafeio synonyms`: the words search takes as one (Μαρούσι, Αμαρούσιο)",
      synonymAdd: "`/grafeio synonym add Μαρούσι = Αμαρούσιο`: a new pair for search",
      synonymRemove: "`/grafeio synonym remove 3`: remove a pair",
    },
    topicsList: "*Clipping topics*",
    topicAdded: (name: string) => `Topic “${name}” added.`,
    topicExists: (name: string) => `Topic “${name}” already exists and is available.`,
    jobsList: "*Scheduled jobs*",
    hourly: (from: string, to: string) => `hourly, ${from}-${to}`,
    everyMinutes: (n: number) => icu("en", "every {n, plural, one {minute} other {# minutes}}", { n }),
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
    dayMovedFrom: (from: string, expected: boolean) =>
      ` Moved from ${from}${expected ? ": the expected date until the decision is published" : ""}.`,
    dayMovedTo: (to: string, expected: boolean) =>
      ` Labour Day is kept on ${to}${expected ? " (the expected date until the decision is published)" : ""}.`,
    halfDay: (time: string) => ` A half day: work stops at ${time}.`,
    afterHalfDay: (time: string) =>
      ` Note: on 24 and 31 December work stops at ${time}; what it posts then will be read on the next working day.`,
    labourDay: (o: { year: number; date: string; from?: string; status: "fixed" | "expected" | "decided" }) =>
      o.status === "fixed"
        ? `Labour Day ${o.year}: ${o.date}, on its own day. If a decision moves it: \`/grafeio labour-day ${o.year} <day>\`.`
        : o.status === "expected"
          ? `Labour Day ${o.year}: ${o.date} (moved from ${o.from}), *the expected date until the decision is published*. Once it is: \`/grafeio labour-day ${o.year} confirm\`, or the day the decision names (\`/grafeio labour-day ${o.year} 8/5\`).`
          : `Labour Day ${o.year}: ${o.date}${o.from ? ` (moved from ${o.from})` : ", not moved"}, as the decision an administrator recorded says (\`/grafeio labour-day ${o.year} clear\` undoes it).`,
    jobTime: (name: string, schedule: string) => `The job \`${name}\` now runs at \`${schedule}\` (Athens time).`,
    badTime: (time: string) =>
      `The time “${time}” will not do: write HH:MM (e.g. 08:30), not between 03:00 and 04:00 (clock changes), or \`default\`.`,
    categoriesList: "*Contact categories*",
    categoryAdded: (name: string) => `Added the category “${name}”.`,
    categoryExists: (slug: string) => `The category \`${slug}\` already exists.`,
    remindersList: "*Days with a reminder* (number, kind, name, this year's date, days ahead)",
    reminderKinds: { celebration: "celebration", cards: "cards", holiday: "local holiday" },
    reminderLine: (id: number, kind: string, name: string, date: string, lead: number) =>
      `• #${id} ${kind}: *${name}*, ${date}, ${icu("en", "{lead, plural, one {# day} other {# days}}", { lead })} ahead`,
    reminderAdded: (id: number, name: string) => `Added reminder #${id} “${name}”.`,
    reminderChanged: (id: number) => `Reminder #${id} changed.`,
    unknownReminder: (id: number) => `There is no reminder #${id}. See \`/grafeio reminders\`.`,
    precedenceList: "*Precedence table* (number, rank, office; a lower rank goes first)",
    precedenceLine: (id: number, rank: number, office: string) => `• #${id} ${rank}: ${office}`,
    precedenceAdded: (id: number, office: string, rank: number) => `Added #${id}: ${office} at rank ${rank}.`,
    precedenceRemoved: (id: number) => `Removed #${id} from the precedence table.`,
    synonymsList: "*Search synonyms* (number, pair): a search for either finds the other, in any case and spelling",
    synonymLine: (id: number, term: string, synonym: string) => `• #${id} ${term} = ${synonym}`,
    synonymsNone: "No pairs yet.",
    synonymAdded: (id: number, term: string, synonym: string) =>
      `Added #${id}: a search for “${term}” also finds “${synonym}”, and the other way round.`,
    synonymExists: (id: number, term: string, synonym: string) =>
      `That pair is already there: #${id} ${term} = ${synonym}.`,
    synonymRemoved: (id: number) => `Removed pair #${id}.`,
    unknownSynonym: (id: number) => `There is no pair #${id}. See \`/grafeio synonyms\`.`,
    rolesList: "*Roles*",
    noRoles: "Nobody has a role yet.",
    granted: (user: string, role: string) => `${user} now has the “${role}” role.`,
    revoked: (user: string, role: string) => `${user} no longer has the “${role}” role.`,
    lastAdmin: "The last administrator cannot be removed.",
    notAMention: (word: string, usage: string) =>
      `“${word}” is not a mention of a user: type @ and pick the person from Slack's list.\n${usage}`,
    notARole: (word: string, usage: string) => `“${word}” is not a role: admin, manager, staff or reader.\n${usage}`,
    languageSet: (user: string, lang: string) => `Language for ${user}: ${lang}.`,
    languageNames: { el: "Ελληνικά", en: "English" },
  },
};
