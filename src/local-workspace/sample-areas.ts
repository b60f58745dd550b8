// The sample office's other areas, so that every one of them shows something on the first
// `npm start`: events with their checklists, sponsorships at each step, translation requests at
// each step, letters from abroad, partners and a twinning agreement with its obligations. All
// through the areas' own services, as the forms would enter them, each entry once (its submission
// key); a step is taken only by the run that created its entry, so a second fill changes nothing.
import type { Services } from "../app/areas.js";
import { validateLetter } from "../areas/correspondence/letter-validation.js";
import { validateEvent } from "../areas/events/event-validation.js";
import type { SponsorshipAction } from "../areas/sponsors/sponsorship-flow.js";
import type { TranslationAction } from "../areas/translations/translation-flow.js";
import { validateTranslation } from "../areas/translations/translation-validation.js";
import type { Clock } from "../lib/clock.js";
import { shiftDate } from "../lib/clock.js";
import { PEOPLE } from "./workspace.js";

const idOf = (kind: string, fallback: string) => PEOPLE.find((p) => p.kind === kind)?.id ?? fallback;
const STAFF = idOf("staff", "ULOCSTAFF");
const MANAGER = idOf("manager", "ULOCMANAGER");
const TRANSLATOR = idOf("translator", "ULOCTRANS");

export interface SampleCounts {
  events: number;
  sponsorships: number;
  translations: number;
  letters: number;
  partners: number;
  agreements: number;
}

const EVENTS: { key: string; title: string; inDays: number; start: string; end: string; venue: string }[] = [
  {
    key: "christmas-tree",
    title: "Φωταγώγηση του χριστουγεννιάτικου δέντρου",
    inDays: 3,
    start: "19:00",
    end: "21:00",
    venue: "Κεντρική πλατεία",
  },
  {
    key: "limassol-delegation",
    title: "Υποδοχή αντιπροσωπείας του Δήμου Λεμεσού",
    inDays: 6,
    start: "11:00",
    end: "13:00",
    venue: "Δημαρχείο, αίθουσα δημοτικού συμβουλίου",
  },
  {
    key: "volunteers",
    title: "Βράβευση εθελοντών της πόλης",
    inDays: 16,
    start: "18:30",
    end: "20:00",
    venue: "Δημοτικό θέατρο",
  },
];

const SPONSORSHIPS: {
  key: string;
  organisation: string;
  contactPerson: string;
  contributionType: "money" | "goods" | "services" | "media";
  pledgedAmount?: string;
  pledgedDescription?: string;
  eventName: string;
  inDays: number;
  benefits: string;
  /** The steps taken after it is registered: who takes each. */
  steps: [SponsorshipAction, string][];
}[] = [
  {
    key: "bakery",
    organisation: "Αρτοποιία Η Παράδοση",
    contactPerson: "Κώστας Ραφαηλίδης",
    contributionType: "goods",
    pledgedDescription: "Μελομακάρονα και κουραμπιέδες για 300 άτομα",
    eventName: "Φωταγώγηση του χριστουγεννιάτικου δέντρου",
    inDays: 3,
    benefits: "Το λογότυπο στην αφίσα",
    steps: [],
  },
  {
    key: "energy",
    organisation: "Ενεργειακή Αττικής Α.Ε.",
    contactPerson: "Δέσποινα Μαρκάκη",
    contributionType: "money",
    pledgedAmount: "5000",
    eventName: "Βράβευση εθελοντών της πόλης",
    inDays: 16,
    benefits: "Ανάρτηση στα μέσα κοινωνικής δικτύωσης\nΑναφορά στον χαιρετισμό του Δημάρχου",
    steps: [["contact", STAFF]],
  },
  {
    key: "printing",
    organisation: "Τυπογραφεία Αλφα",
    contactPerson: "Γιάννης Αλεξίου",
    contributionType: "services",
    pledgedAmount: "1200",
    pledgedDescription: "Εκτύπωση 2.000 προγραμμάτων",
    eventName: "Χριστουγεννιάτικο χωριό",
    inDays: 10,
    benefits: "Το λογότυπο στο οπισθόφυλλο του προγράμματος",
    steps: [
      ["contact", STAFF],
      ["ask_approval", STAFF],
    ],
  },
  {
    key: "radio",
    organisation: "Ράδιο Πόλη 96,5",
    contactPerson: "Ελένη Σταθοπούλου",
    contributionType: "media",
    pledgedDescription: "20 ραδιοφωνικά μηνύματα",
    eventName: "Χριστουγεννιάτικο χωριό",
    inDays: 10,
    benefits: "Αναφορά ως χορηγού επικοινωνίας",
    steps: [
      ["ask_approval", STAFF],
      ["approve", MANAGER],
    ],
  },
  {
    key: "bank",
    organisation: "Τράπεζα Πειραιώς",
    contactPerson: "Αθανάσιος Νικολάου",
    contributionType: "money",
    pledgedAmount: "3000",
    eventName: "Φεστιβάλ κινηματογράφου",
    inDays: -18,
    benefits: "Το λογότυπο στο πανό της εισόδου",
    steps: [
      ["ask_approval", STAFF],
      ["approve", MANAGER],
      ["receive", STAFF],
      ["thank", STAFF],
    ],
  },
];

