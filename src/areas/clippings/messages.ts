// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import { icu } from "../../i18n/texts.js";
import type { Widen } from "../../i18n/widen.js";

export const el = {
  clip: {
    modalTitle: "Καταχώριση δημοσιεύματος",
    submit: "Καταχώριση",
    close: "Ακύρωση",
    title: "Τίτλος",
    titlePlaceholder: "Ο τίτλος του δημοσιεύματος",
    outlet: "Μέσο",
    outletPlaceholder: "Εφημερίδα, ιστότοπος, σταθμός…",
    url: "Σύνδεσμος",
    urlHint: "Απαραίτητος για διαδικτυακά δημοσιεύματα.",
    publishedOn: "Ημερομηνία δημοσίευσης",
    medium: "Είδος μέσου",
    media: {
      print: "Έντυπο",
      online: "Διαδικτυακό",
      tv: "Τηλεόραση",
      radio: "Ραδιόφωνο",
      news_agency: "Πρακτορείο ειδήσεων",
    },
    tone: "Χαρακτήρας",
    tones: { positive: "Θετικό", neutral: "Ουδέτερο", negative: "Αρνητικό" },
    topics: "Θεματικές",
    topicsPlaceholder: "Επιλέξτε θεματικές",
    departments: "Αρμόδιες υπηρεσίες",
    departmentsPlaceholder: "Ποιες υπηρεσίες αφορά",
    summary: "Σύντομη περίληψη",
    scope: "Αφορά",
    scopes: { municipality: "Τον Δήμο", local_government: "Την Τοπική Αυτοδιοίκηση γενικά" },
    editTitle: "Διόρθωση δημοσιεύματος",
    edited: (register: string) => `:pencil2: Διορθώθηκε το *${register}*· οι αλλαγές καταγράφηκαν.`,
    unchanged: (register: string) => `Το *${register}* δεν άλλαξε.`,
    notYours: "Μόνο όποιος το καταχώρισε ή ένας προϊστάμενος μπορεί να το αλλάξει.",
    notFound: "Αυτό το δημοσίευμα δεν βρέθηκε.",
    changedMeanwhile:
      "Διορθώθηκε από άλλη φόρμα αφού ανοίξατε αυτή, οπότε δεν άλλαξε τίποτα· κλείστε την και ανοίξτε τη ξανά.",
    alreadyWithdrawn: (register: string) => `Το *${register}* έχει ήδη αποσυρθεί.`,
    withdrawTitle: "Απόσυρση δημοσιεύματος",
    withdrawSubmit: "Απόσυρση",
    withdrawIntro: (register: string, title: string) =>
      `Το *${register}* «${title}» θα σημειωθεί ως αποσυρμένο. Ο αριθμός του μένει στο μητρώο.`,
    withdrawReason: "Λόγος απόσυρσης",
    withdrawn: (register: string) => `:wastebasket: Το *${register}* αποσύρθηκε· ο αριθμός του μένει στο μητρώο.`,
    withdrawnMark: "αποσύρθηκε",
    menuEdit: "Διόρθωση",
    menuWithdraw: "Απόσυρση",
    errors: {
      required: "Το πεδίο είναι υποχρεωτικό.",
      tooLong: (max: number) => `Έως ${max} χαρακτήρες.`,
      urlInvalid: "Δεν είναι έγκυρος σύνδεσμος· γράψτε τον ολόκληρο, π.χ. https://www.example.gr/arthro.",
      urlRequiredOnline: "Για διαδικτυακό δημοσίευμα χρειάζεται ο σύνδεσμος.",
      dateInvalid: "Η ημερομηνία δεν είναι έγκυρη.",
      dateFuture: "Η ημερομηνία δημοσίευσης δεν μπορεί να είναι μεταγενέστερη από σήμερα.",
      dateTooOld: "Η ημερομηνία είναι πολύ παλιά (πριν από το 1900).",
      unknownTopic: "Μία από τις θεματικές δεν υπάρχει πια· επιλέξτε ξανά.",
      unknownDepartment: "Μία από τις υπηρεσίες δεν υπάρχει πια· επιλέξτε ξανά.",
    },
    duplicateWarning: (register: string, title: string) =>
      `:warning: Ο σύνδεσμος υπάρχει ήδη στο μητρώο ως *${register}* «${title}». Πατήστε ξανά «Καταχώριση» για να καταχωριστεί και αυτό, ή «Ακύρωση».`,
    duplicateFieldError: (register: string) =>
      `Υπάρχει ήδη ως ${register}. Πατήστε ξανά «Καταχώριση» για να συνεχίσετε.`,
    saved: (register: string, title: string) => `:white_check_mark: Καταχωρίστηκε ως *${register}*: ${title}`,
    savedFromMessage: (register: string) => `Καταχωρίστηκε στο μητρώο δημοσιευμάτων ως *${register}*.`,
    commandSummary: "Καταχώριση, αναζήτηση, εξαγωγή και αναφορές κάλυψης του μητρώου δημοσιευμάτων",
    help: [
      "*Το μητρώο δημοσιευμάτων*: `/clip`",
      "`/clip`: καταχώριση νέου δημοσιεύματος· `/clip <σύνδεσμος>`: ξεκινά από έναν σύνδεσμο",
      "`/clip search <λέξεις> [φίλτρα]`: αναζήτηση (`/clip search` μόνο του δείχνει τα φίλτρα)",
      "`/clip export [μήνας | δύο ημερομηνίες] [pdf]`: το μητρώο σε CSV και XLSX (PDF για προϊσταμένους)",
      "`/clip report <περίοδος>`: η αναφορά κάλυψης (τόνος, θέματα, μέσα, αρνητικά ανά εβδομάδα, απαντήσεις) σε PDF και XLSX· περίοδος `2026-11`, `2026-Q4`, `2026` ή δύο ημερομηνίες (προϊστάμενοι)",
      "`/clip report weekly on` / `off`: η αναφορά της προηγούμενης εβδομάδας κάθε Δευτέρα (προϊστάμενοι)",
      "Από το μενού ενός μηνύματος, «Log as clipping» το καταχωρίζει από το μήνυμα.",
    ].join("\n"),
    badCommand: (text: string) =>
      `Δεν κατάλαβα «${text}». Γράψτε \`/clip\` για νέο δημοσίευμα, \`/clip <σύνδεσμος>\` για να ξεκινήσετε από έναν σύνδεσμο, ή \`/clip search <λέξεις>\` για αναζήτηση.`,
  },
  alerts: {
    /** What the area's jobs do, for `/grafeio jobs`; `time` is the time in force. */
    jobDescriptions: {
      "clipping-surge-check": (time: string) =>
        `Ειδοποιεί τους προϊσταμένους για κύμα δημοσιευμάτων ή για αρνητικά δημοσιεύματα (${time})`,
    },
    watchHit: (term: string, line: string) => `:bell: Νέο δημοσίευμα για «${term}»: ${line}`,
    surgeTotal: (count: number, usual: string) =>
      `:chart_with_upwards_trend: Ασυνήθιστα πολλά δημοσιεύματα σήμερα: *${count}* (συνήθως ${usual} την ημέρα).`,
    surgeNegative: (count: number) =>
      icu(
        "el",
        "{count, plural, one {:rotating_light: *#* αρνητικό δημοσίευμα σήμερα.} other {:rotating_light: *#* αρνητικά δημοσιεύματα σήμερα.}} Δείτε `/clip search τόνος:αρνητικό`.",
        { count },
      ),
    departmentNotice: (department: string, line: string) =>
      `:newspaper: Δημοσίευμα που αφορά την υπηρεσία «${department}»: ${line}`,
    departmentList: "*Υπηρεσίες*",
    departmentChannel: (name: string, channel: string | null) =>
      channel
        ? `Η υπηρεσία «${name}» θα ενημερώνεται στο ${channel}.`
        : `Η υπηρεσία «${name}» δεν ενημερώνεται πλέον σε κανάλι.`,
    departmentUnknown: (slug: string) => `Δεν υπάρχει υπηρεσία «${slug}». Δείτε \`/grafeio departments\`.`,
    watchList: "*Λέξεις που παρακολουθούνται*",
    watchNone: "Δεν παρακολουθείται καμία λέξη ακόμη.",
    watchAdded: (term: string, channel: string) => `Θα ειδοποιώ στο ${channel} για νέα δημοσιεύματα με «${term}».`,
    watchRemoved: (term: string) => `Δεν παρακολουθείται πλέον το «${term}».`,
    watchUnknown: (term: string) => `Το «${term}» δεν παρακολουθείται.`,
  },
  replies: {
    /** What the area's jobs do, for `/grafeio jobs`; `time` is the time in force. */
    jobDescriptions: {
      "clipping-reply-reminders": (time: string) =>
        `Υπενθυμίσεις απαντήσεων που οφείλονται σε δημοσιεύματα (εργάσιμες, ${time})`,
    },
    unassigned: "χωρίς υπεύθυνο",
    dueOn: (date: string) => `έως ${date}`,
    overdueSince: (date: string) => `εκπρόθεσμη από ${date}`,
    digestTitle: "Οφειλόμενες απαντήσεις σε δημοσιεύματα",
    digestSummary: (open: number, overdue: number) =>
      icu("el", "{open, plural, one {*#* ανοιχτή} other {*#* ανοιχτές}}", { open }) +
      (overdue
        ? icu(
            "el",
            "{overdue, plural, one {, από τις οποίες *#* εκπρόθεσμη} other {, από τις οποίες *#* εκπρόθεσμες}}",
            { overdue },
          )
        : ""),
    reminder: (line: string) => `:hourglass_flowing_sand: Υπενθύμιση: οφείλεται απάντηση στο ${line}`,
    requestTitle: "Απάντηση του Δήμου",
    requestSubmit: "Ανάθεση",
    requestIntro: (register: string, title: string) => `Το *${register}* «${title}» χρειάζεται απάντηση του Δήμου.`,
    assignee: "Υπεύθυνος",
    due: "Προθεσμία",
    dueInPast: "Η προθεσμία δεν μπορεί να είναι στο παρελθόν.",
    requested: (register: string, who: string, date: string) =>
      `Η απάντηση στο *${register}* ανατέθηκε σε ${who}, έως ${date}.`,
    assignedToYou: (register: string, title: string, date: string, by: string) =>
      `:memo: Σας ανατέθηκε η απάντηση του Δήμου στο *${register}* ${title}, έως ${date} (από <@${by}>).`,
    closeTitle: "Κλείσιμο απάντησης",
    closeSubmit: "Κλείσιμο",
    replyText: "Η απάντηση (κείμενο ή σύνδεσμος)",
    closed: (register: string) => `:white_check_mark: Η απάντηση στο *${register}* καταγράφηκε.`,
    notOpen: (register: string) => `Το *${register}* δεν έχει ανοιχτή απάντηση.`,
    menuRequest: "Χρειάζεται απάντηση",
    menuClose: "Κλείσιμο απάντησης",
    openMark: "οφείλεται απάντηση",
  },
  export: {
    columns: [
      "Αριθμός μητρώου",
      "Ημερομηνία δημοσίευσης",
      "Τίτλος",
      "Μέσο",
      "Είδος μέσου",
      "Χαρακτήρας",
      "Θεματικές",
      "Αφορά",
      "Σύνδεσμος",
      "Περίληψη",
      "Καταχωρίστηκε από",
      "Καταχωρίστηκε στις",
      "Κατάσταση",
    ],
    pdfColumns: ["Αρ. μητρώου", "Ημ/νία", "Μέσο", "Τίτλος", "Χαρακτήρας", "Θεματικές"],
    pdfTitle: "Μητρώο δημοσιευμάτων",
    pdfPage: (page: number, pages: number) => `Σελίδα ${page} από ${pages}`,
    pdfCount: (n: number) => icu("el", "Σύνολο: {n, plural, one {# δημοσίευμα} other {# δημοσιεύματα}}", { n }),
    pdfReady: (label: string) => `Το μητρώο ${label} σε PDF.`,
    office: "Γραφείο Επικοινωνίας και Δημοσίων Σχέσεων",
    sheetName: "Μητρώο δημοσιευμάτων",
    badRange:
      "Δεν κατάλαβα το διάστημα. Γράψτε μήνα (`/clip export 2026-11` ή `11/2026`) ή δύο ημερομηνίες (`/clip export 1/11/2026 15/11/2026`).",
    preparing: (label: string) => `Ετοιμάζω το μητρώο ${label}…`,
    nothing: (label: string) => `Δεν υπάρχουν δημοσιεύματα με ημερομηνία δημοσίευσης ${label}.`,
    ready: (count: number, label: string) =>
      icu("el", "Το μητρώο {label}: {count, plural, one {# δημοσίευμα} other {# δημοσιεύματα}}, σε CSV και XLSX.", {
        count,
        label,
      }),
    sent: "Σας έστειλα τα αρχεία σε προσωπικό μήνυμα.",
  },
  search: {
    help: [
      "*Αναζήτηση δημοσιευμάτων*: `/clip search <λέξεις> [φίλτρα]`",
      "Χωρίς τόνους ή κεφαλαία, και σε greeklish: `/clip search dimarxos parko`",
      "Φίλτρα: `από:2026-01-01` `έως:31/3/2026` `μέσο:Καθημερινή` `είδος:έντυπο|διαδίκτυο|τηλεόραση|ραδιόφωνο|πρακτορείο` `τόνος:θετικό|ουδέτερο|αρνητικό` `θέμα:πολιτισμός` `ταξη:σχετικότητα`",
      "`/grafeio watch`, `/grafeio watch add <λέξεις> #κανάλι`, `/grafeio watch remove <λέξεις>`: ειδοποιήσεις για δημοσιεύματα (προϊστάμενοι)",
      "`/grafeio departments`, `/grafeio department <κωδικός> channel #κανάλι|none`: οι υπηρεσίες και τα κανάλια τους (διαχειριστές)",
    ].join("\n"),
    tooLong: (max: number) => `Η αναζήτηση είναι πολύ μεγάλη· έως ${max} χαρακτήρες.`,
    nothingSearchable:
      "Η αναζήτηση δεν έχει λέξεις για να ψάξω. Γράψτε λέξεις ή ένα φίλτρο, π.χ. `/clip search πάρκο`.",
    badFilter: (filter: string) => `Δεν κατάλαβα το φίλτρο «${filter}». Ημερομηνίες ως 2026-03-01 ή 1/3/2026.`,
    noResults: (query: string) => `Δεν βρέθηκε τίποτα για «${query}».`,
    removeFilters: "Δοκιμάστε χωρίς κάποια από τα φίλτρα.",
    approximate: (query: string) => `Δεν βρέθηκε ακριβώς το «${query}». Τα πιο κοντινά:`,
    foundMoreThan: (total: number, query: string, page: number) =>
      `Πάνω από *${total.toLocaleString("el-GR")}* αποτελέσματα για «${query}» (σελίδα ${page}, τα νεότερα πρώτα). Προσθέστε μια λέξη ή ένα φίλτρο για να τα περιορίσετε.`,
    found: (total: number, query: string, page: number, pages: number) =>
      icu("el", "{total, plural, one {*#* αποτέλεσμα} other {*#* αποτελέσματα}}", { total }) +
      ` για «${query}» (σελίδα ${page} από ${pages})`,
    previous: "◀ Προηγούμενα",
    next: "Επόμενα ▶",
  },
} as const;

