// The order of officials at an event, for seating and for speeches. Pure: the precedence table is
// data (precedence_ranks); a guest's rank is that of the longest office in the table their own
// office starts with («Υπουργός Εσωτερικών» → «Υπουργός»), compared without accents or case.
import { foldGreek } from "../../lib/text.js";

export interface RankRow {
  office: string;
  rank: number;
}

export interface GuestRow {
  id: number;
  name: string;
  office: string;
  tieDate: Date | null;
  position: number | null;
  overrideReason: string | null;
}

export interface OrderedGuest extends GuestRow {
  rank: number | null;
  /** Where the table put them before any hand-set place. */
  byTable: number;
}

export function rankOf(office: string, table: RankRow[]): number | null {
  const folded = foldGreek(office);
  let best: RankRow | undefined;
  for (const row of table) {
    const key = foldGreek(row.office);
    if ((folded === key || folded.startsWith(`${key} `)) && (!best || key.length > foldGreek(best.office).length))
      best = row;
  }
  return best?.rank ?? null;
}

/**
 * Ranked guests by rank, ties by their date (earlier first), then by name; unranked ones after
 * them, flagged for staff to place. A guest placed by hand takes that place (1-based); the others
 * keep their order around them.
 */
export function orderGuests(guests: GuestRow[], table: RankRow[]): OrderedGuest[] {
  const withRank = guests.map((g) => ({ ...g, rank: rankOf(g.office, table), byTable: 0 }));
  const sorted = [...withRank].sort((a, b) => {
    if (a.rank === null || b.rank === null)
      return a.rank === b.rank ? a.name.localeCompare(b.name, "el") : a.rank === null ? 1 : -1;
    if (a.rank !== b.rank) return a.rank - b.rank;
    const [da, db] = [
      a.tieDate?.getTime() ?? Number.POSITIVE_INFINITY,
      b.tieDate?.getTime() ?? Number.POSITIVE_INFINITY,
    ];
    return da !== db ? da - db : a.name.localeCompare(b.name, "el");
  });
  sorted.forEach((g, i) => {
    g.byTable = i + 1;
  });
  const placed = sorted.filter((g) => g.position !== null).sort((a, b) => (a.position ?? 0) - (b.position ?? 0));
  const result = sorted.filter((g) => g.position === null);
  for (const g of placed) result.splice(Math.min(Math.max((g.position ?? 1) - 1, 0), result.length), 0, g);
  return result;
}
