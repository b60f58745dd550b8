// How a name is compared: «ΓΕΩΡΓΙΟΣ», «Γεώργιος» and «γεωργιος» are one name; «Giorgos» and
// «Γιώργος» share a Latin skeleton. The skeleton is the one every search uses (src/lib/greeklish.ts,
// and the database's grafeio_phonetic()), so a name matches the same way everywhere.
import { greeklishSkeleton } from "../../lib/greeklish.js";
import { foldGreek } from "../../lib/text.js";

export const foldName = foldGreek;

/** The Latin-letter skeleton of a word in Greek or Greeklish (same as SQL grafeio_phonetic). */
export const phoneticSkeleton: (text: string) => string = greeklishSkeleton;
