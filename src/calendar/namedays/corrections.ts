// What the public-domain dataset gets wrong or leaves out (checked against the Greek Church's calendar;
// see dataset/SOURCE.md beside it). Kept as data beside the dataset, never edited into it, so a
// newer copy of the dataset can be dropped in and these still apply.

/** Variants cut short in the dataset, and what they should read. `null`: not a name, dropped. */
export const TRUNCATED_VARIANTS: Record<string, string | null> = {
  Δάφν: "Δάφνη",
  Λάζο: "Λάζος",
  Πάγκαλο: "Πάγκαλος",
  Αλήθει: "Αλήθεια",
  Στασινό: "Στασινός",
  Θεοχάρη: "Θεοχάρης",
  Μυροφόρ: "Μυροφόρα",
  Βηθεσδ: "Βηθεσδά",
  Νεφέλ: "Νεφέλη",
  // «Λαμπροτρίτη», the day's own name (Bright Tuesday), not a person's: its saints are added below.
  Λαμπροτρίτ: null,
  Λαμπροτρίτη: null,
  Αξί: null,
  Κορίνο: null,
  // Cut short too: Γρηγόριος' «Γόλης», Θωμάς' «Τόμας»; «Κάρολ» and «Πάν» beside Κάρολος on the
  // Sunday of All Saints are no name anyone is given.
  Γόλη: "Γόλης",
  Τόμα: "Τόμας",
  Κάρολ: null,
  Πάν: null,
};

/**
 * Names the dataset prints without their accent («Αννα», «Αγγελος», «Μιχαηλ»): a capital vowel
 * lost its tonos, or the whole word was typed unaccented. The spelling of the independent lists
 * (dataset/RECONCILIATION.md) where they have the name, otherwise the accent Greek grammar puts
 * there. Monosyllables take no accent in the monotonic system («Γη», «Λωτ»).
 */
export const ACCENT_REPAIRS: Record<string, string> = {
  // From the independent lists' spellings.
  Αγγελος: "Άγγελος",
  Αγις: "Άγις",
  Αλκης: "Άλκης",
  Αλτσος: "Άλτσος",
  Ανθεια: "Άνθεια",
  Ανθια: "Άνθια",
  Ανθιμη: "Άνθιμη",
  Ανθιμος: "Άνθιμος",
  Αννα: "Άννα",
  Αντα: "Άντα",
  Αντζελα: "Άντζελα",
  Αντζυ: "Άντζυ",
  Αρης: "Άρης",
  Αρτεμις: "Άρτεμις",
  Ατζελα: "Άτζελα",
  Δεσποινα: "Δέσποινα",
  Ελενα: "Έλενα",
  Ελενος: "Έλενος",
  Ελλη: "Έλλη",
  Ελντα: "Έλντα",
  Ελσα: "Έλσα",
  Ελση: "Έλση",
  Εμιλυ: "Έμιλυ",
  Εμμα: "Έμμα",
  Εμμυ: "Έμμυ",
  Εμυ: "Έμυ",
  Εντουαρντ: "Έντουαρντ",
  Εντυ: "Έντυ",
  Ερασμος: "Έρασμος",
  Ερση: "Έρση",
  Ερωτας: "Έρωτας",
  Εσπερος: "Έσπερος",
  Εφη: "Έφη",
  Ηρα: "Ήρα",
  Ηρων: "Ήρων",
  Ιακχη: "Ίακχη",
  Ιακχος: "Ίακχος",
  Ιριδα: "Ίριδα",
  Ιρις: "Ίρις",
  Κασια: "Κασία",
  Κασσια: "Κασσία",
  Μαρια: "Μαρία",
  Μιχαηλ: "Μιχαήλ",
  Νικολετα: "Νικολέτα",
  Οθων: "Όθων",
  Οθωνας: "Όθωνας",
  Ολγα: "Όλγα",
  Ολια: "Όλια",
  Ομηρος: "Όμηρος",
  Οσιος: "Όσιος",
  Πατριτσα: "Πατρίτσα",
  Ροζαλια: "Ροζαλία",
  Ρωμανος: "Ρωμανός",
  Τιμος: "Τίμος",
  Υπατος: "Ύπατος",
  // Not in those lists (mostly the ancient names of the Sunday of All Saints): the accent the word takes.
  Αβα: "Άβα",
  Αβδηρος: "Άβδηρος",
  Αγνω: "Αγνώ",
  Αγνων: "Άγνων",
  Αδμητος: "Άδμητος",
  Αδωνις: "Άδωνις",
  Ακτωρ: "Άκτωρ",
  Αλκηστη: "Άλκηστη",
  Αλμπερτ: "Άλμπερτ",
  Αμυ: "Άμυ",
  Αντεια: "Άντεια",
  Αργος: "Άργος",
  Αστρης: "Άστρης",
  Ατταλος: "Άτταλος",
  Εβελιν: "Έβελιν",
  Εβελυν: "Έβελυν",
  Εκτωρ: "Έκτωρ",
  Ελατος: "Έλατος",
  Ελλην: "Έλλην",
  Επαφος: "Έπαφος",
  Εραστος: "Έραστος",
  Ερως: "Έρως",
  Εφιππος: "Έφιππος",
  Εχιδνα: "Έχιδνα",
  Ηβη: "Ήβη",
  Ηλιος: "Ήλιος",
  Ηριλλος: "Ήριλλος",
  Ηφαιστος: "Ήφαιστος",
  Ιαμος: "Ίαμος",
  Ιβυκος: "Ίβυκος",
  Ιθακος: "Ίθακος",
  Ιλλος: "Ίλλος",
  Ιμβριος: "Ίμβριος",
  Ιναχος: "Ίναχος",
  Ιππαρχος: "Ίππαρχος",
  Ιππη: "Ίππη",
  Ιππων: "Ίππων",
  Ισανδρος: "Ίσανδρος",
  Ιστρος: "Ίστρος",
  Ιτη: "Ίτη",
  Ιτυς: "Ίτυς",
  Ιφιτος: "Ίφιτος",
  Οδιος: "Όδιος",
  Ολυμπος: "Όλυμπος",
  Ονειρος: "Όνειρος",
  Οψιμος: "Όψιμος",
  Υαγνις: "Ύαγνις",
  Υλλος: "Ύλλος",
  Ωρος: "Ώρος",
  Ωτος: "Ώτος",
  // Typed with a Latin «o» in the middle, and unaccented.
  "Γερ\u006fντιος": "Γερόντιος",
  // Monosyllables, accented in the dataset against the monotonic rule.
  Γή: "Γη",
  Λώτ: "Λωτ",
  Λότ: "Λοτ",
  Πώλ: "Πωλ",
  Κλό: "Κλο",
};

