// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import { icu } from "../../i18n/texts.js";
import type { Widen } from "../../i18n/widen.js";

export const el = {
  sponsors: {
    /** What the area's jobs do, for `/grafeio jobs`; `time` is the time in force. */
    jobDescriptions: {
      "sponsor-thanks": (time: string) =>
        `Οι ευχαριστήριες επιστολές που οφείλονται σε χορηγούς περασμένων εκδηλώσεων (εργάσιμες, ${time})`,
    },
    help: [
      "*Χορηγοί*",
      "`/sponsor add`: νέα χορηγία",
      "`/sponsor <λέξεις>`: αναζήτηση (φορέας, πρόσωπο επικοινωνίας, εκδήλωση)",
      "`/sponsor report [έτος]`: ανά εκδήλωση και χορηγό, τάξη και λήψη, παροχές που εκκρεμούν· CSV, XLSX και γράφημα",
    ].join("\n"),
    summary: "Χορηγοί: καταχώριση, αναζήτηση, έγκριση, ανταποδοτικά και η αναφορά του έτους",
    resultsTitle: "*Χορηγοί*",
    modalTitle: "Νέα χορηγία",
    submit: "Αποθήκευση",
    close: "Ακύρωση",
    organisation: "Χορηγός (φορέας)",
    contactPerson: "Πρόσωπο επικοινωνίας",
    contributionType: "Είδος χορηγίας",
    types: { money: "Χρήματα", goods: "Είδη", services: "Υπηρεσίες", media: "Επικοινωνιακή" },
    pledgedAmount: "Ποσό (€)",
    pledgedAmountHint: "π.χ. 2.500 ή 1.234,56· για είδη ή υπηρεσίες, η αξία τους ή κενό με περιγραφή.",
    pledgedDescription: "Περιγραφή της χορηγίας",
    eventFromCalendar: "Εκδήλωση από το ημερολόγιο",
    eventFromCalendarHint: "Ή γράψτε την παρακάτω, αν δεν έχει καταχωριστεί.",
    eventName: "Για ποια εκδήλωση",
    eventDate: "Ημερομηνία εκδήλωσης",
    benefits: "Ανταποδοτικά (ένα σε κάθε γραμμή)",
    benefitsHint: "π.χ. Λογότυπο στις αφίσες · Αναφορά στο δελτίο τύπου · 4 θέσεις στην πρώτη σειρά",
    notes: "Σημειώσεις",
    documents: "Έγγραφα (σύνδεσμοι, ένας σε κάθε γραμμή)",
    errors: {
      required: "Το πεδίο είναι υποχρεωτικό.",
      tooLong: (max: number) => `Έως ${max} χαρακτήρες.`,
      amount: {
        invalid: "Δεν είναι ποσό· γράψτε π.χ. 2.500 ή 1.234,56.",
        negative: "Το ποσό δεν μπορεί να είναι αρνητικό.",
        zero: "Το ποσό δεν μπορεί να είναι μηδέν.",
        tooLarge: "Πάνω από 10 εκατ. €· μήπως λείπει η υποδιαστολή;",
      },
      amountOrDescription: "Γράψτε το ποσό (ή, για είδη και υπηρεσίες, μια περιγραφή).",
      dateInvalid: "Η ημερομηνία δεν είναι έγκυρη.",
      benefitTooLong: (line: number) => `Το ανταποδοτικό της γραμμής ${line} είναι πάνω από 200 χαρακτήρες.`,
      documentNotLink: (line: number) => `Η γραμμή ${line} δεν είναι σύνδεσμος.`,
    },
    statuses: {
      prospect: "υποψήφιος",
      contacted: "έγινε επαφή",
      awaiting_approval: "περιμένει έγκριση",
      committed: "δεσμεύτηκε",
      received: "παραλήφθηκε",
      thanked: "ευχαριστήθηκε",
      declined: "αρνήθηκε",
    },
    actions: {
      contact: "Έγινε επαφή",
      ask_approval: "Ζητώ έγκριση",
      approve: "Έγκριση",
      reject: "Όχι ακόμη",
      receive: "Παραλήφθηκε",
      thank: "Στάλθηκε ευχαριστήριο",
      decline: "Αρνήθηκε",
    },
    menuBenefits: "Ανταποδοτικά…",
    saved: (id: number, name: string) => `:handshake: Καταχωρίστηκε η χορηγία #${id} (${name}).`,
    line: (id: number, name: string, event: string, status: string) => `*#${id} ${name}* · ${event} · ${status}`,
    amounts: (pledged: string, received: string) => `τάχθηκαν ${pledged} · παραλήφθηκαν ${received}`,
    benefitLine: (text: string, status: string) => `◦ ${text} (${status})`,
    benefitStatuses: { pending: "εκκρεμεί", done: "έγινε", waived: "δεν χρειάζεται" },
    noResults: (q: string) => `Καμία χορηγία για «${q}».`,
    refused: {
      not_allowed_now: (status: string) => `Αυτό δεν γίνεται τώρα: η χορηγία βρίσκεται στο στάδιο «${status}».`,
      managers_only: "Την έγκριση τη δίνει ένας προϊστάμενος.",
      own_request: "Δεν εγκρίνει κανείς αίτημα που έκανε ο ίδιος· άλλος προϊστάμενος.",
    },
    stepDone: (id: number, status: string) => `Η χορηγία #${id}: ${status}.`,
    approvalAsk: (id: number, name: string, event: string, amount: string, who: string) =>
      `:raised_hand: Ο/Η ${who} ζητά έγκριση για τη χορηγία #${id}: *${name}*, ${event}, ${amount}.`,
    approvalDone: (id: number, decision: string, who: string) => `Η χορηγία #${id}: ${decision} (${who}).`,
    receivedAmount: "Ποσό που παραλήφθηκε (€)",
    benefitsTitle: "Ανταποδοτικά",
    benefitsDone: "Έγιναν",
    benefitsWaived: "Δεν χρειάζονται",
    newBenefit: "Νέο ανταποδοτικό",
    benefitOwner: "Υπεύθυνος",
    benefitDue: "Έως",
    benefitsSaved: (id: number) => `Τα ανταποδοτικά της χορηγίας #${id} ενημερώθηκαν.`,
    thanksReminder: (id: number, name: string, event: string) =>
      `:love_letter: Η εκδήλωση «${event}» έγινε· ο χορηγός *${name}* (#${id}) περιμένει ευχαριστήριο.`,
    digestApproval: "Χορηγίες που περιμένουν έγκριση",
    digestApprovalSummary: (n: number) =>
      icu("el", "{n, plural, one {# χορηγία περιμένει} other {# χορηγίες περιμένουν}} έγκριση.", { n }),
    digestBenefits: "Ανταποδοτικά χορηγών που οφείλονται",
    digestBenefitsSummary: (n: number) =>
      icu("el", "{n, plural, one {# ανταποδοτικό} other {# ανταποδοτικά}} την εβδομάδα αυτή ή εκπρόθεσμα.", { n }),
    digestThanks: "Ευχαριστήρια σε χορηγούς",
    digestThanksSummary: (n: number) =>
      icu("el", "{n, plural, one {# χορηγός περιμένει} other {# χορηγοί περιμένουν}} ευχαριστήριο.", { n }),
    reportReady: (year: number, pledged: string, received: string) =>
      `:bar_chart: Χορηγίες ${year}: τάχθηκαν ${pledged}, παραλήφθηκαν ${received}.`,
    reportNothing: (year: number) => `Δεν υπάρχουν χορηγίες για το ${year}.`,
    reportOnlyProspects: (year: number, n: number) =>
      icu(
        "el",
        "Καμία χορηγία δεν έχει ακόμη δεσμευτεί για το {year}: {n, plural, one {# υποψήφιος χορηγός είναι} other {# υποψήφιοι χορηγοί είναι}} υπό προσέγγιση, εκτός αναφοράς ώσπου να δεσμευτούν.",
        { year: String(year), n },
      ),
    reportEventLine: (event: string, sponsors: number, pledged: string, received: string, benefits: number) =>
      `• *${event}*: ${icu("el", "{sponsors, plural, one {# χορηγός} other {# χορηγοί}}", { sponsors })} · ${pledged} / ${received}${
        benefits
          ? ` · ${icu("el", "{benefits, plural, one {# ανταποδοτικό εκκρεμεί} other {# ανταποδοτικά εκκρεμούν}}", { benefits })}`
          : ""
      }`,
    columns: ["Εκδήλωση", "Χορηγός", "Είδος", "Κατάσταση", "Τάχθηκαν", "Παραλήφθηκαν", "Ανταποδοτικά σε εκκρεμότητα"],
    sheetName: "Χορηγίες",
    chartTitle: (year: number) => `Χορηγίες ${year} ανά μήνα και είδος`,
    monthsShort: ["Ιαν", "Φεβ", "Μαρ", "Απρ", "Μαΐ", "Ιουν", "Ιουλ", "Αυγ", "Σεπ", "Οκτ", "Νοε", "Δεκ"],
    badCommand: (text: string) => `Δεν κατάλαβα το «${text}». Γράψτε \`/sponsor help\`.`,
  },
} as const;

