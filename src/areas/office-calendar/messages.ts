// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import { icu } from "../../i18n/texts.js";
import type { Widen } from "../../i18n/widen.js";

/** «Η Τρίτη 7/5/2024», «Το Σάββατο 25/3/2028»: the article agrees with the weekday. */
const theDay = (date: string) => `${date.startsWith("Σάββατο") ? "Το" : "Η"} ${date}`;

export const el = {
  nameDays: {
    /** What the area's jobs do, for `/grafeio jobs`; `time` is the time in force. */
    jobDescriptions: {
      "name-day-reminders": (time: string) =>
        `Οι ονομαστικές εορτές των επαφών, σήμερα και έως την επόμενη εργάσιμη (εργάσιμες, ${time})`,
    },
    months: [
      "Ιανουαρίου",
      "Φεβρουαρίου",
      "Μαρτίου",
      "Απριλίου",
      "Μαΐου",
      "Ιουνίου",
      "Ιουλίου",
      "Αυγούστου",
      "Σεπτεμβρίου",
      "Οκτωβρίου",
      "Νοεμβρίου",
      "Δεκεμβρίου",
    ],
    weekdays: ["Κυριακή", "Δευτέρα", "Τρίτη", "Τετάρτη", "Πέμπτη", "Παρασκευή", "Σάββατο"],
    easter: (offset: number) =>
      offset === 0
        ? "Πάσχα"
        : icu("el", "{n, plural, one {# ημέρα} other {# ημέρες}} {when} το Πάσχα", {
            n: Math.abs(offset),
            when: offset > 0 ? "μετά" : "πριν από",
          }),
    laterOf: (fixed: string, offset: number) =>
      `${fixed}, ή ${offset === 1 ? "Δευτέρα" : "Τρίτη"} του Πάσχα όταν το Πάσχα είναι αργά`,
    /** A Sunday between two days of a month («η Κυριακή από 11 έως 17 Δεκεμβρίου»); `last` has the month. */
    sundayFrom: (first: string, last: string) => `η Κυριακή από ${first.split(" ")[0]} έως ${last}`,
    thisYear: (date: string) => `φέτος ${date}`,
    /** One feast of a name: the next day it falls on, then its rule. */
    whenLine: (next: string, rule: string) => `• *${next}*: ${rule}`,
    today: "σήμερα",
    tomorrow: "αύριο",
    heading: (day: string) => `:calendar: *Εορτολόγιο ${day}*`,
    names: "Γιορτάζουν",
    noNames: "Κανένα όνομα δεν γιορτάζει αυτή την ημέρα στο εορτολόγιο.",
    contacts: "Επαφές που γιορτάζουν",
    noContacts: "Καμία επαφή του αρχείου.",
    more: (n: number) => icu("el", "και {n, number} ακόμη", { n }),
    badDate: (text: string) =>
      `Δεν κατάλαβα την ημερομηνία «${text}». Γράψτε π.χ. \`/giortes 15/8\` ή \`/giortes αύριο\`.`,
    unknownName: (name: string) => `Δεν βρήκα το όνομα «${name}» στο εορτολόγιο.`,
    whenName: (name: string) => `:calendar: Πότε γιορτάζει ο/η *${name}* (πρώτα η επόμενη γιορτή):`,
    /** An abbreviation that may stand for several names. */
    abbreviationMeans: (typed: string, names: string[]) => `«${typed}» μπορεί να είναι: ${names.join(", ")}.`,
    /** After a name that is also a weekday's (Κυριακή, Παρασκευή). */
    alsoWeekday: (day: string, arg: string) => `Για όσους γιορτάζουν την ${day}: \`/giortes ${arg}\`.`,
    commandSummary: "Ποιοι γιορτάζουν σήμερα ή μια μέρα, και πότε γιορτάζει ένα όνομα",
    help:
      "*`/giortes`*: ποιοι γιορτάζουν (τα ονόματα του εορτολογίου και οι επαφές του αρχείου, πρώτα οι σημαντικές).\n" +
      "• `/giortes`: σήμερα\n• `/giortes αύριο`, `/giortes 15/8`, `/giortes 15/8/2027`: άλλη μέρα\n" +
      "• `/giortes Γιώργος` (και «Γιώργο», «Μαρία-Ελένη», «Κων/νος»): πότε γιορτάζει ένα όνομα\n(Στα αγγλικά: `/namedays`.)",
    digestTitle: "Ονομαστικές εορτές σημαντικών επαφών",
    digestSummary: (n: number) =>
      icu("el", "{n, plural, one {# σημαντική επαφή γιορτάζει} other {# σημαντικές επαφές γιορτάζουν}} σήμερα.", { n }),
    thanksTitle: "Ευχαριστήριες επιστολές",
    thanksSummary: (n: number) =>
      icu("el", "{n, plural, one {# επιστολή περιμένει να γραφτεί} other {# επιστολές περιμένουν να γραφτούν}}.", {
        n,
      }),
    thanksSent: "Στάλθηκε",
    thanksNone: "Δεν εκκρεμεί καμία ευχαριστήρια επιστολή.",
    reminderHeading: (days: string) => `:birthday: *Ονομαστικές εορτές επαφών: ${days}*`,
    reminderToday: "σήμερα",
    reminderTomorrow: "αύριο",
    wishesSent: "Στάλθηκαν ευχές",
    skip: "Παράλειψη",
    vocativeButton: "Προσφώνηση",
    vocativeTitle: "Προσφώνηση",
    vocativeSubmit: "Αποθήκευση",
    vocativeLabel: "Το όνομα στην κλητική",
    vocativeHint:
      "Όπως θα γραφτεί στις ευχές, με τη σειρά του ονόματος (π.χ. «Γιώργο Βενιζέλο»). Κενό: όπως ορίζει η γραμματική.",
    vocativeSaved: (greeting: string) => `:white_check_mark: Αποθηκεύτηκε. Οι ευχές θα γράφουν: «${greeting}»`,
    vocativeUnchanged: "Η προσφώνηση ήταν ήδη αυτή.",
    recordedSent: (user: string, time: string) => `:white_check_mark: Ευχές από ${user}, ${time}`,
    recordedSkipped: (user: string, time: string) => `:heavy_minus_sign: Παράλειψη από ${user}, ${time}`,
  },
  cards: {
    /** What the area's jobs do, for `/grafeio jobs`; `time` is the time in force. */
    jobDescriptions: {
      "greeting-cards": (time: string) =>
        `Οι εκστρατείες ευχετήριων καρτών (Χριστούγεννα, Πάσχα), τόσες ημέρες πριν (εργάσιμες, ${time})`,
    },
    reminder: (name: string, date: string, days: number) =>
      `:envelope: *Ευχετήριες κάρτες: ${name}*, ${date}, ${icu("el", "σε {days, plural, one {# ημέρα} other {# ημέρες}}", { days })}. Ώρα να ετοιμαστούν.`,
    byGroup: "*Παραλήπτες ανά κατηγορία και γλώσσα*",
    group: (category: string, language: string, count: number, names: string) =>
      `• *${category}*, ${language}: ${count}: ${names}`,
    tracker: (sent: number, total: number) => `Στάλθηκαν: *${sent}* από ${total}`,
    record: "Καταγραφή καρτών που στάλθηκαν",
    modalTitle: "Κάρτες που στάλθηκαν",
    modalSubmit: "Καταγραφή",
    pick: "Σε ποιους στάλθηκε κάρτα",
    recorded: (count: number, name: string) =>
      `:envelope_with_arrow: ${icu("el", "{count, plural, one {Καταγράφηκε # κάρτα} other {Καταγράφηκαν # κάρτες}}", { count })} (${name}).`,
    nothingLeft: "Έχουν σταλεί κάρτες σε όλους.",
    noCategory: "Χωρίς κατηγορία",
    noLanguage: "χωρίς γλώσσα",
    campaignOver: "Η περίοδος αυτών των καρτών έληξε.",
  },
  calendarNotes: {
    /** What the area's jobs do, for `/grafeio jobs`; `time` is the time in force. */
    jobDescriptions: {
      "calendar-notes": (time: string) =>
        `Σημειώσεις για τις αργίες και υπενθυμίσεις των εορτασμών που οργανώνει το Γραφείο (εργάσιμες, ${time})`,
    },
    holidayTomorrow: (name: string, date: string) =>
      `:palm_tree: ${theDay(date)} είναι αργία (*${name}*). Το Γραφείο δεν εργάζεται· ό,τι πρέπει να φύγει ας φύγει σήμερα.`,
    /** After the holiday note: the holiday is kept here by the expected move, not yet by a published decision. */
    movedHoliday: (from: string, expected: boolean) =>
      expected
        ? ` Μεταφορά από ${from}: *αναμενόμενη ημερομηνία μέχρι να δημοσιευθεί η απόφαση*.`
        : ` Μεταφορά από ${from}, με απόφαση.`,
    /** The day before 1 May when Labour Day is kept on another day. */
    holidayMovedAway: (date: string, to: string, expected: boolean) =>
      `:calendar: ${theDay(date)} είναι εργάσιμη για το Δημόσιο: η Εργατική Πρωτομαγιά τηρείται ${to}${expected ? " (*αναμενόμενη ημερομηνία μέχρι να δημοσιευθεί η απόφαση*)" : ""}.`,
    halfDayTomorrow: (date: string, time: string) =>
      `:hourglass_flowing_sand: ${theDay(date)} είναι μισή εργάσιμη: η εργασία σταματά στις ${time}. Ό,τι πρέπει να γίνει εκείνη την ημέρα ας γίνει το πρωί.`,
    celebration: (name: string, date: string, days: number) =>
      `:flag-gr: *${name}*: ${date}, ${icu("el", "σε {days, plural, one {# ημέρα} other {# ημέρες}}", { days })}. Ώρα για την οργάνωση (παρέλαση, κατάθεση στεφάνων, προσκλήσεις).`,
  },
} as const;

