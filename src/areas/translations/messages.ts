// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import { icu } from "../../i18n/texts.js";
import type { Widen } from "../../i18n/widen.js";

export const el = {
  translations: {
    /** What the area's jobs do, for `/grafeio jobs`; `time` is the time in force. */
    jobDescriptions: {
      "translation-reminders": (time: string) =>
        `Οι προθεσμίες των μεταφράσεων στους υπεύθυνους, οι εκπρόθεσμες στους συντονιστές (εργάσιμες, ${time})`,
      "translation-weekly": (time: string) => `Η εβδομαδιαία σύνοψη μεταφράσεων των συντονιστών (Δευτέρες, ${time})`,
    },
    help: [
      "*Μεταφράσεις*",
      "`/translate`: νέο αίτημα μετάφρασης (ή η συντόμευση «Αίτημα μετάφρασης» σε ένα μήνυμα με αρχείο)",
      "`/translate list [mine|open|overdue]`: τα αιτήματα (δικά μου, ανοιχτά, εκπρόθεσμα)",
    ].join("\n"),
    summary: "αιτήματα μετάφρασης: νέο αίτημα, τα ανοιχτά, τα εκπρόθεσμα",
    modalTitle: "Αίτημα μετάφρασης",
    submit: "Αποστολή",
    close: "Ακύρωση",
    title: "Τι μεταφράζεται",
    titlePlaceholder: "π.χ. Επιστολή του Δημάρχου της Λευκωσίας",
    documentUrl: "Το έγγραφο (σύνδεσμος)",
    documentHint: "Σύνδεσμος ή αρχείο του Slack (από τη συντόμευση σε μήνυμα με αρχείο).",
    sourceLang: "Από",
    targetLang: "Προς",
    dueOn: "Προθεσμία",
    urgency: "Επείγον;",
    urgencies: { normal: "Κανονικό", urgent: "Επείγον" },
    requestedFor: "Για λογαριασμό",
    requestedForHint: "Κενό: για εσάς. Αυτός/ή εγκρίνει την παράδοση και ενημερώνεται.",
    reason: "Για ποιο λόγο (π.χ. η επίσκεψη αντιπροσωπείας)",
    notes: "Σημειώσεις για τον μεταφραστή",
    errors: {
      required: "Το πεδίο είναι υποχρεωτικό.",
      tooLong: (max: number) => `Έως ${max} χαρακτήρες.`,
      urlInvalid: "Δεν είναι έγκυρος σύνδεσμος (https://…).",
      unknownLanguage: "Επιλέξτε γλώσσα από τη λίστα.",
      sameLanguage: "Η γλώσσα-στόχος πρέπει να διαφέρει από τη γλώσσα του εγγράφου.",
      dateInvalid: "Η ημερομηνία δεν είναι έγκυρη.",
      datePast: "Η προθεσμία δεν μπορεί να έχει περάσει.",
    },
    saved: (id: number) => `:memo: Καταχωρίστηκε το αίτημα μετάφρασης #${id}· θα ενημερώνεστε για κάθε βήμα.`,
    card: (id: number, title: string, langs: string, due: string, urgent: boolean, requester: string) =>
      `${urgent ? ":rotating_light: " : ""}*#${id} ${title}*\n${langs} · προθεσμία ${due} · από ${requester}`,
    statusLine: (status: string, who: string) => `Κατάσταση: *${status}*${who ? ` · ${who}` : ""}`,
    statuses: {
      requested: "νέο",
      assigned: "ανατέθηκε",
      in_progress: "σε εξέλιξη",
      delivered: "παραδόθηκε",
      accepted: "εγκρίθηκε",
      returned: "επιστράφηκε με σχόλια",
      cancelled: "ακυρώθηκε",
    },
    actions: {
      assign: "Ανάθεση",
      start: "Ξεκινώ",
      deliver: "Παράδοση",
      accept: "Αποδοχή",
      return: "Επιστροφή με σχόλια",
      cancel: "Ακύρωση αιτήματος",
    },
    assignee: "Μεταφραστής του Δήμου",
    vendor: "ή εξωτερικός συνεργάτης",
    assignNeedsOne: "Επιλέξτε μεταφραστή ή γράψτε εξωτερικό συνεργάτη (όχι και τα δύο).",
    deliveredUrl: "Η μετάφραση (σύνδεσμος)",
    comment: "Σχόλια",
    refused: {
      not_allowed_now: (status: string) => `Αυτό δεν γίνεται πια: το αίτημα βρίσκεται στο στάδιο «${status}».`,
      not_yours: "Αυτό το βήμα το κάνει ο συντονιστής, ο μεταφραστής ή ο αιτών, ανάλογα με το βήμα.",
    },
    notFound: "Το αίτημα δεν βρέθηκε.",
    news: {
      assign: (id: number, who: string, by: string) => `#${id}: ανατέθηκε σε ${who} από ${by}.`,
      start: (id: number, by: string) => `#${id}: η μετάφραση ξεκίνησε (${by}).`,
      deliver: (id: number, url: string, by: string) => `#${id}: παραδόθηκε από ${by}: ${url}`,
      accept: (id: number, by: string) => `#${id}: η μετάφραση εγκρίθηκε από ${by}.`,
      return: (id: number, by: string, note: string) => `#${id}: επιστράφηκε από ${by} με σχόλια: ${note}`,
      cancel: (id: number, by: string) => `#${id}: το αίτημα ακυρώθηκε από ${by}.`,
    },
    /** Under a step's news in a DM: what the request is, so the person need not open the card. */
    newsDetails: (title: string, langs: string, due: string) => `${title} · ${langs} · ως ${due}`,
    listTitle: (filter: string) => `*Αιτήματα μετάφρασης: ${filter}*`,
    filters: { mine: "δικά μου", open: "ανοιχτά", overdue: "εκπρόθεσμα" },
    listEmpty: "Κανένα αίτημα.",
    listLine: (id: number, title: string, langs: string, due: string, status: string, overdue: boolean) =>
      `• #${id} ${title} · ${langs} · ${overdue ? ":warning: " : ""}${due} · ${status}`,
    reminderSoon: (id: number, title: string, due: string) =>
      `:hourglass_flowing_sand: Η μετάφραση #${id} «${title}» πρέπει να παραδοθεί ως ${due}.`,
    reminderToday: (id: number, title: string) =>
      `:alarm_clock: Η μετάφραση #${id} «${title}» πρέπει να παραδοθεί σήμερα.`,
    overdueTitle: (n: number) => `:warning: *Εκπρόθεσμες μεταφράσεις: ${n}*`,
    weekly: (open: number, overdue: number, delivered: number) =>
      `:bar_chart: *Μεταφράσεις, η εβδομάδα*: ανοιχτές ${open}, εκπρόθεσμες ${overdue}, παραδόθηκαν αυτή την εβδομάδα ${delivered}.`,
    turnaround: (pair: string, days: number, count: number) =>
      icu("el", "• {pair}: κατά μέσο όρο {days, plural, one {# ημέρα} other {# ημέρες}} ({count})", {
        pair,
        days,
        count,
      }),
    badCommand: (text: string) => `Δεν κατάλαβα το «${text}». Γράψτε \`/translate help\`.`,
  },
} as const;

