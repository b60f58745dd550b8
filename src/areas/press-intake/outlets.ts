// The outlet an article's host is: a table of Greek outlets' hosts, which the office extends
// (`/grafeio feed outlet add <host> <name>`, the press_outlets table). A host not in either is
// named by itself (without `www.`).

export const GREEK_OUTLETS: Readonly<Record<string, string>> = {
  "kathimerini.gr": "Καθημερινή",
  "ekathimerini.com": "eKathimerini",
  "protothema.gr": "Πρώτο Θέμα",
  "ert.gr": "ΕΡΤ",
  "ertnews.gr": "ΕΡΤnews",
  "in.gr": "in.gr",
  "naftemporiki.gr": "Ναυτεμπορική",
  "tanea.gr": "ΤΑ ΝΕΑ",
  "tovima.gr": "ΤΟ ΒΗΜΑ",
  "efsyn.gr": "Εφημερίδα των Συντακτών",
  "iefimerida.gr": "iefimerida",
  "cnn.gr": "CNN Greece",
  "skai.gr": "ΣΚΑΪ",
  "newsit.gr": "Newsit",
  "news247.gr": "News 24/7",
  "ethnos.gr": "Έθνος",
  "avgi.gr": "Η Αυγή",
  "rizospastis.gr": "Ριζοσπάστης",
  "902.gr": "902.gr",
  "documentonews.gr": "Documento",
  "liberal.gr": "Liberal",
  "capital.gr": "Capital.gr",
  "euro2day.gr": "euro2day",
  "newsbomb.gr": "Newsbomb",
  "zougla.gr": "Zougla",
  "enikos.gr": "enikos",
  "lifo.gr": "LiFO",
  "athensvoice.gr": "Athens Voice",
  "megatv.com": "MEGA",
  "antenna.gr": "ANT1",
  "ant1news.gr": "ANT1 News",
  "alphatv.gr": "Alpha",
  "open-tv.gr": "OPEN",
  "star.gr": "Star",
  "amna.gr": "ΑΠΕ-ΜΠΕ",
  "ertopen.com": "ΕΡΤ Open",
  "dnews.gr": "Dnews",
  "reader.gr": "Reader",
  "pronews.gr": "Pronews",
  "parapolitika.gr": "Παραπολιτικά",
  "real.gr": "Real News",
  "vradini.gr": "Βραδυνή",
  "eleftherostypos.gr": "Ελεύθερος Τύπος",
  "dimokratia.gr": "Δημοκρατία",
  "politischios.gr": "Πολίτης Χίου",
  "aftodioikisi.gr": "Αυτοδιοίκηση",
  "localit.gr": "Localit",
};

/** The host as the table keys it: lower case, no `www.`, `m.` or `amp.`. */
export function outletHost(host: string): string {
  return host.toLowerCase().replace(/^(www|m|mobile|amp)\./, "");
}

/**
 * The outlet of an article's host: the office's own entries first, then the built-in table, a
 * sub-domain taking its parent's entry (`news.ert.gr` → ΕΡΤ); else the host itself.
 */
export function outletOf(host: string, extra: Readonly<Record<string, string>> = {}): string {
  const bare = outletHost(host);
  const parts = bare.split(".");
  for (let i = 0; i < parts.length - 1; i++) {
    const candidate = parts.slice(i).join(".");
    const name = extra[candidate] ?? GREEK_OUTLETS[candidate];
    if (name) return name;
  }
  return bare;
}

/**
 * The outlet of a feed's item: its article's host, from the table; but an aggregator's link that
 * could not be unwrapped (a Google News token) is named after the source the item gives.
 */
export function outletOfItem(
  url: URL,
  source: { name: string; host: string | null } | undefined,
  extra: Readonly<Record<string, string>> = {},
): string {
  const aggregator = /(^|\.)news\.google\.com$/i.test(url.hostname);
  if (aggregator && source?.host) return outletOf(source.host, extra);
  if (aggregator && source?.name) return source.name;
  return outletOf(url.hostname, extra);
}
