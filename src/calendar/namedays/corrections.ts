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
  Αξί: null,
  Κορίνο: null,
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
