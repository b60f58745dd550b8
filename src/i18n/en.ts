import type { Messages } from "./el.js";

export const en: Messages = {
  common: {
    noPermission: (role: string) =>
      `Sorry, this needs the “${role}” role. Ask one of the office's administrators for it.`,
    unexpectedError: "Something went wrong and this was not completed. Nothing was lost; please try again shortly.",
    roleNames: { admin: "administrator", manager: "manager", staff: "staff" },
  },
  clip: {
    modalTitle: "Log a press clipping",
    submit: "Log it",
    close: "Cancel",
    title: "Title",
    titlePlaceholder: "The headline",
    outlet: "Outlet",
    outletPlaceholder: "Newspaper, website, station…",
    url: "Link",
    urlHint: "Required for online clippings.",
    publishedOn: "Publication date",
    medium: "Medium",
    media: { print: "Print", online: "Online", tv: "TV", radio: "Radio", news_agency: "News agency" },
    tone: "Tone",
    tones: { positive: "Positive", neutral: "Neutral", negative: "Negative" },
    topics: "Topics",
    topicsPlaceholder: "Choose topics",
    departments: "Departments concerned",
    departmentsPlaceholder: "Which services it concerns",
    summary: "Short summary",
    scope: "Concerns",
    scopes: { municipality: "The municipality", local_government: "Local government in general" },
    editTitle: "Edit a press clipping",
    edited: (register: string) => `:pencil2: *${register}* was corrected; the changes are recorded.`,
    unchanged: (register: string) => `*${register}* did not change.`,
    notYours: "Only the person who logged it, or a manager, can change it.",
    notFound: "That clipping was not found.",
    alreadyWithdrawn: (register: string) => `*${register}* has already been withdrawn.`,
    withdrawTitle: "Withdraw a clipping",
    withdrawSubmit: "Withdraw",
    withdrawIntro: (register: string, title: string) =>
      `*${register}* “${title}” will be marked as withdrawn. Its number stays in the register.`,
    withdrawReason: "Reason",
    withdrawn: (register: string) => `:wastebasket: *${register}* was withdrawn; its number stays in the register.`,
    withdrawnMark: "withdrawn",
    menuEdit: "Correct",
    menuWithdraw: "Withdraw",
    errors: {
      required: "This field is required.",
      tooLong: (max: number) => `At most ${max} characters.`,
      urlInvalid: "This is not a valid link; write it in full, e.g. https://www.example.com/article.",
      urlRequiredOnline: "An online clipping needs its link.",
      dateInvalid: "This date is not valid.",
      dateFuture: "The publication date cannot be later than today.",
      dateTooOld: "This date is too old (before 1900).",
      unknownTopic: "One of the topics no longer exists; please choose again.",
      unknownDepartment: "One of the departments no longer exists; please choose again.",
    },
    duplicateWarning: (register: string, title: string) =>
      `:warning: This link is already in the register as *${register}* “${title}”. Press “Log it” again to log this one too, or “Cancel”.`,
    duplicateFieldError: (register: string) => `Already logged as ${register}. Press “Log it” again to go on.`,
    saved: (register: string, title: string) => `:white_check_mark: Logged as *${register}*: ${title}`,
    savedFromMessage: (register: string) => `Logged in the press-clippings register as *${register}*.`,
    badCommand: (text: string) =>
      `I did not understand “${text}”. Type \`/clip\` for a new clipping, \`/clip <link>\` to start from a link, or \`/clip search <words>\` to search.`,
  },
  alerts: {
    watchHit: (term: string, line: string) => `:bell: New clipping about “${term}”: ${line}`,
    surgeTotal: (count: number, usual: string) =>
      `:chart_with_upwards_trend: Unusually many clippings today: *${count}* (usually ${usual} a day).`,
    surgeNegative: (count: number) =>
      `:rotating_light: *${count}* negative clippings today. See \`/clip search tone:negative\`.`,
    departmentNotice: (department: string, line: string) => `:newspaper: A clipping concerning ${department}: ${line}`,
    departmentList: "*Departments*",
    departmentChannel: (name: string, channel: string | null) =>
      channel ? `${name} will get notices in ${channel}.` : `${name} no longer gets notices in a channel.`,
    departmentUnknown: (slug: string) => `There is no department “${slug}”. See \`/grafeio departments\`.`,
    watchList: "*Watched terms*",
    watchNone: "No terms are watched yet.",
    watchAdded: (term: string, channel: string) =>
      `I will post in ${channel} about new clippings mentioning “${term}”.`,
    watchRemoved: (term: string) => `“${term}” is no longer watched.`,
    watchUnknown: (term: string) => `“${term}” is not watched.`,
  },
  replies: {
    unassigned: "unassigned",
    dueOn: (date: string) => `due ${date}`,
    overdueSince: (date: string) => `overdue since ${date}`,
    digestTitle: "Replies the municipality owes",
    digestSummary: (open: number, overdue: number) =>
      `*${open}* open${overdue ? `, *${overdue}* of them overdue` : ""}`,
    reminder: (line: string) => `:hourglass_flowing_sand: Reminder: a reply is owed on ${line}`,
    requestTitle: "Municipality's reply",
    requestSubmit: "Assign",
    requestIntro: (register: string, title: string) => `*${register}* “${title}” needs the municipality's reply.`,
    assignee: "Who prepares it",
    due: "Due",
    dueInPast: "The due date cannot be in the past.",
    requested: (register: string, who: string, date: string) =>
      `The reply to *${register}* is assigned to ${who}, due ${date}.`,
    assignedToYou: (register: string, title: string, date: string, by: string) =>
      `:memo: You have been asked to prepare the municipality's reply to *${register}* ${title}, due ${date} (by <@${by}>).`,
    closeTitle: "Close the reply",
    closeSubmit: "Close",
    replyText: "The reply (text or link)",
    closed: (register: string) => `:white_check_mark: The reply to *${register}* is recorded.`,
    notOpen: (register: string) => `*${register}* has no open reply.`,
    menuRequest: "Needs a reply",
    menuClose: "Close the reply",
    openMark: "reply owed",
  },
  export: {
    columns: [
      "Register number",
      "Published on",
      "Title",
      "Outlet",
      "Medium",
      "Tone",
      "Topics",
      "Concerns",
      "Link",
      "Summary",
      "Logged by",
      "Logged at",
      "Status",
    ],
    pdfColumns: ["Register no.", "Date", "Outlet", "Title", "Tone", "Topics"],
    pdfTitle: "Press clippings register",
    pdfPage: (page: number, pages: number) => `Page ${page} of ${pages}`,
    pdfCount: (n: number) => `Total: ${n} clippings`,
    pdfReady: (label: string) => `The register for ${label} as a PDF.`,
    office: "Communication and Public Relations Office",
    sheetName: "Press clippings register",
    badRange:
      "I did not understand the period. Give a month (`/clip export 2026-11` or `11/2026`) or two dates (`/clip export 1/11/2026 15/11/2026`).",
    preparing: (label: string) => `Preparing the register for ${label}…`,
    nothing: (label: string) => `No clippings were published in ${label}.`,
    ready: (count: number, label: string) => `The register for ${label}: ${count} clippings, as CSV and XLSX.`,
    sent: "I have sent you the files in a direct message.",
  },
  search: {
    help: [
      "*Searching the clippings*: `/clip search <words> [filters]`",
      "Accents and capitals do not matter, Greeklish works too: `/clip search dimarxos parko`",
      "Filters: `from:2026-01-01` `to:31/3/2026` `outlet:Kathimerini` `medium:print|online|tv|radio|agency` `tone:positive|neutral|negative` `topic:culture` `sort:relevance`",
      "`/grafeio watch`, `/grafeio watch add <words> #channel`, `/grafeio watch remove <words>`: alerts about clippings (managers)",
      "`/grafeio departments`, `/grafeio department <code> channel #channel|none`: departments and their channels (administrators)",
    ].join("\n"),
    tooLong: (max: number) => `That search is too long; at most ${max} characters.`,
    nothingSearchable: "There are no words to search for. Type words or a filter, e.g. `/clip search park`.",
    badFilter: (filter: string) => `I did not understand the filter “${filter}”. Dates as 2026-03-01 or 1/3/2026.`,
    noResults: (query: string) => `Nothing found for “${query}”.`,
    removeFilters: "Try again without some of the filters.",
    approximate: (query: string) => `Nothing matches “${query}” exactly. The closest:`,
    foundAbout: (total: number, query: string, page: number) =>
      `About *${total.toLocaleString("en-GB")}* results for “${query}” (page ${page})`,
    found: (total: number, query: string, page: number, pages: number) =>
      `*${total}* ${total === 1 ? "result" : "results"} for “${query}” (page ${page} of ${pages})`,
    previous: "◀ Previous",
    next: "Next ▶",
  },
  digest: {
    title: (date: string) => `Morning briefing, ${date}`,
    nothingNew: "Nothing new since the last briefing.",
    late: ":hourglass: Posted late: the bot was offline at its time.",
    more: (n: number) => `…and ${n} more: the full list is in the thread.`,
    continued: (title: string, part: number) => `${title} (continued, ${part})`,
    clippingsTitle: "Press clippings",
    clippingsSummary: (total: number, positive: number, neutral: number, negative: number) =>
      `*${total}* new: ${positive} positive, ${neutral} neutral, ${negative} negative`,
    topics: "Topics",
  },
  jobs: {
    failed: (job: string, when: string, attempts: number, error: string) =>
      `:x: Job *${job}* (${when}) failed after ${attempts} attempts: ${error}`,
  },
  admin: {
    help: [
      "*Grafeio: settings*",
      "`/grafeio lang el|en`: your language",
      "`/grafeio roles`: who has which role (administrators)",
      "`/grafeio grant @user admin|manager|staff`: give a role (administrators)",
      "`/grafeio revoke @user admin|manager|staff`: take a role away (administrators)",
      "`/grafeio lang @user el|en`: a user's language (administrators)",
      "`/grafeio topics`: the clipping topics",
      "`/grafeio topic add Ελληνικά | English`: a new topic (managers)",
      "`/grafeio jobs`: the scheduled jobs (administrators)",
      "`/grafeio job <name> on|off`, `/grafeio job <name> channel #channel|none` (administrators)",
      "`/grafeio calendar 2026-05-01`: working day or holiday?",
      "`/grafeio holiday 2026-05-05 Name`, `/grafeio workday 2026-05-01`, `/grafeio calendar clear 2026-05-01`: correct the holidays (administrators)",
    ].join("\n"),
    topicsList: "*Clipping topics*",
    topicAdded: (name: string) => `Topic “${name}” added.`,
    topicExists: (name: string) => `Topic “${name}” already exists and is available.`,
    jobsList: "*Scheduled jobs*",
    jobLine: (j: {
      name: string;
      description: string;
      enabled: boolean;
      channel: string;
      last: string;
      next: string;
      failures: number;
    }) =>
      `• \`${j.name}\` ${j.enabled ? ":large_green_circle: on" : ":white_circle: off"}: ${j.description}. Channel: ${j.channel}. Last: ${j.last}. Next: ${j.next}. Failures (30 d): ${j.failures}`,
    unknownJob: (name: string) => `There is no job “${name}”. See \`/grafeio jobs\`.`,
    jobEnabled: (name: string, on: boolean) => `Job \`${name}\` is now ${on ? "on" : "off"}.`,
    jobChannel: (name: string, channel: string | null) =>
      channel ? `Job \`${name}\` will post in ${channel}.` : `Job \`${name}\` no longer posts in a channel.`,
    dayInfo: (date: string, working: boolean, holiday: string | undefined, overridden: boolean) =>
      `${date}: ${working ? "a working day" : `not a working day${holiday ? ` (${holiday})` : ""}`}${overridden ? ", as corrected by an administrator" : ""}.`,
    rolesList: "*Roles*",
    noRoles: "Nobody has a role yet.",
    granted: (user: string, role: string) => `${user} now has the “${role}” role.`,
    revoked: (user: string, role: string) => `${user} no longer has the “${role}” role.`,
    lastAdmin: "The last administrator cannot be removed.",
    languageSet: (user: string, lang: string) => `Language for ${user}: ${lang}.`,
    languageNames: { el: "Ελληνικά", en: "English" },
  },
};
