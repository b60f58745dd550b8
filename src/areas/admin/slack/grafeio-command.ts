// `/grafeio`, the office's settings: a table of sub-commands, each with who may use it, its line of
// the help, and what it does. The parser (../parse-grafeio-command.ts) reads the text; the service
// checks the actor's role and does the work; the views write the answer.
import type { App } from "@slack/bolt";
import { HALF_DAY_CLOSES_AT } from "../../../calendar/working-days.js";
import type { Messages } from "../../../i18n/index.js";
import { onCommand, type SlackKit, type UserView, userView } from "../../../slack/listener.js";
import { escapeMrkdwn, truncate } from "../../../slack/mrkdwn.js";
import type { CommandInfo } from "../../area.js";
import { type GrafeioCommand, type GrafeioProblem, parseGrafeioCommand } from "../parse-grafeio-command.js";
import type { AdminService, Refused } from "../service.js";
import {
  categoriesText,
  dayText,
  departmentChannelText,
  departmentsText,
  type HelpEntry,
  helpText,
  jobChannelText,
  jobsText,
  labourDayText,
  precedenceText,
  remindersText,
  roleHoldersText,
  synonymsText,
  topicsText,
  watchTermsText,
} from "./grafeio-views.js";

type Kind = GrafeioCommand["kind"];
type CommandOf<K extends Kind> = Extract<GrafeioCommand, { kind: K }>;

export interface SubCommandContext {
  user: UserView;
  t: Messages;
  service: AdminService;
  timeZone: string;
  /** The answer to a use case the actor's role does not allow. */
  refuse(refusal: Refused): string;
  /** A user's texts in their language as it is now (after they changed it). */
  messagesFor(userId: string): Promise<Messages>;
}

export interface SubCommand<K extends Kind> extends HelpEntry {
  /** Returns the answer, in mrkdwn. */
  handle(context: SubCommandContext, command: CommandOf<K>): Promise<string>;
}

export type SubCommandTable = { readonly [K in Kind]: SubCommand<K> };

/** A misused sub-command: what was wrong, and its own usage line. */
function problemText(t: Messages, problem: GrafeioProblem): string {
  const word = escapeMrkdwn(truncate(problem.word, 60));
  const usage = t.admin.helpLines[problem.verb];
  return problem.kind === "notAMention" ? t.admin.notAMention(word, usage) : t.admin.notARole(word, usage);
}

const isRefused = (outcome: { status: string }): outcome is Refused => outcome.status === "refused";

/**
 * Anyone may ask for the help and set their own language; the office's lists take staff, and
 * changing the office's settings the role the service checks.
 */
