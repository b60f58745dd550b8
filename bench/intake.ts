// The press intake at scale: 50 local feeds of 100 items each (half of them new at the second run,
// a tenth of all matching a watched term) processed in one run of the intake's collect(), on the
// embedded database: time, memory (RSS and heap), proposals made. And the near-duplicate rule on
// paired headlines (the same story from two outlets, and pairs of different stories about the same
// subject): precision and recall at several thresholds. A table, then a JSON last line.
// Known weakness of the synthetic feeds: their matching titles differ only by numbers and two
// words, so the near-duplicate rule (rightly) takes most of them for the same story; the run's
// time is the figure to read, not the count of proposals.
import { performance } from "node:perf_hooks";
import { createClippingsServices } from "../src/areas/clippings/index.js";
import { createPressIntakeServices } from "../src/areas/press-intake/index.js";
import { jaccard, NEAR_DUPLICATE_THRESHOLD, titleWords } from "../src/areas/press-intake/near-duplicate.js";
import { openDatabase } from "../src/db/database.js";
import { ManualClock } from "../src/lib/clock.js";
import { createSafeFetcher } from "../src/lib/safe-fetch.js";
import { FeedServer } from "../test/press-intake/feed-server.js";

const FEEDS = 50;
const ITEMS = 100;
const ADMIN = "U0ADMIN01";

const subjects = [
  "πάρκο",
  "σχολείο",
  "λαϊκή αγορά",
  "ποδηλατόδρομος",
  "βιβλιοθήκη",
  "κολυμβητήριο",
  "πλατεία",
  "γήπεδο",
];
const places = ["Πειραιά", "Λάρισας", "Πάτρας", "Ηρακλείου", "Βόλου", "Χανίων", "Καβάλας", "Σερρών"];

