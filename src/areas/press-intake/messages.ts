// The press intake's texts, Greek first; English has the same keys and arguments (the type checks it).
import { defineTexts, icu } from "../../i18n/texts.js";

const el = {
  jobDescription: (time: string) =>
    `Διαβάζει τις ροές ειδήσεων και προτείνει στο κανάλι του γραφείου τύπου τα άρθρα που αφορούν τον δήμο (${time})`,
  helpLines: {
    feed: "`feed add <url> [#κανάλι]` · `feed list` · `feed pause|resume|remove <αρ.>`: ροές ειδήσεων (RSS, Atom, RDF, Google Alerts)",
    feedSettings:
      "`feed quiet 22:00 07:00` · `feed burst 8` · `feed every 15` · `feed outlet add <host> <όνομα>`: ώρες σιγής, όριο ανά ώρα, κάθε πόσα λεπτά, μέσα",
  },
  feedAdded: (id: number, url: string, channel: string) => `Η ροή #${id} προστέθηκε: ${url} → ${channel}.`,
  feedExists: (id: number, url: string) => `Η ροή ${url} υπάρχει ήδη (#${id}).`,
  badFeedUrl:
    "Δώστε τη διεύθυνση της ροής (http:// ή https://), π.χ. `/grafeio feed add https://www.kathimerini.gr/rss #press`.",
  feedsTitle: "*Ροές ειδήσεων*",
  noFeeds: "Δεν υπάρχουν ροές. `/grafeio feed add <url> [#κανάλι]`",
  feedLine: (id: number, url: string, channel: string, state: string) => `• #${id} ${url} → ${channel} · ${state}`,
  states: {
    active: "ενεργή",
    paused: "σε παύση",
    failing: (n: number, error: string) =>
      `${icu("el", "{n, plural, one {# αποτυχία} other {# αποτυχίες}}", { n })} (${error})`,
  },
  defaultChannel: "το κανάλι του γραφείου τύπου",
  feedChanged: (id: number) => `Έγινε (ροή #${id}).`,
  unknownFeed: (id: number) => `Δεν υπάρχει ροή #${id}.`,
  outletAdded: (host: string, name: string) => `Τα άρθρα του ${host} θα αναφέρονται ως «${name}».`,
  badOutlet:
    "Γράψτε `/grafeio feed outlet add <host> <όνομα>`, π.χ. `feed outlet add amarousiotimes.gr Αμαρούσιο Times`.",
  quietSet: (from: string, to: string) => `Ώρες σιγής ${from}–${to}: ό,τι έρθει τότε δημοσιεύεται ως πρωινή λίστα.`,
  badTime: "Ώρες ως ΩΩ:ΛΛ, π.χ. `feed quiet 22:00 07:00`.",
  burstSet: (n: number) => `Πάνω από ${n} άρθρα την ώρα: ένα συνοπτικό μήνυμα με τα άρθρα στο νήμα του.`,
  badNumber: "Ένας αριθμός από 1 έως 100, π.χ. `feed burst 8`.",
  everySet: (minutes: number) =>
    icu("el", "Οι ροές θα διαβάζονται κάθε {minutes, plural, one {# λεπτό} other {# λεπτά}} (εκτός 03:00–04:00).", {
      minutes,
    }),
  badMinutes: "Κάθε 5, 10, 15, 20, 30 ή 60 λεπτά, π.χ. `feed every 30`.",
  feedUsage:
    "Χρήση: `/grafeio feed add <url> [#κανάλι] | list | pause <αρ.> | resume <αρ.> | remove <αρ.> | quiet 22:00 07:00 | burst 8 | every 15 | outlet add <host> <όνομα>`",
  // Proposals
  proposalText: (title: string, outlet: string) => `Νέο άρθρο: ${title} (${outlet})`,
  matched: "Ταιριάζει με",
  log: "Καταχώριση",
  irrelevant: "Άσχετο",
  exists: "Υπάρχει ήδη",
  dismissedBy: (who: string) => `Άσχετο, κατά ${who}.`,
  loggedAs: (number: string, who: string) => `Καταχωρίστηκε ως ${number} (${who}).`,
  alreadyDecided: "Το άρθρο έχει ήδη κριθεί.",
  morningTitle: (n: number) =>
    icu("el", "Πρωινή λίστα: {n, plural, one {# άρθρο} other {# άρθρα}} από τις ώρες σιγής, στο νήμα.", { n }),
  burstTitle: (n: number) =>
    icu("el", "{n, plural, one {# νέο άρθρο} other {# νέα άρθρα}} μέσα στην ώρα, στο νήμα.", { n }),
  feedFailing: (url: string, n: number, error: string) =>
    `Η ροή ειδήσεων ${url} αποτυγχάνει (${icu("el", "{n, plural, one {# φορά} other {# φορές}}", { n })} στη σειρά: ${error}). Θα ξαναδοκιμαστεί αραιότερα· \`/grafeio feed list\`.`,
  existsTitle: "Υπάρχει ήδη",
  existsLabel: "Το δημοσίευμα του μητρώου",
  existsPlaceholder: "Λέξεις του τίτλου ή αριθμός μητρώου (2026/0012)",
  existsSubmit: "Σύνδεση",
  cancel: "Ακύρωση",
  noSuchClipping: "Διαλέξτε ένα δημοσίευμα του μητρώου (αυτό δεν υπάρχει πια).",
  digestTitle: "*Ροές ειδήσεων χθες*",
  digestLine: (proposed: number, logged: number, dismissed: number) =>
    `${icu("el", "{n, plural, one {# πρόταση} other {# προτάσεις}}", { n: proposed })} · ${logged} καταχωρίστηκαν · ${dismissed} άσχετα`,
};

