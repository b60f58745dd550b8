// "Fill a sample office" (the operator panel's button, `npm run sample`): a month of a Greek
// municipality's press office, entered through the areas' own services as the forms would enter
// it (validation, register numbers, search columns, name days all the real ones), and the other
// areas' entries (sample-areas.ts). Each entry has a submission key of its own, so filling twice
// adds nothing the second time.
import type { Services } from "../app/areas.js";
import { validateClipping } from "../areas/clippings/validation.js";
import type { ContactDraft } from "../areas/contacts/contact-validation.js";
import type { Clock } from "../lib/clock.js";
import { fillSampleAreas } from "./sample-areas.js";
import { PEOPLE } from "./workspace.js";

type Tone = "positive" | "neutral" | "negative";
type Medium = "print" | "online" | "tv" | "radio";

const CLIPPINGS: {
  title: string;
  outlet: string;
  medium: Medium;
  tone: Tone;
  daysAgo: number;
  slug: string;
  summary: string;
}[] = [
  {
    title: "Ο Δήμαρχος εγκαινίασε το νέο πάρκο στο κέντρο της πόλης",
    outlet: "Η Καθημερινή",
    medium: "print",
    tone: "positive",
    daysAgo: 1,
    slug: "parko-kentro",
    summary: "Εγκαίνια του πάρκου με παιδική χαρά και ποδηλατόδρομο.",
  },
  {
    title: "Παράπονα κατοίκων για την αποκομιδή απορριμμάτων στη Νέα Σμύρνη",
    outlet: "iefimerida.gr",
    medium: "online",
    tone: "negative",
    daysAgo: 2,
    slug: "aporrimmata",
    summary: "Κάτοικοι καταγγέλλουν καθυστερήσεις στην αποκομιδή.",
  },
  {
    title: "Συνεδρίαση του δημοτικού συμβουλίου για τον προϋπολογισμό 2027",
    outlet: "ΕΡΤ",
    medium: "tv",
    tone: "neutral",
    daysAgo: 3,
    slug: "proypologismos-2027",
    summary: "Συζήτηση για τον προϋπολογισμό του νέου έτους.",
  },
  {
    title: "Αδελφοποίηση με τη Λεμεσό: αντιπροσωπεία στον δήμο",
    outlet: "Τα Νέα",
    medium: "print",
    tone: "positive",
    daysAgo: 4,
    slug: "lemesos",
    summary: "Επίσκεψη αντιπροσωπείας της αδελφής πόλης.",
  },
  {
    title: "Κυκλοφοριακό χάος από τα έργα στη λεωφόρο",
    outlet: "Σκάι 100,3",
    medium: "radio",
    tone: "negative",
    daysAgo: 5,
    slug: "erga-leoforos",
    summary: "Ακροατές για τις καθυστερήσεις των έργων.",
  },
  {
    title: "Χριστουγεννιάτικο χωριό στην κεντρική πλατεία από τις 12 Δεκεμβρίου",
    outlet: "athensvoice.gr",
    medium: "online",
    tone: "positive",
    daysAgo: 6,
    slug: "christougenniatiko-xorio",
    summary: "Το πρόγραμμα των εορταστικών εκδηλώσεων.",
  },
  {
    title: "Νέες θέσεις στάθμευσης για κατοίκους γύρω από το δημαρχείο",
    outlet: "Η Ναυτεμπορική",
    medium: "print",
    tone: "neutral",
    daysAgo: 8,
    slug: "stathmeusi",
    summary: "Σύστημα ελεγχόμενης στάθμευσης.",
  },
  {
    title: "Ο δήμος στηρίζει τους σεισμόπληκτους με ανθρωπιστική βοήθεια",
    outlet: "ΕΡΤ",
    medium: "tv",
    tone: "positive",
    daysAgo: 9,
    slug: "voitheia",
    summary: "Αποστολή ειδών πρώτης ανάγκης.",
  },
  {
    title: "Καθυστερήσεις στην ανακαίνιση του δημοτικού κολυμβητηρίου",
    outlet: "Η Αυγή",
    medium: "print",
    tone: "negative",
    daysAgo: 11,
    slug: "kolymvitirio",
    summary: "Η αντιπολίτευση ζητά εξηγήσεις.",
  },
  {
    title: "Πρόγραμμα «Βοήθεια στο Σπίτι»: 40 νέες προσλήψεις",
    outlet: "news247.gr",
    medium: "online",
    tone: "positive",
    daysAgo: 12,
    slug: "voitheia-spiti",
    summary: "Ενίσχυση του κοινωνικού προγράμματος.",
  },
  {
    title: "Δενδροφύτευση με μαθητές στο άλσος",
    outlet: "Ραδιόφωνο Αθήνα 9,84",
    medium: "radio",
    tone: "positive",
    daysAgo: 14,
    slug: "dendrofytefsi",
    summary: "Περιβαλλοντική δράση των σχολείων.",
  },
  {
    title: "Ανακοίνωση για τη διακοπή νερού στις βόρειες συνοικίες",
    outlet: "ertnews.gr",
    medium: "online",
    tone: "neutral",
    daysAgo: 15,
    slug: "diakopi-nerou",
    summary: "Η ΕΥΔΑΠ και ο δήμος για τα έργα δικτύου.",
  },
  {
    title: "Διεθνές φεστιβάλ κινηματογράφου με τη στήριξη του δήμου",
    outlet: "Η Καθημερινή",
    medium: "print",
    tone: "positive",
    daysAgo: 18,
    slug: "festival",
    summary: "Προβολές στο δημοτικό θέατρο.",
  },
  {
    title: "Λακκούβες και σπασμένα πεζοδρόμια: οι δημότες διαμαρτύρονται",
    outlet: "protothema.gr",
    medium: "online",
    tone: "negative",
    daysAgo: 20,
    slug: "pezodromia",
    summary: "Ρεπορτάζ για τη συντήρηση των δρόμων.",
  },
  {
    title: "Ο Δήμαρχος συναντήθηκε με τον Πρέσβη της Γαλλίας",
    outlet: "Τα Νέα",
    medium: "print",
    tone: "neutral",
    daysAgo: 22,
    slug: "presvis-gallias",
    summary: "Συνεργασία στον πολιτισμό και την εκπαίδευση.",
  },
  {
    title: "Ενεργειακή αναβάθμιση σχολείων με ευρωπαϊκά κονδύλια",
    outlet: "ΕΡΤ",
    medium: "tv",
    tone: "positive",
    daysAgo: 25,
    slug: "scholeia",
    summary: "Έξι σχολικά κτίρια στο πρόγραμμα.",
  },
  {
    title: "Αντιδράσεις για την κοπή δέντρων στην οδό Κηφισίας",
    outlet: "efsyn.gr",
    medium: "online",
    tone: "negative",
    daysAgo: 27,
    slug: "kopi-dentron",
    summary: "Περιβαλλοντικές οργανώσεις ζητούν διάλογο.",
  },
  {
    title: "Εθελοντική αιμοδοσία στο δημαρχείο",
    outlet: "Ραδιόφωνο Αθήνα 9,84",
    medium: "radio",
    tone: "positive",
    daysAgo: 29,
    slug: "aimodosia",
    summary: "Συγκεντρώθηκαν 120 φιάλες αίματος.",
  },
];

