// The reminders' texts, Greek first (the area keeps its catalogue to itself).
import { defineTexts } from "../../i18n/texts.js";

export const reminderTexts = defineTexts(
  {
    putOff: (when: string) => `:alarm_clock: Θα σας το θυμίσω ξανά ${when}.`,
    alreadyPutOff: (when: string) => `:alarm_clock: Το έχετε ήδη αναβάλει: θα σας το θυμίσω ${when}.`,
    back: ":alarm_clock: Η υπενθύμιση που αναβάλατε:",
    jobDescription: (time: string) =>
      `Ξαναστέλνει τις υπενθυμίσεις που αναβλήθηκαν με «Αργότερα», μία φορά η καθεμία (${time}).`,
  },
  {
    putOff: (when: string) => `:alarm_clock: I will remind you again ${when}.`,
    alreadyPutOff: (when: string) => `:alarm_clock: You already put it off: I will remind you ${when}.`,
    back: ":alarm_clock: The reminder you put off:",
    jobDescription: (time: string) => `Gives back the reminders put off with “Later”, once each (${time}).`,
  },
);