export const en: Widen<typeof el> = {
  nameDays: {
    jobDescriptions: {
      "name-day-reminders": (time: string) =>
        `Contacts' name days, today's and up to the next working day (working days, ${time})`,
    },
    months: [
      "January",
      "February",
      "March",
      "April",
      "May",
      "June",
      "July",
      "August",
      "September",
      "October",
      "November",
      "December",
    ],
    weekdays: ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"],
    easter: (offset: number) =>
      offset === 0
        ? "Easter Sunday"
        : icu("en", "{n, plural, one {# day} other {# days}} {when} Easter", {
            n: Math.abs(offset),
            when: offset > 0 ? "after" : "before",
          }),
    laterOf: (fixed: string, offset: number) =>
      `${fixed}, or Easter ${offset === 1 ? "Monday" : "Tuesday"} when Easter is late`,
    sundayFrom: (first: string, last: string) => `the Sunday from ${first.split(" ")[0]} to ${last}`,
    thisYear: (date: string) => `this year ${date}`,
    whenLine: (next: string, rule: string) => `• *${next}*: ${rule}`,
    today: "today",
    tomorrow: "tomorrow",
    heading: (day: string) => `:calendar: *Name days, ${day}*`,
    names: "Celebrating",
    noNames: "No name is celebrated on this day in the calendar.",
    contacts: "Contacts celebrating",
    noContacts: "No contact in the archive.",
    more: (n: number) => icu("en", "and {n, number} more", { n }),
    badDate: (text: string) =>
      `I did not understand the date “${text}”. Try \`/namedays 15/8\` or \`/namedays tomorrow\`.`,
    unknownName: (name: string) => `I did not find the name “${name}” in the calendar.`,
    whenName: (name: string) => `:calendar: When *${name}* celebrates (the next feast first):`,
    abbreviationMeans: (typed: string, names: string[]) => `“${typed}” may be: ${names.join(", ")}.`,
    alsoWeekday: (day: string, arg: string) => `For who celebrates on ${day}: \`/namedays ${arg}\`.`,
    commandSummary: "Who celebrates today or on a day, and when a name celebrates",
    help:
      "*`/namedays`*: who celebrates (the names in the calendar and the archive's contacts, important ones first).\n" +
      "• `/namedays`: today\n• `/namedays tomorrow`, `/namedays 15/8`, `/namedays 15/8/2027`: another day\n" +
      "• `/namedays Γιώργος` (also «Γιώργο», «Μαρία-Ελένη», «Κων/νος», Giorgos): when a name celebrates\n(In Greek: `/giortes`.)",
    digestTitle: "Name days of important contacts",
    digestSummary: (n: number) =>
      icu("en", "{n, plural, one {# important contact celebrates} other {# important contacts celebrate}} today.", {
        n,
      }),
    thanksTitle: "Thank-you letters",
    thanksSummary: (n: number) =>
      icu("en", "{n, plural, one {# letter is} other {# letters are}} waiting to be written.", { n }),
    thanksSent: "Sent",
    thanksNone: "No thank-you letter is waiting.",
    reminderHeading: (days: string) => `:birthday: *Contacts' name days: ${days}*`,
    reminderToday: "today",
    reminderTomorrow: "tomorrow",
    wishesSent: "Wishes sent",
    skip: "Skip",
    vocativeButton: "How to address",
    vocativeTitle: "How to address",
    vocativeSubmit: "Save",
    vocativeLabel: "The name in the vocative (Greek)",
    vocativeHint:
      "As the wishes will write it, in the name's word order (e.g. «Γιώργο Βενιζέλο»). Empty: as Greek grammar has it.",
    vocativeSaved: (greeting: string) => `:white_check_mark: Saved. The wishes will read: “${greeting}”`,
    vocativeUnchanged: "It was already so.",
    recordedSent: (user: string, time: string) => `:white_check_mark: Wishes sent by ${user}, ${time}`,
    recordedSkipped: (user: string, time: string) => `:heavy_minus_sign: Skipped by ${user}, ${time}`,
  },
  cards: {
    jobDescriptions: {
      "greeting-cards": (time: string) =>
        `Greeting-card campaigns (Christmas, Easter), N days before (working days, ${time})`,
    },
    reminder: (name: string, date: string, days: number) =>
      `:envelope: *${name} cards*: ${date}, ${icu("en", "in {days, plural, one {# day} other {# days}}", { days })}. Time to prepare the greeting cards.`,
    byGroup: "*Recipients by category and language*",
    group: (category: string, language: string, count: number, names: string) =>
      `• *${category}*, ${language}: ${count}: ${names}`,
    tracker: (sent: number, total: number) => `Sent: *${sent}* of ${total}`,
    record: "Record cards sent",
    modalTitle: "Cards sent",
    modalSubmit: "Record",
    pick: "Who was sent a card",
    recorded: (count: number, name: string) =>
      `:envelope_with_arrow: ${icu("en", "Recorded {count, plural, one {# card} other {# cards}}", { count })} (${name}).`,
    nothingLeft: "Everyone has been sent a card.",
    noCategory: "No category",
    noLanguage: "no language",
    campaignOver: "This card campaign is over.",
  },
  calendarNotes: {
    jobDescriptions: {
      "calendar-notes": (time: string) =>
        `Holiday notes and reminders of the celebrations the office organises (working days, ${time})`,
    },
    holidayTomorrow: (name: string, date: string) =>
      `:palm_tree: ${date} is a public holiday (*${name}*). The office is closed; whatever must go out should go today.`,
    movedHoliday: (from: string, expected: boolean) =>
      expected
        ? ` Moved from ${from}: *the expected date until the decision is published*.`
        : ` Moved from ${from} by decision.`,
    holidayMovedAway: (date: string, to: string, expected: boolean) =>
      `:calendar: ${date} is a working day in the public sector: Labour Day is kept on ${to}${expected ? " (*the expected date until the decision is published*)" : ""}.`,
    halfDayTomorrow: (date: string, time: string) =>
      `:hourglass_flowing_sand: ${date} is a half day: work stops at ${time}. Whatever must be done that day should be done in the morning.`,
    celebration: (name: string, date: string, days: number) =>
      `:flag-gr: *${name}*: ${date}, ${icu("en", "in {days, plural, one {# day} other {# days}}", { days })}. Time to organise (parade, wreath-laying, invitations).`,
  },
};