export const en: Widen<typeof el> = {
  clip: {
    modalTitle: "Log a press clipping",
    submit: "Log it",
    close: "Cancel",
    title: "Title",
    titlePlaceholder: "The headline",
    outlet: "Outlet",
    outletPlaceholder: "Newspaper, website, station…",
    url: "Link",
    urlHint: "Required for online clippings.",
    publishedOn: "Publication date",
    medium: "Medium",
    media: { print: "Print", online: "Online", tv: "TV", radio: "Radio", news_agency: "News agency" },
    tone: "Tone",
    tones: { positive: "Positive", neutral: "Neutral", negative: "Negative" },
    topics: "Topics",
    topicsPlaceholder: "Choose topics",
    departments: "Departments concerned",
    departmentsPlaceholder: "Which services it concerns",
    summary: "Short summary",
    scope: "Concerns",
    scopes: { municipality: "The municipality", local_government: "Local government in general" },
    editTitle: "Edit a press clipping",
    edited: (register: string) => `:pencil2: *${register}* was corrected; the changes are recorded.`,
    unchanged: (register: string) => `*${register}* did not change.`,
    notYours: "Only the person who logged it, or a manager, can change it.",
    notFound: "That clipping was not found.",
    changedMeanwhile:
      "It was corrected from another form after you opened this one, so nothing was changed; close it and open it again.",
    alreadyWithdrawn: (register: string) => `*${register}* has already been withdrawn.`,
    withdrawTitle: "Withdraw a clipping",
    withdrawSubmit: "Withdraw",
    withdrawIntro: (register: string, title: string) =>
      `*${register}* “${title}” will be marked as withdrawn. Its number stays in the register.`,
    withdrawReason: "Reason",
    withdrawn: (register: string) => `:wastebasket: *${register}* was withdrawn; its number stays in the register.`,
    withdrawnMark: "withdrawn",
    menuEdit: "Correct",
    menuWithdraw: "Withdraw",
    errors: {
      required: "This field is required.",
      tooLong: (max: number) => `At most ${max} characters.`,
      urlInvalid: "This is not a valid link; write it in full, e.g. https://www.example.com/article.",
      urlRequiredOnline: "An online clipping needs its link.",
      dateInvalid: "This date is not valid.",
      dateFuture: "The publication date cannot be later than today.",
      dateTooOld: "This date is too old (before 1900).",
      unknownTopic: "One of the topics no longer exists; please choose again.",
      unknownDepartment: "One of the departments no longer exists; please choose again.",
    },
    duplicateWarning: (register: string, title: string) =>
      `:warning: This link is already in the register as *${register}* “${title}”. Press “Log it” again to log this one too, or “Cancel”.`,
    duplicateFieldError: (register: string) => `Already logged as ${register}. Press “Log it” again to go on.`,
    saved: (register: string, title: string) => `:white_check_mark: Logged as *${register}*: ${title}`,
    savedFromMessage: (register: string) => `Logged in the press-clippings register as *${register}*.`,
    commandSummary: "Log, search, export and coverage reports of the press-clippings register",
    help: [
      "*The press-clippings register*: `/clip`",
      "`/clip`: log a new clipping; `/clip <link>`: start from a link",
      "`/clip search <words> [filters]`: search (`/clip search` alone lists the filters)",
      "`/clip export [month | two dates] [pdf]`: the register as CSV and XLSX (PDF for managers)",
      "`/clip report <period>`: the coverage report (tone, topics, outlets, negative coverage week by week, replies) as PDF and XLSX; period `2026-11`, `2026-Q4`, `2026` or two dates (managers)",
      "`/clip report weekly on` / `off`: the past week's report every Monday (managers)",
      "From a message's menu, “Log as clipping” logs it from the message.",
    ].join("\n"),
    badCommand: (text: string) =>
      `I did not understand “${text}”. Type \`/clip\` for a new clipping, \`/clip <link>\` to start from a link, or \`/clip search <words>\` to search.`,
  },
  alerts: {
    jobDescriptions: {
      "clipping-surge-check": (time: string) => `Warns managers of a surge of clippings or of negative ones (${time})`,
    },
    watchHit: (term: string, line: string) => `:bell: New clipping about “${term}”: ${line}`,
    surgeTotal: (count: number, usual: string) =>
      `:chart_with_upwards_trend: Unusually many clippings today: *${count}* (usually ${usual} a day).`,
    surgeNegative: (count: number) =>
      icu(
        "en",
        "{count, plural, one {:rotating_light: *#* negative clipping today.} other {:rotating_light: *#* negative clippings today.}} See `/clip search tone:negative`.",
        { count },
      ),
    departmentNotice: (department: string, line: string) => `:newspaper: A clipping concerning ${department}: ${line}`,
    departmentList: "*Departments*",
    departmentChannel: (name: string, channel: string | null) =>
      channel ? `${name} will get notices in ${channel}.` : `${name} no longer gets notices in a channel.`,
    departmentUnknown: (slug: string) => `There is no department “${slug}”. See \`/grafeio departments\`.`,
    watchList: "*Watched terms*",
    watchNone: "No terms are watched yet.",
    watchAdded: (term: string, channel: string) =>
      `I will post in ${channel} about new clippings mentioning “${term}”.`,
    watchRemoved: (term: string) => `“${term}” is no longer watched.`,
    watchUnknown: (term: string) => `“${term}” is not watched.`,
  },
  replies: {
    jobDescriptions: {
      "clipping-reply-reminders": (time: string) => `Reminders of replies owed to clippings (working days, ${time})`,
    },
    unassigned: "unassigned",
    dueOn: (date: string) => `due ${date}`,
    overdueSince: (date: string) => `overdue since ${date}`,
    digestTitle: "Replies the municipality owes",
    digestSummary: (open: number, overdue: number) =>
      `*${open}* open${overdue ? `, *${overdue}* of them overdue` : ""}`,
    reminder: (line: string) => `:hourglass_flowing_sand: Reminder: a reply is owed on ${line}`,
    requestTitle: "Municipality's reply",
    requestSubmit: "Assign",
    requestIntro: (register: string, title: string) => `*${register}* “${title}” needs the municipality's reply.`,
    assignee: "Who prepares it",
    due: "Due",
    dueInPast: "The due date cannot be in the past.",
    requested: (register: string, who: string, date: string) =>
      `The reply to *${register}* is assigned to ${who}, due ${date}.`,
    assignedToYou: (register: string, title: string, date: string, by: string) =>
      `:memo: You have been asked to prepare the municipality's reply to *${register}* ${title}, due ${date} (by <@${by}>).`,
    closeTitle: "Close the reply",
    closeSubmit: "Close",
    replyText: "The reply (text or link)",
    closed: (register: string) => `:white_check_mark: The reply to *${register}* is recorded.`,
    notOpen: (register: string) => `*${register}* has no open reply.`,
    menuRequest: "Needs a reply",
    menuClose: "Close the reply",
    openMark: "reply owed",
  },
  export: {
    columns: [
      "Register number",
      "Published on",
      "Title",
      "Outlet",
      "Medium",
      "Tone",
      "Topics",
      "Concerns",
      "Link",
      "Summary",
      "Logged by",
      "Logged at",
      "Status",
    ],
    pdfColumns: ["Register no.", "Date", "Outlet", "Title", "Tone", "Topics"],
    pdfTitle: "Press clippings register",
    pdfPage: (page: number, pages: number) => `Page ${page} of ${pages}`,
    pdfCount: (n: number) => icu("en", "Total: {n, plural, one {# clipping} other {# clippings}}", { n }),
    pdfReady: (label: string) => `The register for ${label} as a PDF.`,
    office: "Communication and Public Relations Office",
    sheetName: "Press clippings register",
    badRange:
      "I did not understand the period. Give a month (`/clip export 2026-11` or `11/2026`) or two dates (`/clip export 1/11/2026 15/11/2026`).",
    preparing: (label: string) => `Preparing the register for ${label}…`,
    nothing: (label: string) => `No clippings were published in ${label}.`,
    ready: (count: number, label: string) =>
      icu("en", "The register for {label}: {count, plural, one {# clipping} other {# clippings}}, as CSV and XLSX.", {
        count,
        label,
      }),
    sent: "I have sent you the files in a direct message.",
  },
  search: {
    help: [
      "*Searching the clippings*: `/clip search <words> [filters]`",
      "Accents and capitals do not matter, Greeklish works too: `/clip search dimarxos parko`",
      "Filters: `from:2026-01-01` `to:31/3/2026` `outlet:Kathimerini` `medium:print|online|tv|radio|agency` `tone:positive|neutral|negative` `topic:culture` `sort:relevance`",
      "`/grafeio watch`, `/grafeio watch add <words> #channel`, `/grafeio watch remove <words>`: alerts about clippings (managers)",
      "`/grafeio departments`, `/grafeio department <code> channel #channel|none`: departments and their channels (administrators)",
    ].join("\n"),
    tooLong: (max: number) => `That search is too long; at most ${max} characters.`,
    nothingSearchable: "There are no words to search for. Type words or a filter, e.g. `/clip search park`.",
    badFilter: (filter: string) => `I did not understand the filter “${filter}”. Dates as 2026-03-01 or 1/3/2026.`,
    noResults: (query: string) => `Nothing found for “${query}”.`,
    removeFilters: "Try again without some of the filters.",
    approximate: (query: string) => `Nothing matches “${query}” exactly. The closest:`,
    foundMoreThan: (total: number, query: string, page: number) =>
      `More than *${total.toLocaleString("en-GB")}* results for “${query}” (page ${page}, newest first). Add a word or a filter to narrow them.`,
    found: (total: number, query: string, page: number, pages: number) =>
      icu("en", "{total, plural, one {*#* result} other {*#* results}}", { total }) +
      ` for “${query}” (page ${page} of ${pages})`,
    previous: "◀ Previous",
    next: "Next ▶",
  },
};
