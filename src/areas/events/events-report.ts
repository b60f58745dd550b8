// The events' section of the period reports: the events starting in the period, held, still to
// come or cancelled, by kind; the attendance expected and the attendance reported in the feedback;
// and the feedback itself (what went well, what to improve) as notable items.
import { defineTexts } from "../../i18n/texts.js";
import { formatDayMonthYear, localDate } from "../../lib/clock.js";
import { type ReportSource, type ReportWindow, reportSource } from "../reports/report-source.js";
import type { EventWithType } from "./store.js";

export interface EventsReportData {
  events: EventWithType[];
  feedback: { eventId: number; attendance: number | null; wentWell: string | null; toImprove: string | null }[];
}

const NOTABLE = 20;
const clip = (s: string, n = 160) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const texts = defineTexts(
  {
    title: "Εκδηλώσεις",
    held: "Πραγματοποιήθηκαν",
    upcoming: "Προγραμματισμένες (δεν έχουν γίνει ακόμη)",
    cancelled: "Ακυρώθηκαν",
    expected: "Αναμενόμενη προσέλευση (σύνολο)",
    attendance: "Προσέλευση κατά την ανατροφοδότηση (σύνολο)",
    withFeedback: "Εκδηλώσεις με ανατροφοδότηση",
    byKind: "Ανά είδος",
    columns: ["Είδος", "Πραγματοποιήθηκαν", "Ακυρώθηκαν", "Προσέλευση"],
    feedbackTitle: "Εκδηλώσεις και ανατροφοδότηση",
    wentWell: "καλά",
    toImprove: "να βελτιωθεί",
    people: "άτομα",
    empty: "Καμία εκδήλωση αυτή την περίοδο.",
  },
  {
    title: "Events",
    held: "Held",
    upcoming: "Scheduled (not yet held)",
    cancelled: "Cancelled",
    expected: "Expected attendance (total)",
    attendance: "Attendance reported in feedback (total)",
    withFeedback: "Events with feedback",
    byKind: "By kind",
    columns: ["Kind", "Held", "Cancelled", "Attendance"],
    feedbackTitle: "Events and their feedback",
    wentWell: "went well",
    toImprove: "to improve",
    people: "people",
    empty: "No events in this period.",
  },
);

export function createEventsReportSource(events: {
  reportData(from: Date, to: Date): Promise<EventsReportData>;
}): ReportSource {
  return reportSource({
    id: "events",
    collect: ({ period }) => events.reportData(period.start, period.end),
    describe: describeEvents,
  });
}

export function describeEvents(data: EventsReportData, window: Pick<ReportWindow, "locale" | "now" | "timeZone">) {
  const { locale, now, timeZone } = window;
  const x = texts(locale);
  const cancelled = data.events.filter((e) => e.status === "cancelled");
  const scheduled = data.events.filter((e) => e.status !== "cancelled");
  const held = scheduled.filter((e) => e.startsAt < now);
  const feedbackOf = new Map<number, EventsReportData["feedback"]>();
  for (const f of data.feedback) feedbackOf.set(f.eventId, [...(feedbackOf.get(f.eventId) ?? []), f]);
  // One person's figure per event: the largest reported, as two people report the same crowd.
  const attendanceOf = (id: number) => {
    const reported = (feedbackOf.get(id) ?? []).flatMap((f) => (f.attendance === null ? [] : [f.attendance]));
    return reported.length ? Math.max(...reported) : null;
  };
  const attendance = held.reduce((sum, e) => sum + (attendanceOf(e.id) ?? 0), 0);
  const kinds = new Map<string, { held: number; cancelled: number; attendance: number }>();
  const kindName = (e: EventWithType) => (locale === "en" ? e.type.nameEn : e.type.nameEl);
  for (const e of data.events) {
    const row = kinds.get(kindName(e)) ?? { held: 0, cancelled: 0, attendance: 0 };
    if (e.status === "cancelled") row.cancelled++;
    else if (e.startsAt < now) {
      row.held++;
      row.attendance += attendanceOf(e.id) ?? 0;
    }
    kinds.set(kindName(e), row);
  }
  const notable = held.map((e) => {
    const parts = [`${formatDayMonthYear(localDate(e.startsAt, timeZone))} · ${e.title}`];
    const count = attendanceOf(e.id);
    if (count !== null) parts.push(`${count} ${x.people}`);
    for (const f of feedbackOf.get(e.id) ?? []) {
      if (f.wentWell) parts.push(`${x.wentWell}: ${clip(f.wentWell)}`);
      if (f.toImprove) parts.push(`${x.toImprove}: ${clip(f.toImprove)}`);
    }
    return parts.join(" · ");
  });
  return {
    id: "events",
    title: x.title,
    figures: [
      { id: "events.held", label: x.held, value: held.length },
      { id: "events.upcoming", label: x.upcoming, value: scheduled.length - held.length },
      { id: "events.cancelled", label: x.cancelled, value: cancelled.length },
      {
        id: "events.expected_attendance",
        label: x.expected,
        value: held.reduce((sum, e) => sum + (e.expectedAttendance ?? 0), 0),
      },
      { id: "events.attendance", label: x.attendance, value: attendance },
      { id: "events.with_feedback", label: x.withFeedback, value: held.filter((e) => feedbackOf.has(e.id)).length },
    ],
    tables: kinds.size
      ? [
          {
            title: x.byKind,
            columns: x.columns,
            rows: [...kinds].map(([name, r]) => [name, String(r.held), String(r.cancelled), String(r.attendance)]),
          },
        ]
      : [],
    ...(notable.length ? { notable: { title: x.feedbackTitle, items: notable.slice(0, NOTABLE) } } : {}),
    ...(data.events.length === 0 ? { empty: x.empty } : {}),
  };
}
