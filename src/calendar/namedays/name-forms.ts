// How a name is compared: «ΓΕΩΡΓΙΟΣ», «Γεώργιος» and «γεωργιος» are one name; «Giorgos» and
// «Γιώργος» share a Latin skeleton. The skeleton mirrors the database's grafeio_phonetic(), which
// the clippings and contacts searches use, so a name matches the same way everywhere.
import { foldGreek } from "../../lib/text.js";

export const foldName = foldGreek;

const LATIN_DIGRAPHS: [string, string][] = [
  ["th", "θ"],
  ["ch", "χ"],
  ["ps", "ψ"],
  ["ks", "ξ"],
  ["ph", "φ"],
  ["ou", "ου"],
  ["mp", "μπ"],
  ["nt", "ντ"],
  ["ai", "αι"],
  ["ei", "ει"],
  ["oi", "οι"],
];
const GREEK_DIGRAPHS: [string, string][] = [
  ["ου", "u"],
  ["αι", "e"],
  ["ει", "i"],
  ["οι", "i"],
  ["υι", "i"],
  ["μπ", "v"],
  ["ντ", "d"],
  ["γκ", "g"],
  ["γγ", "g"],
  ["τσ", "ts"],
  ["τζ", "tz"],
  ["θ", "th"],
  ["ξ", "ks"],
  ["ψ", "ps"],
  ["χ", "x"],
  ["b", "v"],
];
const FROM = "αβγδεζηικλμνοπρστυφωςhjcqwy";
const TO = "avgdeziiklmnoprstifosxzkkoi";

/** The Latin-letter skeleton of a word in Greek or Greeklish (same as SQL grafeio_phonetic). */
export function phoneticSkeleton(text: string): string {
  let s = text
    .toLowerCase()
    .replace(/[ϋΰ]/g, "y")
    .replace(/[ϊΐ]/g, "i")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase();
  for (const [from, to] of [...LATIN_DIGRAPHS, ...GREEK_DIGRAPHS]) s = s.split(from).join(to);
  let out = "";
  for (const ch of s) {
    const i = FROM.indexOf(ch);
    out += i >= 0 ? TO[i] : ch;
  }
  return out;
}
