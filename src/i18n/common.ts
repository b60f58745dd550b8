// Greek (the default) and English texts; en has the same keys and argument lists as el (the type checks it).
import type { Widen } from "./widen.js";

export const el = {
  common: {
    noPermission: (role: string) =>
      `Λυπούμαστε, αυτή η ενέργεια χρειάζεται τον ρόλο «${role}». Ζητήστε τον από έναν διαχειριστή του Γραφείου.`,
    unexpectedError: "Κάτι πήγε στραβά και η ενέργεια δεν ολοκληρώθηκε. Δεν χάθηκε τίποτα· δοκιμάστε ξανά σε λίγο.",
    roleNames: { admin: "διαχειριστής", manager: "προϊστάμενος", staff: "προσωπικό", reader: "αναγνώστης" },
    outOfDate: "Αυτό το μήνυμα δεν είναι πια επίκαιρο και δεν άλλαξε τίποτα. Ζητήστε το ξανά από την αρχή.",
    formSaving: "Αποθηκεύεται… Θα δείτε εδώ και θα λάβετε την επιβεβαίωση μόλις ολοκληρωθεί· μην το υποβάλετε ξανά.",
    formSaved: "Αποθηκεύτηκε.",
    close: "Κλείσιμο",
  },
  channels: {
    // What the admins are told, once per channel, when the bot cannot post in it (channel-access.ts).
    refused: (channel: string, use: string, why: string, advice: string) =>
      `:warning: Το Grafeio δεν μπορεί να γράψει στο κανάλι ${channel} (${use}): ${why}. ${advice} ` +
      "Μέχρι τότε ό,τι είναι για εκεί δεν αναρτάται. Δεν θα το ξαναπώ για αυτό το κανάλι, εκτός αν ξανασυμβεί αφού δουλέψει.",
    uses: {
      pr: "το κανάλι του Γραφείου Επικοινωνίας, PR_CHANNEL_ID",
      intl: "το κανάλι των Διεθνών Σχέσεων, INTL_CHANNEL_ID",
      admin: "το κανάλι των διαχειριστών, ADMIN_CHANNEL_ID",
      job: (job: string) => `το κανάλι της εργασίας ${job}`,
      department: (name: string) => `το κανάλι της υπηρεσίας «${name}»`,
      watch: (term: string) => `οι ειδοποιήσεις για «${term}»`,
      other: "μηνύματα του Grafeio",
    },
    reasons: {
      private: "είναι ιδιωτικό κανάλι, και σε ιδιωτικό κανάλι το bot μπαίνει μόνο με πρόσκληση",
      notFound: "το Slack δεν του δείχνει το κανάλι (ιδιωτικό κανάλι στο οποίο δεν έχει προσκληθεί, ή διαγραμμένο)",
      archived: "το κανάλι είναι αρχειοθετημένο",
      missingScope: "η εφαρμογή δεν έχει ακόμη την άδεια channels:join",
      other: (code: string) => `το Slack απάντησε «${code}»`,
    },
    advice: {
      invite: "Προσκαλέστε το: γράψτε `/invite @Grafeio` μέσα στο κανάλι.",
      archived: "Επαναφέρετε το κανάλι από το αρχείο ή ορίστε άλλο κανάλι.",
      reinstall:
        "Προσκαλέστε το (`/invite @Grafeio` μέσα στο κανάλι) ή εγκαταστήστε ξανά την εφαρμογή από το manifest.yml, ώστε να μπαίνει μόνο του.",
    },
  },
} as const;

export const en: Widen<typeof el> = {
  common: {
    noPermission: (role: string) =>
      `Sorry, this needs the “${role}” role. Ask one of the office's administrators for it.`,
    unexpectedError: "Something went wrong and this was not completed. Nothing was lost; please try again shortly.",
    roleNames: { admin: "administrator", manager: "manager", staff: "staff", reader: "reader" },
    outOfDate: "This message is out of date, and nothing was changed. Please start again.",
    formSaving: "Saving… You will see it here and get the confirmation once it is done; no need to submit it again.",
    formSaved: "Saved.",
    close: "Close",
  },
  channels: {
    refused: (channel: string, use: string, why: string, advice: string) =>
      `:warning: Grafeio cannot post in ${channel} (${use}): ${why}. ${advice} ` +
      "Until then, what is meant for it is not posted. I will not say this again for this channel unless it happens again after the channel has worked.",
    uses: {
      pr: "the PR office's channel, PR_CHANNEL_ID",
      intl: "the International Relations office's channel, INTL_CHANNEL_ID",
      admin: "the admins' channel, ADMIN_CHANNEL_ID",
      job: (job: string) => `the channel of the job ${job}`,
      department: (name: string) => `the channel of the department “${name}”`,
      watch: (term: string) => `the alerts for “${term}”`,
      other: "Grafeio's messages",
    },
    reasons: {
      private: "it is a private channel, and the bot joins a private channel only when invited",
      notFound: "Slack does not show it the channel (a private channel it was not invited to, or a deleted one)",
      archived: "the channel is archived",
      missingScope: "the app does not have the channels:join permission yet",
      other: (code: string) => `Slack answered “${code}”`,
    },
    advice: {
      invite: "Invite it: type `/invite @Grafeio` in that channel.",
      archived: "Unarchive the channel or choose another one.",
      reinstall:
        "Invite it (`/invite @Grafeio` in that channel), or reinstall the app from manifest.yml so that it can join by itself.",
    },
  },
};
