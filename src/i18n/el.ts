// Greek: the default language. Every key here must exist in en.ts (the type enforces it).
export const el = {
  common: {
    noPermission: (role: string) =>
      `Λυπούμαστε, αυτή η ενέργεια χρειάζεται τον ρόλο «${role}». Ζητήστε τον από έναν διαχειριστή του Γραφείου.`,
    unexpectedError: "Κάτι πήγε στραβά και η ενέργεια δεν ολοκληρώθηκε. Δεν χάθηκε τίποτα· δοκιμάστε ξανά σε λίγο.",
    roleNames: { admin: "διαχειριστής", manager: "προϊστάμενος", staff: "προσωπικό" },
  },
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
    badCommand: (text: string) =>
      `Δεν κατάλαβα «${text}». Γράψτε \`/clip\` για νέο δημοσίευμα, \`/clip <σύνδεσμος>\` για να ξεκινήσετε από έναν σύνδεσμο, ή \`/clip search <λέξεις>\` για αναζήτηση.`,
  },
  alerts: {
    watchHit: (term: string, line: string) => `:bell: Νέο δημοσίευμα για «${term}»: ${line}`,
    surgeTotal: (count: number, usual: string) =>
      `:chart_with_upwards_trend: Ασυνήθιστα πολλά δημοσιεύματα σήμερα: *${count}* (συνήθως ${usual} την ημέρα).`,
    surgeNegative: (count: number) =>
      `:rotating_light: *${count}* αρνητικά δημοσιεύματα σήμερα. Δείτε \`/clip search τόνος:αρνητικό\`.`,
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
    unassigned: "χωρίς υπεύθυνο",
    dueOn: (date: string) => `έως ${date}`,
    overdueSince: (date: string) => `εκπρόθεσμη από ${date}`,
    digestTitle: "Οφειλόμενες απαντήσεις σε δημοσιεύματα",
    digestSummary: (open: number, overdue: number) =>
      `*${open}* ανοιχτές${overdue ? `, από τις οποίες *${overdue}* εκπρόθεσμες` : ""}`,
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
    pdfCount: (n: number) => `Σύνολο: ${n} δημοσιεύματα`,
    pdfReady: (label: string) => `Το μητρώο ${label} σε PDF.`,
    office: "Γραφείο Επικοινωνίας και Δημοσίων Σχέσεων",
    sheetName: "Μητρώο δημοσιευμάτων",
    badRange:
      "Δεν κατάλαβα το διάστημα. Γράψτε μήνα (`/clip export 2026-11` ή `11/2026`) ή δύο ημερομηνίες (`/clip export 1/11/2026 15/11/2026`).",
    preparing: (label: string) => `Ετοιμάζω το μητρώο ${label}…`,
    nothing: (label: string) => `Δεν υπάρχουν δημοσιεύματα με ημερομηνία δημοσίευσης ${label}.`,
    ready: (count: number, label: string) => `Το μητρώο ${label}: ${count} δημοσιεύματα, σε CSV και XLSX.`,
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
    foundAbout: (total: number, query: string, page: number) =>
      `Περίπου *${total.toLocaleString("el-GR")}* αποτελέσματα για «${query}» (σελίδα ${page})`,
    found: (total: number, query: string, page: number, pages: number) =>
      `*${total}* ${total === 1 ? "αποτέλεσμα" : "αποτελέσματα"} για «${query}» (σελίδα ${page} από ${pages})`,
    previous: "◀ Προηγούμενα",
    next: "Επόμενα ▶",
  },
  digest: {
    title: (date: string) => `Πρωινή ενημέρωση, ${date}`,
    nothingNew: "Τίποτα νέο από την προηγούμενη ενημέρωση.",
    late: ":hourglass: Στάλθηκε με καθυστέρηση: το Γραφείο ήταν εκτός λειτουργίας την ώρα της.",
    more: (n: number) => `…και ${n} ακόμη: ολόκληρη η λίστα στο νήμα.`,
    continued: (title: string, part: number) => `${title} (συνέχεια ${part})`,
    clippingsTitle: "Δημοσιεύματα",
    clippingsSummary: (total: number, positive: number, neutral: number, negative: number) =>
      `*${total}* νέα: ${positive} θετικά, ${neutral} ουδέτερα, ${negative} αρνητικά`,
    topics: "Θεματικές",
  },
  jobs: {
    failed: (job: string, when: string, attempts: number, error: string) =>
      `:x: Η εργασία *${job}* (${when}) απέτυχε μετά από ${attempts} προσπάθειες: ${error}`,
  },
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
    rolesList: "*Ρόλοι*",
    noRoles: "Κανείς δεν έχει ρόλο ακόμη.",
    granted: (user: string, role: string) => `Ο/Η ${user} έχει πλέον τον ρόλο «${role}».`,
    revoked: (user: string, role: string) => `Ο/Η ${user} δεν έχει πλέον τον ρόλο «${role}».`,
    lastAdmin: "Δεν γίνεται να αφαιρεθεί ο τελευταίος διαχειριστής.",
    languageSet: (user: string, lang: string) => `Γλώσσα για ${user}: ${lang}.`,
    languageNames: { el: "Ελληνικά", en: "English" },
  },
} as const;

type Widen<T> = T extends (...args: infer A) => string
  ? (...args: A) => string
  : T extends string
    ? string
    : { [K in keyof T]: Widen<T[K]> };

export type Messages = Widen<typeof el>;
