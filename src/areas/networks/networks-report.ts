// The networks' section of the period reports ("meetings attended"): the meetings of networks and
// partners that began in the period, by the managers' decision, with those attended listed, their
// delegates, and the follow-up actions their reports set.
import { defineTexts, icu } from "../../i18n/texts.js";
import { formatDayMonthYear } from "../../lib/clock.js";
import { type ReportSource, type ReportWindow, reportSource } from "../reports/report-source.js";
import type { MeetingView } from "./service.js";

const texts = defineTexts(
  {
    title: "Συναντήσεις δικτύων και φορέων",
    attended: "Συναντήσεις με συμμετοχή",
    declined: "Χωρίς συμμετοχή",
    undecided: "Χωρίς απόφαση",
    reported: "Με αναφορά",
    followUps: "Ενέργειες που ορίστηκαν",
    table: "Συναντήσεις με συμμετοχή",
    columns: ["Ημερομηνία", "Δίκτυο ή φορέας", "Συνάντηση", "Τόπος", "Συμμετέχοντες"],
    online: "διαδικτυακά",
    people: (n: number) => icu("el", "{n, plural, one {# άτομο} other {# άτομα}}", { n }),
    empty: "Καμία συνάντηση αυτή την περίοδο.",
  },
  {
    title: "Network and partner meetings",
    attended: "Meetings attended",
    declined: "Not attended",
    undecided: "Not decided",
    reported: "Reported",
    followUps: "Follow-up actions set",
    table: "Meetings attended",
    columns: ["Date", "Network or partner", "Meeting", "Place", "Attendees"],
    online: "online",
    people: (n) => icu("en", "{n, plural, one {# person} other {# people}}", { n }),
    empty: "No meetings in this period.",
  },
);

export function createNetworksReportSource(networks: {
  meetingsBetween(from: string, to: string): Promise<MeetingView[]>;
}): ReportSource {
  return reportSource({
    id: "networks",
    collect: ({ period }) => networks.meetingsBetween(period.from, period.to),
    describe: describeMeetings,
  });
}

export function describeMeetings(rows: MeetingView[], { locale }: Pick<ReportWindow, "locale">) {
  const x = texts(locale);
  const attended = rows.filter((v) => v.meeting.decision === "attend");
  const count = (id: string, label: string, value: number) => ({ id: `networks.${id}`, label, value });
  return {
    id: "networks",
    title: x.title,
    figures: [
      count("attended", x.attended, attended.length),
      count("declined", x.declined, rows.filter((v) => v.meeting.decision === "decline").length),
      count("undecided", x.undecided, rows.filter((v) => !v.meeting.decision).length),
      count("reported", x.reported, attended.filter((v) => v.meeting.reportedAt).length),
      count(
        "followUps",
        x.followUps,
        attended.reduce((n, v) => n + v.meeting.followUps.length, 0),
      ),
    ],
    tables:
      attended.length > 0
        ? [
            {
              title: x.table,
              columns: [...x.columns],
              rows: attended
                .slice(0, 50)
                .map(({ meeting: m, host }) => [
                  formatDayMonthYear(m.startsOn.toISOString().slice(0, 10)),
                  host,
                  m.title,
                  [m.place ?? "", m.online ? x.online : ""].filter(Boolean).join(", "),
                  x.people(m.attendees.length),
                ]),
            },
          ]
        : [],
    ...(rows.length === 0 ? { empty: x.empty } : {}),
  };
}