function feedXml(feed: number, round: number): string {
  const items: string[] = [];
  for (let i = 0; i < ITEMS; i++) {
    // Half of the items are the same as in the first round, half new; a tenth mention the watched term.
    const n = i < ITEMS / 2 ? i : i + round * ITEMS;
    const matching = n % 10 === 0;
    const title = matching
      ? `Ο Δήμαρχος Αμαρουσίου για ${subjects[(feed + n) % 8]} ${feed}-${n} ${places[n % 8]}`
      : `Ειδήσεις ${feed}-${n}: ${subjects[n % 8]} στην πόλη της ${places[(feed + n) % 8]}`;
    items.push(
      `<item><title>${title}</title><link>https://www.site${feed}.gr/a/${n}/?utm_source=rss</link><description>Κείμενο ${n}</description><pubDate>Tue, 01 Dec 2026 08:00:00 +0200</pubDate></item>`,
    );
  }
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>F${feed}</title>${items.join("")}</channel></rss>`;
}

const server = await new FeedServer().start();
const db = await openDatabase({ dataDir: "memory://" });
await db.migrate();
const clock = new ManualClock(new Date("2026-12-01T08:00:00Z"));
const roles = { hasRole: async () => true };
const clippings = createClippingsServices({
  prisma: db.prisma,
  reader: db.reader,
  clock,
  timeZone: "Europe/Athens",
  roles,
});
const { intake } = createPressIntakeServices({
  prisma: db.prisma,
  clock,
  timeZone: "Europe/Athens",
  roles,
  fetcher: createSafeFetcher({ allowLoopback: true }),
  register: clippings.intake,
  watched: { listWatchTerms: clippings.alerts.listWatchTerms, listActiveTopics: clippings.clippings.listActiveTopics },
  schedule: { updateSetting: async () => undefined },
});
await clippings.alerts.addWatchTerm({ term: "Δήμαρχος Αμαρουσίου", channelId: "C0ALERTS1", by: ADMIN });
let round = 0;
for (let f = 0; f < FEEDS; f++) {
  server.set(`/feed${f}.xml`, { handle: () => ({ body: feedXml(f, round) }) });
  await intake.addFeed(ADMIN, server.url(`/feed${f}.xml`), null);
}
// The first run sees everything; the second, half new (what the figure is about).
await intake.collect(new Date("2026-12-01T08:00:00Z"));
round = 1;
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const run = await intake.collect(new Date("2026-12-01T08:15:00Z"));
const ms = performance.now() - started;
const memory = process.memoryUsage();

// Near duplicates: the same story from two outlets (positives), different stories (negatives).
const same: [string, string][] = [
  [
    "Ο Δήμαρχος Αμαρουσίου εγκαινίασε το νέο δημοτικό πάρκο",
    "Εγκαινιάστηκε το νέο δημοτικό πάρκο από τον Δήμαρχο Αμαρουσίου",
  ],
  ["Υπεγράφη η σύμβαση για τον ποδηλατόδρομο της Κηφισίας", "Ποδηλατόδρομος Κηφισίας: υπογράφηκε η σύμβαση"],
  [
    "Κλειστά τα σχολεία του Αμαρουσίου την Πέμπτη λόγω κακοκαιρίας",
    "Αμαρούσιο: κλειστά τα σχολεία την Πέμπτη λόγω της κακοκαιρίας",
  ],
  ["Νέα λαϊκή αγορά στο Μαρούσι από τον Ιανουάριο", "Από τον Ιανουάριο η νέα λαϊκή αγορά στο Μαρούσι"],
  [
    "Δημοτικό συμβούλιο Αμαρουσίου: εγκρίθηκε ο προϋπολογισμός του 2027",
    "Εγκρίθηκε ο προϋπολογισμός 2027 στο δημοτικό συμβούλιο Αμαρουσίου",
  ],
  ["Πυρκαγιά σε χαμηλή βλάστηση στο Μαρούσι", "Φωτιά σε χαμηλή βλάστηση στο Μαρούσι"],
  [
    "Ο δήμος Αμαρουσίου ανακοίνωσε δωρεάν μαθήματα κολύμβησης",
    "Δωρεάν μαθήματα κολύμβησης ανακοίνωσε ο δήμος Αμαρουσίου",
  ],
  ["Χριστουγεννιάτικο χωριό στο άλσος Συγγρού από τον δήμο", "Το χριστουγεννιάτικο χωριό του δήμου στο άλσος Συγγρού"],
  [
    "Κυκλοφοριακές ρυθμίσεις στην Κηφισίας για έργα του δήμου",
    "Έργα του δήμου: κυκλοφοριακές ρυθμίσεις στη λεωφόρο Κηφισίας",
  ],
  [
    "Συναυλία της φιλαρμονικής του δήμου Αμαρουσίου το Σάββατο",
    "Το Σάββατο η συναυλία της δημοτικής φιλαρμονικής Αμαρουσίου",
  ],
];
const different: [string, string][] = [
  [
    "Ο Δήμαρχος Αμαρουσίου εγκαινίασε το νέο δημοτικό πάρκο",
    "Ο Δήμαρχος Αμαρουσίου στη συνεδρίαση του δημοτικού συμβουλίου",
  ],
  ["Υπεγράφη η σύμβαση για τον ποδηλατόδρομο της Κηφισίας", "Κυκλοφοριακές ρυθμίσεις στην Κηφισίας για έργα του δήμου"],
  [
    "Κλειστά τα σχολεία του Αμαρουσίου την Πέμπτη λόγω κακοκαιρίας",
    "Ανοίγουν ξανά τα σχολεία του Αμαρουσίου μετά τις γιορτές",
  ],
  ["Νέα λαϊκή αγορά στο Μαρούσι από τον Ιανουάριο", "Νέο κολυμβητήριο στο Μαρούσι από τον Σεπτέμβριο"],
  [
    "Δημοτικό συμβούλιο Αμαρουσίου: εγκρίθηκε ο προϋπολογισμός του 2027",
    "Δημοτικό συμβούλιο Αμαρουσίου: απορρίφθηκε η πρόταση της αντιπολίτευσης",
  ],
  ["Πυρκαγιά σε χαμηλή βλάστηση στο Μαρούσι", "Πυρκαγιά σε διαμέρισμα στο Χαλάνδρι"],
  ["Ο δήμος Αμαρουσίου ανακοίνωσε δωρεάν μαθήματα κολύμβησης", "Ο δήμος Αμαρουσίου ανακοίνωσε προσλήψεις συμβασιούχων"],
  ["Χριστουγεννιάτικο χωριό στο άλσος Συγγρού από τον δήμο", "Καθαρισμός του άλσους Συγγρού από εθελοντές"],
  ["Κυκλοφοριακές ρυθμίσεις στην Κηφισίας για έργα του δήμου", "Έργα ασφαλτόστρωσης σε δρόμους του Αμαρουσίου"],
  ["Συναυλία της φιλαρμονικής του δήμου Αμαρουσίου το Σάββατο", "Θεατρική παράσταση του δήμου Αμαρουσίου το Σάββατο"],
];
const scores = (pairs: [string, string][]) => pairs.map(([a, b]) => jaccard(titleWords(a), titleWords(b)));
const pos = scores(same);
const neg = scores(different);
const at = (threshold: number) => {
  const tp = pos.filter((s) => s >= threshold).length;
  const fp = neg.filter((s) => s >= threshold).length;
  return { threshold, precision: tp + fp ? tp / (tp + fp) : 1, recall: tp / pos.length };
};
const thresholds = [0.3, 0.4, 0.5, 0.6, 0.7].map(at);

console.log(`| what | value |\n|---|---|`);
console.log(`| feeds × items | ${FEEDS} × ${ITEMS} (half new, a tenth matching) |`);
console.log(`| one run (collect) | ${ms.toFixed(0)} ms |`);
console.log(`| fetched / failed | ${run.fetched} / ${run.failed} |`);
console.log(`| proposed / near duplicates | ${run.proposed} / ${run.duplicates} |`);
console.log(
  `| RSS after / growth in the run | ${(memory.rss / 2 ** 20).toFixed(0)} MB / ${((memory.rss - rssBefore) / 2 ** 20).toFixed(0)} MB |`,
);
console.log(`| heap used | ${(memory.heapUsed / 2 ** 20).toFixed(0)} MB |`);
console.log(`\n| threshold | precision | recall |\n|---|---|---|`);
for (const r of thresholds)
  console.log(
    `| ${r.threshold}${r.threshold === NEAR_DUPLICATE_THRESHOLD ? " (used)" : ""} | ${r.precision.toFixed(2)} | ${r.recall.toFixed(2)} |`,
  );
console.log(
  JSON.stringify({
    feeds: FEEDS,
    items: ITEMS,
    runMs: Math.round(ms),
    proposed: run.proposed,
    duplicates: run.duplicates,
    rssMb: Math.round(memory.rss / 2 ** 20),
    nearDuplicates: thresholds,
  }),
);
await db.close();
await server.stop();