const en: typeof el = {
  jobDescription: (time: string) =>
    `Reads the news feeds and proposes in the press office's channel the articles about the municipality (${time})`,
  helpLines: {
    feed: "`feed add <url> [#channel]` · `feed list` · `feed pause|resume|remove <no.>`: news feeds (RSS, Atom, RDF, Google Alerts)",
    feedSettings:
      "`feed quiet 22:00 07:00` · `feed burst 8` · `feed every 15` · `feed outlet add <host> <name>`: quiet hours, hourly limit, how often, outlets",
  },
  feedAdded: (id: number, url: string, channel: string) => `Feed #${id} added: ${url} → ${channel}.`,
  feedExists: (id: number, url: string) => `The feed ${url} is already there (#${id}).`,
  badFeedUrl:
    "Give the feed's address (http:// or https://), e.g. `/grafeio feed add https://www.kathimerini.gr/rss #press`.",
  feedsTitle: "*News feeds*",
  noFeeds: "No feeds. `/grafeio feed add <url> [#channel]`",
  feedLine: (id: number, url: string, channel: string, state: string) => `• #${id} ${url} → ${channel} · ${state}`,
  states: {
    active: "active",
    paused: "paused",
    failing: (n: number, error: string) =>
      `${icu("en", "{n, plural, one {# failure} other {# failures}}", { n })} (${error})`,
  },
  defaultChannel: "the press office's channel",
  feedChanged: (id: number) => `Done (feed #${id}).`,
  unknownFeed: (id: number) => `There is no feed #${id}.`,
  outletAdded: (host: string, name: string) => `Articles from ${host} will be named «${name}».`,
  badOutlet:
    "Write `/grafeio feed outlet add <host> <name>`, e.g. `feed outlet add amarousiotimes.gr Amarousio Times`.",
  quietSet: (from: string, to: string) => `Quiet hours ${from}–${to}: what arrives then is posted as one morning list.`,
  badTime: "Times as HH:MM, e.g. `feed quiet 22:00 07:00`.",
  burstSet: (n: number) => `More than ${n} articles an hour: one summary message with the articles in its thread.`,
  badNumber: "A number from 1 to 100, e.g. `feed burst 8`.",
  everySet: (minutes: number) =>
    icu(
      "en",
      "The feeds will be read every {minutes, plural, one {# minute} other {# minutes}} (except 03:00–04:00).",
      {
        minutes,
      },
    ),
  badMinutes: "Every 5, 10, 15, 20, 30 or 60 minutes, e.g. `feed every 30`.",
  feedUsage:
    "Usage: `/grafeio feed add <url> [#channel] | list | pause <no.> | resume <no.> | remove <no.> | quiet 22:00 07:00 | burst 8 | every 15 | outlet add <host> <name>`",
  proposalText: (title: string, outlet: string) => `New article: ${title} (${outlet})`,
  matched: "Matches",
  log: "Log it",
  irrelevant: "Irrelevant",
  exists: "Already there",
  dismissedBy: (who: string) => `Irrelevant, said ${who}.`,
  loggedAs: (number: string, who: string) => `Logged as ${number} (${who}).`,
  alreadyDecided: "This article has already been decided.",
  morningTitle: (n: number) =>
    icu("en", "Morning list: {n, plural, one {# article} other {# articles}} from the quiet hours, in the thread.", {
      n,
    }),
  burstTitle: (n: number) =>
    icu("en", "{n, plural, one {# new article} other {# new articles}} within the hour, in the thread.", { n }),
  feedFailing: (url: string, n: number, error: string) =>
    `The news feed ${url} is failing (${icu("en", "{n, plural, one {# time} other {# times}}", { n })} in a row: ${error}). It will be tried less often; \`/grafeio feed list\`.`,
  existsTitle: "Already there",
  existsLabel: "The clipping in the register",
  existsPlaceholder: "Words of the title, or a register number (2026/0012)",
  existsSubmit: "Link",
  cancel: "Cancel",
  noSuchClipping: "Choose a clipping of the register (that one is no longer there).",
  digestTitle: "*News feeds yesterday*",
  digestLine: (proposed: number, logged: number, dismissed: number) =>
    `${icu("en", "{n, plural, one {# proposal} other {# proposals}}", { n: proposed })} · ${logged} logged · ${dismissed} irrelevant`,
};

export const intakeTexts = defineTexts(el, en);
export type IntakeTexts = ReturnType<typeof intakeTexts>;
