// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import type { Widen } from "./widen.js";

export const el = {
  common: {
    noPermission: (role: string) =>
      `Λυπούμαστε, αυτή η ενέργεια χρειάζεται τον ρόλο «${role}». Ζητήστε τον από έναν διαχειριστή του Γραφείου.`,
    unexpectedError: "Κάτι πήγε στραβά και η ενέργεια δεν ολοκληρώθηκε. Δεν χάθηκε τίποτα· δοκιμάστε ξανά σε λίγο.",
    roleNames: { admin: "διαχειριστής", manager: "προϊστάμενος", staff: "προσωπικό" },
    outOfDate: "Αυτό το μήνυμα δεν είναι πια επίκαιρο και δεν άλλαξε τίποτα. Ζητήστε το ξανά από την αρχή.",
  },
} as const;

export const en: Widen<typeof el> = {
  common: {
    noPermission: (role: string) =>
      `Sorry, this needs the “${role}” role. Ask one of the office's administrators for it.`,
    unexpectedError: "Something went wrong and this was not completed. Nothing was lost; please try again shortly.",
    roleNames: { admin: "administrator", manager: "manager", staff: "staff" },
    outOfDate: "This message is out of date, and nothing was changed. Please start again.",
  },
};