export function subCommands(commands: () => readonly CommandInfo[]): SubCommandTable {
  const table: SubCommandTable = {
    help: {
      audience: "anyone",
      line: (t) => t.admin.helpLines.help,
      handle: async ({ t }, { problem }) =>
        problem ? problemText(t, problem) : helpText(t, helpEntries(table), commands()),
    },
    lang: {
      audience: "anyone",
      line: (t) => t.admin.helpLines.lang,
      async handle({ user, t, service, refuse, messagesFor }, { userId, locale }) {
        const target = userId ?? user.userId;
        const outcome = await service.setLanguage(user.userId, target, locale);
        if (isRefused(outcome)) return refuse(outcome);
        const shown = locale ? t.admin.languageNames[locale] : "Slack";
        // Users who change their own language get the answer in the new one.
        const answer = target === user.userId ? await messagesFor(target) : t;
        return answer.admin.languageSet(`<@${target}>`, shown);
      },
    },
    roles: {
      audience: "admin",
      line: (t) => t.admin.helpLines.roles,
      async handle({ user, t, service, refuse }) {
        const outcome = await service.roleHolders(user.userId);
        return isRefused(outcome) ? refuse(outcome) : roleHoldersText(t, outcome.holders);
      },
    },
    grant: {
      audience: "admin",
      line: (t) => t.admin.helpLines.grant,
      async handle({ user, t, service, refuse }, { userId, role }) {
        const outcome = await service.grantRole(user.userId, userId, role);
        return isRefused(outcome) ? refuse(outcome) : t.admin.granted(`<@${userId}>`, t.common.roleNames[role]);
      },
    },
    revoke: {
      audience: "admin",
      line: (t) => t.admin.helpLines.revoke,
      async handle({ user, t, service, refuse }, { userId, role }) {
        const outcome = await service.revokeRole(user.userId, userId, role);
        if (isRefused(outcome)) return refuse(outcome);
        return outcome.status === "last_admin"
          ? t.admin.lastAdmin
          : t.admin.revoked(`<@${userId}>`, t.common.roleNames[role]);
      },
    },
    topics: {
      audience: "staff",
      line: (t) => t.admin.helpLines.topics,
      async handle({ user, t, service, refuse }) {
        const outcome = await service.topics(user.userId);
        return isRefused(outcome) ? refuse(outcome) : topicsText(t, user.locale, outcome.topics);
      },
    },
    topicAdd: {
      audience: "manager",
      line: (t) => t.admin.helpLines.topicAdd,
      async handle({ user, t, service, refuse }, { nameEl, nameEn }) {
        const outcome = await service.addTopic(user.userId, { nameEl, nameEn });
        if (isRefused(outcome)) return refuse(outcome);
        const name = escapeMrkdwn(user.locale === "en" ? outcome.topic.nameEn : outcome.topic.nameEl);
        return outcome.status === "created" ? t.admin.topicAdded(name) : t.admin.topicExists(name);
      },
    },
    departments: {
      audience: "staff",
      line: (t) => t.admin.helpLines.departments,
      async handle({ user, t, service, refuse }) {
        const outcome = await service.departments(user.userId);
        return isRefused(outcome) ? refuse(outcome) : departmentsText(t, user.locale, outcome.departments);
      },
    },
    departmentChannel: {
      audience: "admin",
      line: (t) => t.admin.helpLines.departmentChannel,
      async handle({ user, t, service, refuse }, { slug, channelId }) {
        const outcome = await service.setDepartmentChannel(user.userId, slug, channelId);
        if (isRefused(outcome)) return refuse(outcome);
        if (outcome.status === "unknown") return t.alerts.departmentUnknown(escapeMrkdwn(slug));
        return departmentChannelText(t, user.locale, outcome.department, channelId);
      },
    },
    watchList: {
      audience: "staff",
      line: (t) => t.admin.helpLines.watchList,
      async handle({ user, t, service, refuse }) {
        const outcome = await service.watchTerms(user.userId);
        return isRefused(outcome) ? refuse(outcome) : watchTermsText(t, outcome.terms);
      },
    },
    watchAdd: {
      audience: "manager",
      line: (t) => t.admin.helpLines.watchAdd,
      async handle({ user, t, service, refuse }, { term, channelId }) {
        const outcome = await service.addWatchTerm(user.userId, term, channelId);
        return isRefused(outcome) ? refuse(outcome) : t.alerts.watchAdded(escapeMrkdwn(term), `<#${channelId}>`);
      },
    },
    watchRemove: {
      audience: "manager",
      line: (t) => t.admin.helpLines.watchRemove,
      async handle({ user, t, service, refuse }, { term }) {
        const outcome = await service.removeWatchTerm(user.userId, term);
        if (isRefused(outcome)) return refuse(outcome);
        return outcome.status === "removed"
          ? t.alerts.watchRemoved(escapeMrkdwn(term))
          : t.alerts.watchUnknown(escapeMrkdwn(term));
      },
    },
    jobs: {
      audience: "admin",
      line: (t) => t.admin.helpLines.jobs,
      async handle({ user, t, service, refuse, timeZone }) {
        const outcome = await service.jobs(user.userId);
        return isRefused(outcome) ? refuse(outcome) : jobsText(t, user.locale, outcome.jobs, timeZone);
      },
    },
    jobEnable: {
      audience: "admin",
      line: (t) => t.admin.helpLines.jobEnable,
      async handle({ user, t, service, refuse }, { name, enabled }) {
        const outcome = await service.setJob(user.userId, name, { enabled });
        if (isRefused(outcome)) return refuse(outcome);
        return outcome.status === "unknown"
          ? t.admin.unknownJob(escapeMrkdwn(name))
          : t.admin.jobEnabled(name, enabled);
      },
    },
    jobChannel: {
      audience: "admin",
      line: (t) => t.admin.helpLines.jobChannel,
      async handle({ user, t, service, refuse }, { name, channelId }) {
        const outcome = await service.setJob(user.userId, name, { channelId });
        if (isRefused(outcome)) return refuse(outcome);
        return outcome.status === "unknown"
          ? t.admin.unknownJob(escapeMrkdwn(name))
          : jobChannelText(t, name, channelId);
      },
    },
    jobTime: {
      audience: "admin",
      line: (t) => t.admin.helpLines.jobTime,
      async handle({ user, t, service, refuse }, { name, time }) {
        const outcome = await service.setJobTime(user.userId, name, time);
        if (isRefused(outcome)) return refuse(outcome);
        if (outcome.status === "unknown") return t.admin.unknownJob(escapeMrkdwn(name));
        if (outcome.status === "bad_time") return t.admin.badTime(escapeMrkdwn(time ?? ""));
        // A time after work stops on a half day: on 24 and 31 December it posts to a closed office.
        const afternoon = time !== null && time >= HALF_DAY_CLOSES_AT ? t.admin.afterHalfDay(HALF_DAY_CLOSES_AT) : "";
        return t.admin.jobTime(name, outcome.schedule) + afternoon;
      },
    },
    calendarShow: {
      audience: "staff",
      line: (t) => t.admin.helpLines.calendarShow,
      async handle({ user, t, service, refuse }, { date }) {
        const outcome = await service.day(user.userId, date, user.locale);
        return isRefused(outcome) ? refuse(outcome) : dayText(t, outcome.day);
      },
    },
    calendarSet: {
      audience: "admin",
      line: (t) => t.admin.helpLines.calendarSet,
      async handle({ user, t, service, refuse }, { date, day, name }) {
        const outcome = await service.correctDay(user.userId, { date, day, name }, user.locale);
        return isRefused(outcome) ? refuse(outcome) : dayText(t, outcome.day);
      },
    },
    calendarClear: {
      audience: "admin",
      line: (t) => t.admin.helpLines.calendarClear,
      async handle({ user, t, service, refuse }, { date }) {
        const outcome = await service.correctDay(user.userId, { date, clear: true }, user.locale);
        return isRefused(outcome) ? refuse(outcome) : dayText(t, outcome.day);
      },
    },
    labourDayShow: {
      audience: "staff",
      line: (t) => t.admin.helpLines.labourDayShow,
      async handle({ user, t, service, refuse }, { year }) {
        const outcome = await service.labourDay(user.userId, year, user.locale);
        return isRefused(outcome) ? refuse(outcome) : labourDayText(t, year, outcome.labour);
      },
    },
    labourDayDecide: {
      audience: "admin",
      line: (t) => t.admin.helpLines.labourDayDecide,
      async handle({ user, t, service, refuse }, { year, decision }) {
        const outcome = await service.decideLabourDay(user.userId, year, decision, user.locale);
        return isRefused(outcome) ? refuse(outcome) : labourDayText(t, year, outcome.labour);
      },
    },
    categories: {
      audience: "staff",
      line: (t) => t.admin.helpLines.categories,
      async handle({ user, t, service, refuse }) {
        const outcome = await service.categories(user.userId);
        return isRefused(outcome) ? refuse(outcome) : categoriesText(t, user.locale, outcome.categories);
      },
    },
    categoryAdd: {
      audience: "manager",
      line: (t) => t.admin.helpLines.categoryAdd,
      async handle({ user, t, service, refuse }, { slug, nameEl, nameEn }) {
        const outcome = await service.addCategory(user.userId, { slug, nameEl, nameEn });
        if (isRefused(outcome)) return refuse(outcome);
        const name = escapeMrkdwn(user.locale === "en" ? nameEn : nameEl);
        return outcome.status === "created" ? t.admin.categoryAdded(name) : t.admin.categoryExists(slug);
      },
    },
    reminders: {
      audience: "staff",
      line: (t) => t.admin.helpLines.reminders,
      async handle({ user, t, service, refuse }) {
        const outcome = await service.reminders(user.userId);
        return isRefused(outcome) ? refuse(outcome) : remindersText(t, outcome.reminders);
      },
    },
    reminderAdd: {
      audience: "admin",
      line: (t) => t.admin.helpLines.reminderAdd,
      async handle({ user, t, service, refuse }, { reminder, date, leadDays, name }) {
        const outcome = await service.addReminder(user.userId, { choice: reminder, dateKey: date, leadDays, name });
        if (isRefused(outcome)) return refuse(outcome);
        return t.admin.reminderAdded(outcome.reminder.id, escapeMrkdwn(outcome.reminder.name));
      },
    },
    reminderLead: {
      audience: "admin",
      line: (t) => t.admin.helpLines.reminderLead,
      async handle({ user, t, service, refuse }, { id, leadDays }) {
        const outcome = await service.setReminderLead(user.userId, id, leadDays);
        if (isRefused(outcome)) return refuse(outcome);
        return outcome.status === "changed" ? t.admin.reminderChanged(id) : t.admin.unknownReminder(id);
      },
    },
    reminderRemove: {
      audience: "admin",
      line: (t) => t.admin.helpLines.reminderRemove,
      async handle({ user, t, service, refuse }, { id }) {
        const outcome = await service.removeReminder(user.userId, id);
        if (isRefused(outcome)) return refuse(outcome);
        return outcome.status === "changed" ? t.admin.reminderChanged(id) : t.admin.unknownReminder(id);
      },
    },
    precedence: {
      audience: "staff",
      line: (t) => t.admin.helpLines.precedence,
      async handle({ user, t, service, refuse }) {
        const outcome = await service.precedence(user.userId);
        return isRefused(outcome) ? refuse(outcome) : precedenceText(t, outcome.ranks);
      },
    },
    precedenceAdd: {
      audience: "manager",
      line: (t) => t.admin.helpLines.precedenceAdd,
      async handle({ user, t, service, refuse }, { office, rank }) {
        const outcome = await service.addRank(user.userId, office, rank);
        if (isRefused(outcome)) return refuse(outcome);
        return t.admin.precedenceAdded(outcome.row.id, escapeMrkdwn(outcome.row.office), outcome.row.rank);
      },
    },
    precedenceRemove: {
      audience: "manager",
      line: (t) => t.admin.helpLines.precedenceRemove,
      async handle({ user, t, service, refuse }, { id }) {
        const outcome = await service.removeRank(user.userId, id);
        if (isRefused(outcome)) return refuse(outcome);
        return outcome.status === "removed" ? t.admin.precedenceRemoved(id) : t.admin.unknownReminder(id);
      },
    },
    synonyms: {
      audience: "staff",
      line: (t) => t.admin.helpLines.synonyms,
      async handle({ user, t, service, refuse }) {
        const outcome = await service.synonyms(user.userId);
        return isRefused(outcome) ? refuse(outcome) : synonymsText(t, outcome.synonyms);
      },
    },
    synonymAdd: {
      audience: "manager",
      line: (t) => t.admin.helpLines.synonymAdd,
      async handle({ user, t, service, refuse }, { term, synonym }) {
        const outcome = await service.addSynonym(user.userId, term, synonym);
        if (isRefused(outcome)) return refuse(outcome);
        const { id, term: a, synonym: b } = outcome.row;
        return outcome.status === "added"
          ? t.admin.synonymAdded(id, escapeMrkdwn(a), escapeMrkdwn(b))
          : t.admin.synonymExists(id, escapeMrkdwn(a), escapeMrkdwn(b));
      },
    },
    synonymRemove: {
      audience: "manager",
      line: (t) => t.admin.helpLines.synonymRemove,
      async handle({ user, t, service, refuse }, { id }) {
        const outcome = await service.removeSynonym(user.userId, id);
        if (isRefused(outcome)) return refuse(outcome);
        return outcome.status === "removed" ? t.admin.synonymRemoved(id) : t.admin.unknownSynonym(id);
      },
    },
  };
  return table;
}