export const en: Widen<typeof el> = {
  translations: {
    jobDescriptions: {
      "translation-reminders": (time: string) =>
        `Translation deadlines to assignees, overdue ones to the coordinators (working days, ${time})`,
      "translation-weekly": (time: string) => `The coordinators' weekly translation summary (Mondays, ${time})`,
    },
    help: [
      "*Translations*",
      "`/translate`: a new translation request (or the “Request translation” shortcut on a message with a file)",
      "`/translate list [mine|open|overdue]`: the requests (mine, open, overdue)",
    ].join("\n"),
    summary: "translation requests: a new one, the open ones, the overdue ones",
    modalTitle: "Translation request",
    submit: "Send",
    close: "Cancel",
    title: "What is to be translated",
    titlePlaceholder: "e.g. Letter from the Mayor of Nicosia",
    documentUrl: "The document (link)",
    documentHint: "A link, or a Slack file (from the shortcut on a message with a file).",
    sourceLang: "From",
    targetLang: "Into",
    dueOn: "Due date",
    urgency: "Urgent?",
    urgencies: { normal: "Normal", urgent: "Urgent" },
    requestedFor: "On behalf of",
    requestedForHint: "Empty: for you. They accept the delivery and are kept informed.",
    reason: "What for (e.g. a delegation's visit)",
    notes: "Notes for the translator",
    errors: {
      required: "This field is required.",
      tooLong: (max: number) => `At most ${max} characters.`,
      urlInvalid: "Not a valid link (https://…).",
      unknownLanguage: "Choose a language from the list.",
      sameLanguage: "The target language must differ from the document's.",
      dateInvalid: "Not a valid date.",
      datePast: "The due date cannot be in the past.",
    },
    saved: (id: number) => `:memo: Translation request #${id} is registered; you will hear of every step.`,
    card: (id: number, title: string, langs: string, due: string, urgent: boolean, requester: string) =>
      `${urgent ? ":rotating_light: " : ""}*#${id} ${title}*\n${langs} · due ${due} · from ${requester}`,
    statusLine: (status: string, who: string) => `Status: *${status}*${who ? ` · ${who}` : ""}`,
    statuses: {
      requested: "new",
      assigned: "assigned",
      in_progress: "in progress",
      delivered: "delivered",
      accepted: "accepted",
      returned: "returned with comments",
      cancelled: "cancelled",
    },
    actions: {
      assign: "Assign",
      start: "Start",
      deliver: "Deliver",
      accept: "Accept",
      return: "Return with comments",
      cancel: "Cancel request",
    },
    assignee: "In-house translator",
    vendor: "or an external vendor",
    assignNeedsOne: "Choose a translator or write a vendor (not both).",
    deliveredUrl: "The translation (link)",
    comment: "Comments",
    refused: {
      not_allowed_now: (status: string) => `That is no longer possible: the request is “${status}”.`,
      not_yours: "That step is the coordinator's, the translator's or the requester's, depending on the step.",
    },
    notFound: "That request was not found.",
    news: {
      assign: (id: number, who: string, by: string) => `#${id}: assigned to ${who} by ${by}.`,
      start: (id: number, by: string) => `#${id}: work started (${by}).`,
      deliver: (id: number, url: string, by: string) => `#${id}: delivered by ${by}: ${url}`,
      accept: (id: number, by: string) => `#${id}: the translation was accepted by ${by}.`,
      return: (id: number, by: string, note: string) => `#${id}: returned by ${by} with comments: ${note}`,
      cancel: (id: number, by: string) => `#${id}: the request was cancelled by ${by}.`,
    },
    newsDetails: (title: string, langs: string, due: string) => `${title} · ${langs} · due ${due}`,
    listTitle: (filter: string) => `*Translation requests: ${filter}*`,
    filters: { mine: "mine", open: "open", overdue: "overdue" },
    listEmpty: "No request.",
    listLine: (id: number, title: string, langs: string, due: string, status: string, overdue: boolean) =>
      `• #${id} ${title} · ${langs} · ${overdue ? ":warning: " : ""}${due} · ${status}`,
    reminderSoon: (id: number, title: string, due: string) =>
      `:hourglass_flowing_sand: Translation #${id} “${title}” is due by ${due}.`,
    reminderToday: (id: number, title: string) => `:alarm_clock: Translation #${id} “${title}” is due today.`,
    overdueTitle: (n: number) => `:warning: *Overdue translations: ${n}*`,
    weekly: (open: number, overdue: number, delivered: number) =>
      `:bar_chart: *Translations this week*: open ${open}, overdue ${overdue}, delivered this week ${delivered}.`,
    turnaround: (pair: string, days: number, count: number) =>
      icu("en", "• {pair}: {days, plural, one {# day} other {# days}} on average ({count})", {
        pair,
        days,
        count,
      }),
    badCommand: (text: string) => `I did not understand “${text}”. Type \`/translate help\`.`,
  },
};