/**
 * Feasts the dataset does not have. St George and St Mark fall in spring and move after Easter
 * when Easter is late: the feast is the later of its fixed date and a day of Easter week. Bright
 * Tuesday (Easter + 2) keeps the new martyrs of Lesvos, Raphael, Nicholas and Irene; the Sunday of
 * the Forefathers (Κυριακή των Προπατόρων, the second Sunday before Christmas: 11 to 17 December)
 * keeps the ancestors of Christ in the flesh, from Adam and Eve to David.
 */
export const ADDED_FEASTS = [
  {
    label: { el: "Αγίου Γεωργίου", en: "St George" },
    rule: { kind: "laterOf", month: 4, day: 23, easterOffset: 1 },
    names: [
      "Γεώργιος",
      "Γιώργος",
      "Γιώργης",
      "Γιωργής",
      "Γιωργάκης",
      "Γιωργίτσα",
      "Γεωργία",
      "Γεωργούλα",
      "Γωγώ",
      "Τζώρτζης",
      "Τζορτζ",
    ],
  },
  {
    label: { el: "Αγίου Μάρκου", en: "St Mark" },
    rule: { kind: "laterOf", month: 4, day: 25, easterOffset: 2 },
    names: ["Μάρκος", "Μαρκία"],
  },
  {
    label: { el: "Αγίων Ραφαήλ, Νικολάου και Ειρήνης", en: "Saints Raphael, Nicholas and Irene" },
    rule: { kind: "easter", offset: 2 },
    names: ["Ραφαήλ", "Ραφαέλα", "Ραφαήλα"],
    // Celebrated that day too, mostly in Lesvos; their feasts are 6 December and 5 May: a contact's
    // name day is not suggested from these, only offered.
    alsoCelebrating: ["Νικόλαος", "Ειρήνη"],
  },
  {
    label: { el: "Κυριακή των Προπατόρων", en: "Sunday of the Forefathers" },
    rule: { kind: "sundayFrom", month: 12, day: 11 },
    names: [
      "Αδάμ",
      "Εύα",
      "Αβραάμ",
      "Αβραμία",
      "Σάρα",
      "Σάρρα",
      "Ισαάκ",
      "Ρεβέκκα",
      "Ιακώβ",
      "Ραχήλ",
      "Δαβίδ",
      "Δαυίδ",
    ],
  },
] as const;