export const en: Widen<typeof el> = {
  sponsors: {
    jobDescriptions: {
      "sponsor-thanks": (time: string) => `Thank-you letters owed to sponsors of past events (working days, ${time})`,
    },
    help: [
      "*Sponsors*",
      "`/sponsor add`: a new sponsorship",
      "`/sponsor <words>`: search (organisation, contact person, event)",
      "`/sponsor report [year]`: per event and sponsor, pledged and received, benefits outstanding; CSV, XLSX and a chart",
    ].join("\n"),
    summary: "Sponsors: entering, searching, approval, benefits and the year's report",
    resultsTitle: "*Sponsors*",
    modalTitle: "New sponsorship",
    submit: "Save",
    close: "Cancel",
    organisation: "Sponsor (organisation)",
    contactPerson: "Contact person",
    contributionType: "Kind of contribution",
    types: { money: "Money", goods: "Goods", services: "Services", media: "Media" },
    pledgedAmount: "Amount (€)",
    pledgedAmountHint: "e.g. 2,500 or 1,234.56; for goods or services, their value, or empty with a description.",
    pledgedDescription: "What is contributed",
    eventFromCalendar: "Event from the calendar",
    eventFromCalendarHint: "Or write it below if it is not registered.",
    eventName: "For which event",
    eventDate: "Date of the event",
    benefits: "Agreed benefits (one a line)",
    benefitsHint: "e.g. Logo on posters · Mention in the press release · 4 front-row seats",
    notes: "Notes",
    documents: "Documents (links, one a line)",
    errors: {
      required: "This field is required.",
      tooLong: (max: number) => `At most ${max} characters.`,
      amount: {
        invalid: "Not an amount; write e.g. 2,500 or 1,234.56.",
        negative: "The amount cannot be negative.",
        zero: "The amount cannot be zero.",
        tooLarge: "Over €10 million: is a decimal mark missing?",
      },
      amountOrDescription: "Give the amount (or, for goods and services, a description).",
      dateInvalid: "Not a valid date.",
      benefitTooLong: (line: number) => `The benefit on line ${line} is over 200 characters.`,
      documentNotLink: (line: number) => `Line ${line} is not a link.`,
    },
    statuses: {
      prospect: "prospect",
      contacted: "contacted",
      awaiting_approval: "awaiting approval",
      committed: "committed",
      received: "received",
      thanked: "thanked",
      declined: "declined",
    },
    actions: {
      contact: "Contacted",
      ask_approval: "Ask for approval",
      approve: "Approve",
      reject: "Not yet",
      receive: "Received",
      thank: "Thank-you sent",
      decline: "Declined",
    },
    menuBenefits: "Benefits…",
    saved: (id: number, name: string) => `:handshake: Sponsorship #${id} (${name}) is registered.`,
    line: (id: number, name: string, event: string, status: string) => `*#${id} ${name}* · ${event} · ${status}`,
    amounts: (pledged: string, received: string) => `pledged ${pledged} · received ${received}`,
    benefitLine: (text: string, status: string) => `◦ ${text} (${status})`,
    benefitStatuses: { pending: "pending", done: "done", waived: "waived" },
    noResults: (q: string) => `No sponsorship for “${q}”.`,
    refused: {
      not_allowed_now: (status: string) => `That is not possible now: the sponsorship is at the “${status}” stage.`,
      managers_only: "A manager gives the approval.",
      own_request: "Nobody approves their own request; another manager does.",
    },
    stepDone: (id: number, status: string) => `Sponsorship #${id}: ${status}.`,
    approvalAsk: (id: number, name: string, event: string, amount: string, who: string) =>
      `:raised_hand: ${who} asks for approval of sponsorship #${id}: *${name}*, ${event}, ${amount}.`,
    approvalDone: (id: number, decision: string, who: string) => `Sponsorship #${id}: ${decision} (${who}).`,
    receivedAmount: "Amount received (€)",
    benefitsTitle: "Benefits",
    benefitsDone: "Done",
    benefitsWaived: "Waived",
    newBenefit: "New benefit",
    benefitOwner: "Owner",
    benefitDue: "By",
    benefitsSaved: (id: number) => `The benefits of sponsorship #${id} are updated.`,
    thanksReminder: (id: number, name: string, event: string) =>
      `:love_letter: “${event}” has taken place; the sponsor *${name}* (#${id}) awaits a thank-you letter.`,
    digestApproval: "Sponsorships awaiting approval",
    digestApprovalSummary: (n: number) =>
      icu("en", "{n, plural, one {# sponsorship awaits} other {# sponsorships await}} approval.", { n }),
    digestBenefits: "Sponsors' benefits due",
    digestBenefitsSummary: (n: number) =>
      icu("en", "{n, plural, one {# benefit} other {# benefits}} due this week or overdue.", { n }),
    digestThanks: "Thank-you letters to sponsors",
    digestThanksSummary: (n: number) =>
      icu("en", "{n, plural, one {# sponsor awaits} other {# sponsors await}} a thank-you letter.", { n }),
    reportReady: (year: number, pledged: string, received: string) =>
      `:bar_chart: Sponsorships ${year}: pledged ${pledged}, received ${received}.`,
    reportNothing: (year: number) => `There are no sponsorships for ${year}.`,
    reportOnlyProspects: (year: number, n: number) =>
      icu(
        "en",
        "No sponsorship is pledged for {year} yet: {n, plural, one {# prospective sponsor is} other {# prospective sponsors are}} being approached, left out of the report until they pledge.",
        { year: String(year), n },
      ),
    reportEventLine: (event: string, sponsors: number, pledged: string, received: string, benefits: number) =>
      `• *${event}*: ${icu("en", "{sponsors, plural, one {# sponsor} other {# sponsors}}", { sponsors })} · ${pledged} / ${received}${
        benefits
          ? ` · ${icu("en", "{benefits, plural, one {# benefit outstanding} other {# benefits outstanding}}", { benefits })}`
          : ""
      }`,
    columns: ["Event", "Sponsor", "Kind", "Status", "Pledged", "Received", "Benefits outstanding"],
    sheetName: "Sponsorships",
    chartTitle: (year: number) => `Sponsorships ${year} by month and kind`,
    monthsShort: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
    badCommand: (text: string) => `I did not understand “${text}”. Type \`/sponsor help\`.`,
  },
};