/** Contacts, each with a name day on one of the next days (day 0 is today). */
const CONTACTS: {
  nameEl: string;
  nameLatin: string;
  title: string;
  organisation: string;
  category: string;
  vip: boolean;
  inDays: number;
  language: string;
}[] = [
  {
    nameEl: "Νικόλαος Παπαδάκης",
    nameLatin: "Nikolaos Papadakis",
    title: "Βουλευτής",
    organisation: "Βουλή των Ελλήνων",
    category: "politicians",
    vip: true,
    inDays: 0,
    language: "el",
  },
  {
    nameEl: "Βαρβάρα Ιωάννου",
    nameLatin: "Varvara Ioannou",
    title: "Πρόεδρος",
    organisation: "Σύλλογος Γονέων 3ου Δημοτικού",
    category: "associations",
    vip: false,
    inDays: 1,
    language: "el",
  },
  {
    nameEl: "Σάββας Γεωργίου",
    nameLatin: "Savvas Georgiou",
    title: "Δημοσιογράφος",
    organisation: "Η Καθημερινή",
    category: "journalists",
    vip: false,
    inDays: 2,
    language: "el",
  },
  {
    nameEl: "Marie Dubois",
    nameLatin: "Marie Dubois",
    title: "Conseillère culturelle",
    organisation: "Πρεσβεία της Γαλλίας",
    category: "embassies",
    vip: true,
    inDays: 3,
    language: "fr",
  },
  {
    nameEl: "Ανδρέας Χριστοδούλου",
    nameLatin: "Andreas Christodoulou",
    title: "Δήμαρχος",
    organisation: "Δήμος Λεμεσού",
    category: "twin_cities",
    vip: true,
    inDays: 4,
    language: "el",
  },
  {
    nameEl: "Ελένη Μαυρίδου",
    nameLatin: "Eleni Mavridou",
    title: "Διευθύντρια",
    organisation: "Δημοτικό Ωδείο",
    category: "culture",
    vip: false,
    inDays: 5,
    language: "el",
  },
  {
    nameEl: "Πατήρ Σπυρίδων Λάμπρου",
    nameLatin: "Spyridon Lamprou",
    title: "Προϊστάμενος",
    organisation: "Ιερός Ναός Αγίου Σπυρίδωνα",
    category: "church",
    vip: false,
    inDays: 6,
    language: "el",
  },
];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export async function fillSampleOffice(services: Services, clock: Clock, timeZone = "Europe/Athens"): Promise<string> {
  const staff = PEOPLE.find((p) => p.kind === "staff")?.id ?? "ULOCSTAFF";
  const today = services.clippings.today();
  const topics = await services.clippings.listActiveTopics();
  const topicIds = new Set(topics.map((t) => t.id));
  let clippings = 0;
  for (const [i, c] of CLIPPINGS.entries()) {
    const topic = topics[i % Math.max(1, topics.length)];
    const checked = validateClipping(
      {
        title: c.title,
        outlet: c.outlet,
        url: c.medium === "online" || c.medium === "print" ? `https://www.example.gr/${c.slug}` : undefined,
        publishedOn: addDays(today, -c.daysAgo),
        medium: c.medium,
        tone: c.tone,
        scope: "municipality",
        topicIds: topic ? [String(topic.id)] : [],
        summary: c.summary,
      },
      { today, knownTopicIds: topicIds },
    );
    if (!checked.ok) throw new Error(`sample clipping ${c.slug}: ${JSON.stringify(checked.errors)}`);
    const made = await services.clippings.createClipping({
      draft: checked.draft,
      createdBy: staff,
      submissionKey: `sample-office-clipping-${c.slug}`,
    });
    if (made.status === "created") clippings++;
  }
  let contacts = 0;
  for (const c of CONTACTS) {
    const day = addDays(today, c.inDays);
    const draft: ContactDraft = {
      nameEl: c.nameEl,
      nameLatin: c.nameLatin,
      title: c.title,
      organisation: c.organisation,
      categorySlug: c.category,
      country: c.language === "fr" ? "FR" : "GR",
      language: c.language,
      email: `${c.nameLatin.toLowerCase().replace(/[^a-z]+/g, ".")}@example.org`,
      phone: null,
      address: null,
      vip: c.vip,
      nameDayKey: `fixed:${day.slice(5)}`,
      notes: null,
      consent: "legitimate_interest",
      source: "sample office",
      optOutGreetings: false,
    };
    const made = await services.contacts.create({
      draft,
      createdBy: staff,
      submissionKey: `sample-office-contact-${c.nameLatin}`,
      nameDayConfirmed: true,
    });
    if (made.status === "created") contacts++;
  }
  const more = await fillSampleAreas(services, clock, timeZone);
  const added = clippings + contacts + Object.values(more).reduce((a, b) => a + b, 0);
  return added === 0
    ? "The sample office is already there."
    : [
        `Sample office: ${clippings} clippings over the last month, ${contacts} contacts with name days this week,`,
        `${more.events} events with their checklists, ${more.sponsorships} sponsorships at each step,`,
        `${more.translations} translation requests, ${more.letters} letters, ${more.partners} partners`,
        `and ${more.agreements} agreement with its obligations.`,
      ].join(" ");
}