const TRANSLATIONS: {
  key: string;
  title: string;
  sourceLang: string;
  targetLang: string;
  inDays: number;
  urgency: "normal" | "urgent";
  reason: string;
  steps: [TranslationAction, string][];
}[] = [
  {
    key: "limassol-programme",
    title: "Πρόγραμμα επίσκεψης της αντιπροσωπείας της Λεμεσού",
    sourceLang: "el",
    targetLang: "en",
    inDays: 4,
    urgency: "urgent",
    reason: "Για την υποδοχή της αντιπροσωπείας",
    steps: [],
  },
  {
    key: "bordeaux-letter",
    title: "Επιστολή του Πανεπιστημίου του Μπορντό",
    sourceLang: "fr",
    targetLang: "el",
    inDays: 7,
    urgency: "normal",
    reason: "Πρόταση για θερινό σχολείο",
    steps: [
      ["assign", MANAGER],
      ["start", TRANSLATOR],
    ],
  },
  {
    key: "twinning-brochure",
    title: "Ενημερωτικό φυλλάδιο για την αδελφοποίηση",
    sourceLang: "el",
    targetLang: "de",
    inDays: 12,
    urgency: "normal",
    reason: "Για τους επισκέπτες του Χριστουγεννιάτικου χωριού",
    steps: [["assign", MANAGER]],
  },
];

const LETTERS: {
  key: string;
  direction: "incoming" | "outgoing";
  kind: "letter" | "call_for_interest" | "invitation";
  daysAgo: number;
  counterpart: string;
  country: string;
  subject: string;
  language: string;
  dueInDays?: number;
}[] = [
  {
    key: "limassol-visit",
    direction: "incoming",
    kind: "letter",
    daysAgo: 9,
    counterpart: "Δήμος Λεμεσού",
    country: "CY",
    subject: "Επιβεβαίωση της επίσκεψης της αντιπροσωπείας τον Δεκέμβριο",
    language: "el",
  },
  {
    key: "bordeaux-summer-school",
    direction: "incoming",
    kind: "call_for_interest",
    daysAgo: 5,
    counterpart: "Université de Bordeaux",
    country: "FR",
    subject: "Θερινό σχολείο για νέους των αδελφών πόλεων",
    language: "fr",
    dueInDays: 20,
  },
  {
    key: "eurocities",
    direction: "incoming",
    kind: "invitation",
    daysAgo: 3,
    counterpart: "Eurocities",
    country: "BE",
    subject: "Πρόσκληση στο ετήσιο συνέδριο στις Βρυξέλλες",
    language: "en",
    dueInDays: 9,
  },
  {
    key: "thanks-ambassador",
    direction: "outgoing",
    kind: "letter",
    daysAgo: 21,
    counterpart: "Πρεσβεία της Γαλλίας",
    country: "FR",
    subject: "Ευχαριστίες του Δημάρχου για τη συνάντηση",
    language: "fr",
  },
];

