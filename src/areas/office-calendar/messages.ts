// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import type { Widen } from "../../i18n/widen.js";

export const el = {
  nameDays: {
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
      offset === 0 ? "Πάσχα" : `${Math.abs(offset)} ημέρες ${offset > 0 ? "μετά το" : "πριν από το"} Πάσχα`,
    laterOf: (fixed: string, offset: number) =>
      `${fixed}, ή ${offset === 1 ? "Δευτέρα" : "Τρίτη"} του Πάσχα όταν το Πάσχα είναι αργά`,
    thisYear: (date: string) => `φέτος ${date}`,
    heading: (day: string) => `:calendar: *Εορτολόγιο ${day}*`,
    names: "Γιορτάζουν",
    noNames: "Κανένα όνομα δεν γιορτάζει σήμερα στο εορτολόγιο.",
    contacts: "Επαφές που γιορτάζουν",
    noContacts: "Καμία επαφή του αρχείου.",
    more: (n: number) => `και ${n} ακόμη`,
    badDate: (text: string) =>
      `Δεν κατάλαβα την ημερομηνία «${text}». Γράψτε π.χ. \`/giortes 15/8\` ή \`/giortes αύριο\`.`,
    unknownName: (name: string) => `Δεν βρήκα το όνομα «${name}» στο εορτολόγιο.`,
    whenName: (name: string) => `:calendar: Πότε γιορτάζει ο/η *${name}*:`,
    digestTitle: "Ονομαστικές εορτές σημαντικών επαφών",
    digestSummary: (n: number) =>
      `${n} ${n === 1 ? "σημαντική επαφή γιορτάζει" : "σημαντικές επαφές γιορτάζουν"} σήμερα.`,
    thanksTitle: "Ευχαριστήριες επιστολές",
    thanksSummary: (n: number) => `${n} ${n === 1 ? "επιστολή περιμένει" : "επιστολές περιμένουν"} να γραφτούν.`,
    thanksSent: "Στάλθηκε",
    thanksNone: "Δεν εκκρεμεί καμία ευχαριστήρια επιστολή.",
    reminderHeading: (days: string) => `:birthday: *Ονομαστικές εορτές επαφών: ${days}*`,
    reminderToday: "σήμερα",
    reminderTomorrow: "αύριο",
    wishesSent: "Στάλθηκαν ευχές",
    skip: "Παράλειψη",
    recordedSent: (user: string, time: string) => `:white_check_mark: Ευχές από ${user}, ${time}`,
    recordedSkipped: (user: string, time: string) => `:heavy_minus_sign: Παράλειψη από ${user}, ${time}`,
  },
  cards: {
    reminder: (name: string, date: string, days: number) =>
      `:envelope: *Κάρτες ${name}*: ${date}, σε ${days} ημέρες. Ώρα να ετοιμαστούν οι ευχετήριες κάρτες.`,
    byGroup: "*Παραλήπτες ανά κατηγορία και γλώσσα*",
    group: (category: string, language: string, count: number, names: string) =>
      `• *${category}*, ${language}: ${count}: ${names}`,
    tracker: (sent: number, total: number) => `Στάλθηκαν: *${sent}* από ${total}`,
    record: "Καταγραφή καρτών που στάλθηκαν",
    modalTitle: "Κάρτες που στάλθηκαν",
    modalSubmit: "Καταγραφή",
    pick: "Σε ποιους στάλθηκε κάρτα",
    recorded: (count: number, name: string) => `:envelope_with_arrow: Καταγράφηκαν ${count} κάρτες (${name}).`,
    nothingLeft: "Έχουν σταλεί κάρτες σε όλους.",
    noCategory: "Χωρίς κατηγορία",
    noLanguage: "χωρίς γλώσσα",
    campaignOver: "Η περίοδος αυτών των καρτών έληξε.",
  },
  calendarNotes: {
    holidayTomorrow: (name: string, date: string) =>
      `:palm_tree: Η ${date} είναι αργία (*${name}*). Το Γραφείο δεν εργάζεται· ό,τι πρέπει να φύγει ας φύγει σήμερα.`,
    celebration: (name: string, date: string, days: number) =>
      `:flag-gr: *${name}*: ${date}, σε ${days} ημέρες. Ώρα για την οργάνωση (παρέλαση, κατάθεση στεφάνων, προσκλήσεις).`,
  },
} as const;

export const en: Widen<typeof el> = {
  nameDays: {
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
      offset === 0 ? "Easter Sunday" : `${Math.abs(offset)} days ${offset > 0 ? "after" : "before"} Easter`,
    laterOf: (fixed: string, offset: number) =>
      `${fixed}, or Easter ${offset === 1 ? "Monday" : "Tuesday"} when Easter is late`,
    thisYear: (date: string) => `this year ${date}`,
    heading: (day: string) => `:calendar: *Name days, ${day}*`,
    names: "Celebrating",
    noNames: "No name is celebrated on this day in the calendar.",
    contacts: "Contacts celebrating",
    noContacts: "No contact in the archive.",
    more: (n: number) => `and ${n} more`,
    badDate: (text: string) =>
      `I did not understand the date “${text}”. Try \`/namedays 15/8\` or \`/namedays tomorrow\`.`,
    unknownName: (name: string) => `I did not find the name “${name}” in the calendar.`,
    whenName: (name: string) => `:calendar: When *${name}* celebrates:`,
    digestTitle: "Name days of important contacts",
    digestSummary: (n: number) => `${n} important ${n === 1 ? "contact celebrates" : "contacts celebrate"} today.`,
    thanksTitle: "Thank-you letters",
    thanksSummary: (n: number) => `${n} ${n === 1 ? "letter is" : "letters are"} waiting to be written.`,
    thanksSent: "Sent",
    thanksNone: "No thank-you letter is waiting.",
    reminderHeading: (days: string) => `:birthday: *Contacts' name days: ${days}*`,
    reminderToday: "today",
    reminderTomorrow: "tomorrow",
    wishesSent: "Wishes sent",
    skip: "Skip",
    recordedSent: (user: string, time: string) => `:white_check_mark: Wishes sent by ${user}, ${time}`,
    recordedSkipped: (user: string, time: string) => `:heavy_minus_sign: Skipped by ${user}, ${time}`,
  },
  cards: {
    reminder: (name: string, date: string, days: number) =>
      `:envelope: *${name} cards*: ${date}, in ${days} days. Time to prepare the greeting cards.`,
    byGroup: "*Recipients by category and language*",
    group: (category: string, language: string, count: number, names: string) =>
      `• *${category}*, ${language}: ${count}: ${names}`,
    tracker: (sent: number, total: number) => `Sent: *${sent}* of ${total}`,
    record: "Record cards sent",
    modalTitle: "Cards sent",
    modalSubmit: "Record",
    pick: "Who was sent a card",
    recorded: (count: number, name: string) => `:envelope_with_arrow: Recorded ${count} cards (${name}).`,
    nothingLeft: "Everyone has been sent a card.",
    noCategory: "No category",
    noLanguage: "no language",
    campaignOver: "This card campaign is over.",
  },
  calendarNotes: {
    holidayTomorrow: (name: string, date: string) =>
      `:palm_tree: ${date} is a public holiday (*${name}*). The office is closed; whatever must go out should go today.`,
    celebration: (name: string, date: string, days: number) =>
      `:flag-gr: *${name}*: ${date}, in ${days} days. Time to organise (parade, wreath-laying, invitations).`,
  },
};