/** The table is keyed by kind: the entry of a command's kind takes exactly that command. */
function runSubCommand<K extends Kind>(
  table: SubCommandTable,
  context: SubCommandContext,
  command: CommandOf<K> & { kind: K },
): Promise<string> {
  const entry: SubCommand<K> = table[command.kind];
  return entry.handle(context, command);
}

/** The help's lines, in the table's order. */
export function helpEntries(table: SubCommandTable): HelpEntry[] {
  return Object.values(table);
}

export interface GrafeioCommandDeps {
  kit: SlackKit;
  service: AdminService;
  timeZone: string;
  /** Every area's commands, for the help (filled in once every area is built). */
  commands: () => readonly CommandInfo[];
}

export function registerGrafeioCommand(app: App, deps: GrafeioCommandDeps): void {
  const { kit, service, timeZone } = deps;
  const table = subCommands(deps.commands);
  // Anyone may type /grafeio (their own language, the help, before an admin gives them a role);
  // each sub-command's role, reading the office's lists included, is checked by the service.
  onCommand(app, kit, {
    name: "/grafeio",
    role: "anyone",
    help: (t) => helpText(t, helpEntries(table), deps.commands()),
    async handle({ user, text, reply }) {
      const command = parseGrafeioCommand(text);
      const refuse = (refusal: Refused) => {
        kit.logger.info({ user: user.userId, role: refusal.needed, command: command.kind }, "refused: missing role");
        return user.t.common.noPermission(user.t.common.roleNames[refusal.needed]);
      };
      const messagesFor = async (userId: string) => (await userView(kit, userId)).t;
      const context: SubCommandContext = { user, t: user.t, service, timeZone, refuse, messagesFor };
      await reply(await runSubCommand(table, context, command));
    },
  });
}