export async function fillSampleAreas(services: Services, clock: Clock, timeZone: string): Promise<SampleCounts> {
  const today = services.clippings.today();
  const counts: SampleCounts = { events: 0, sponsorships: 0, translations: 0, letters: 0, partners: 0, agreements: 0 };
  const must = (what: string, ok: boolean, detail: unknown) => {
    if (!ok) throw new Error(`sample ${what}: ${JSON.stringify(detail)}`);
  };

  // Events, each with the checklist of its type, the staff member responsible.
  const types = await services.events.types();
  const knownTypes = new Set(types.map((t) => t.slug));
  const typeSlug = types.find((t) => t.slug === "ceremony")?.slug ?? types[0]?.slug;
  for (const e of EVENTS) {
    const checked = validateEvent(
      {
        title: e.title,
        typeSlug,
        startDate: shiftDate(today, e.inDays),
        startTime: e.start,
        endTime: e.end,
        venue: e.venue,
        organiser: "Γραφείο Δημάρχου",
        responsible: [STAFF],
      },
      { now: clock.now(), timeZone, knownTypes },
    );
    must(`event ${e.key}`, checked.ok, checked.ok ? null : checked.errors);
    if (!checked.ok) continue;
    const made = await services.events.create({
      draft: checked.draft,
      createdBy: STAFF,
      submissionKey: `sample-office-event-${e.key}`,
    });
    if (made.status === "created") counts.events++;
  }

  // Sponsorships, one at each step of their life.
  for (const s of SPONSORSHIPS) {
    const made = await services.sponsorships.register({
      actor: STAFF,
      input: {
        organisation: s.organisation,
        contactPerson: s.contactPerson,
        contributionType: s.contributionType,
        pledgedAmount: s.pledgedAmount,
        pledgedDescription: s.pledgedDescription,
        eventName: s.eventName,
        eventDate: shiftDate(today, s.inDays),
        benefits: s.benefits,
      },
      submissionKey: `sample-office-sponsorship-${s.key}`,
    });
    must(`sponsorship ${s.key}`, made.status === "created" || made.status === "already_stored", made);
    if (made.status !== "created") continue;
    counts.sponsorships++;
    for (const [action, actor] of s.steps) {
      const stepped = await services.sponsorships.step({ actor, id: made.sponsorship.id, action });
      must(`sponsorship ${s.key} ${action}`, stepped.status === "done", stepped);
    }
  }

  // Translation requests: new, assigned, and being translated by the translator.
  for (const r of TRANSLATIONS) {
    const checked = validateTranslation(
      {
        title: r.title,
        documentUrl: `https://www.example.gr/documents/${r.key}.docx`,
        sourceLang: r.sourceLang,
        targetLang: r.targetLang,
        dueOn: shiftDate(today, r.inDays),
        urgency: r.urgency,
        reason: r.reason,
      },
      { today },
    );
    must(`translation ${r.key}`, checked.ok, checked.ok ? null : checked.errors);
    if (!checked.ok) continue;
    const made = await services.translations.create({
      draft: checked.draft,
      requestedBy: STAFF,
      submissionKey: `sample-office-translation-${r.key}`,
    });
    must(`translation ${r.key}`, made.status === "created" || made.status === "already_stored", made);
    if (made.status !== "created") continue;
    counts.translations++;
    for (const [action, actor] of r.steps) {
      const stepped = await services.translations.step({
        actor,
        requestId: made.request.id,
        action,
        payload: action === "assign" ? { assignee: TRANSLATOR } : {},
      });
      must(`translation ${r.key} ${action}`, stepped.status === "done", stepped);
    }
  }

  // Letters from abroad (and one to), with a deadline where they ask for one.
  for (const l of LETTERS) {
    const letterDate = shiftDate(today, -l.daysAgo);
    const checked = validateLetter(
      {
        direction: l.direction,
        kind: l.kind,
        letterDate,
        counterpart: l.counterpart,
        country: l.country,
        subject: l.subject,
        language: l.language,
        dueOn: l.dueInDays === undefined ? undefined : shiftDate(today, l.dueInDays),
      },
      { today },
    );
    must(`letter ${l.key}`, checked.ok, checked.ok ? null : checked.errors);
    if (!checked.ok) continue;
    const made = await services.letters.create({
      draft: checked.draft,
      createdBy: STAFF,
      submissionKey: `sample-office-letter-${l.key}`,
    });
    if (made.status === "created") counts.letters++;
  }

  // Partners, and the twinning agreement with the twin city, with its obligations.
  const limassol = await services.partners.create({
    actor: STAFF,
    input: {
      kind: "twinned_city",
      nameEl: "Δήμος Λεμεσού",
      nameLatin: "Municipality of Limassol",
      country: "CY",
      languages: "el, en",
      since: "2009-05-15",
      notes: "Αδελφή πόλη από το 2009.",
    },
    submissionKey: "sample-office-partner-limassol",
  });
  must("partner limassol", limassol.status === "created" || limassol.status === "already_stored", limassol);
  if (limassol.status === "created") counts.partners++;
  const bordeaux = await services.partners.create({
    actor: STAFF,
    input: {
      kind: "university",
      nameEl: "Πανεπιστήμιο του Μπορντό",
      nameLatin: "Université de Bordeaux",
      country: "FR",
      languages: "fr, en",
    },
    submissionKey: "sample-office-partner-bordeaux",
  });
  if (bordeaux.status === "created") counts.partners++;
  if (limassol.status === "created" || limassol.status === "already_stored") {
    const agreement = await services.agreements.propose({
      actor: STAFF,
      input: {
        kind: "twinning",
        title: "Πρωτόκολλο αδελφοποίησης με τον Δήμο Λεμεσού",
        partyIds: [limassol.partner.id],
        fields: "Πολιτισμός\nΝεολαία\nΤουρισμός",
        documentUrl: "https://www.example.gr/documents/lemesos-protocol.pdf",
        durationYears: "5",
        renewal: "by_decision",
      },
      submissionKey: "sample-office-agreement-limassol",
    });
    must("agreement limassol", agreement.status === "created" || agreement.status === "already_stored", agreement);
    if (agreement.status === "created") {
      counts.agreements++;
      const obligations = [
        { key: "exchange", description: "Ετήσια πολιτιστική ανταλλαγή νέων", recurrence: "yearly", inDays: 5 },
        { key: "report", description: "Κοινή έκθεση προόδου της συνεργασίας", recurrence: "once", inDays: 25 },
      ];
      for (const o of obligations) {
        const added = await services.agreements.addObligation({
          actor: STAFF,
          agreementId: agreement.agreement.id,
          input: {
            description: o.description,
            owner: STAFF,
            recurrence: o.recurrence,
            firstDueOn: shiftDate(today, o.inDays),
          },
          submissionKey: `sample-office-obligation-${o.key}`,
        });
        must(`obligation ${o.key}`, added.status === "created" || added.status === "already_stored", added);
      }
    }
  }
  return counts;
}
