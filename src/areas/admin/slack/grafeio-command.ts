import type { App } from "@slack/bolt";
import { dateOf, parseRuleKey } from "../../../calendar/namedays/nameday-calendar.js";
import { formatDayMonthYear, localDate, localYear } from "../../../lib/clock.js";
import { scheduleAtTime } from "../../../scheduling/cron.js";
import { jobOverview } from "../../../scheduling/overview.js";
import { answerSafely, ensureRole, type HandlerDeps, replyWithRespond, userView } from "../../../slack/listener.js";
import { escapeMrkdwn } from "../../../slack/mrkdwn.js";
import { weekdayAndDate } from "../../office-calendar/describe.js";
import { parseGrafeioCommand } from "../parse-grafeio-command.js";

export function registerGrafeioCommand(app: App, deps: HandlerDeps): void {
  app.command("/grafeio", async ({ ack, command, respond }) => {
    await ack();
    const reply = replyWithRespond(respond);
    await answerSafely(deps, { userId: command.user_id, reply, what: "/grafeio" }, async () => {
      const user = await userView(deps, command.user_id);
      const { t } = user;
      const parsed = parseGrafeioCommand(command.text);
      const roleName = (role: keyof typeof t.common.roleNames) => t.common.roleNames[role];
      const describeDay = async (date: string) => {
        const day = await deps.services.calendar.dayInfo(date, user.locale);
        const holiday = day.holiday ? escapeMrkdwn(day.holiday) : undefined;
        return t.admin.dayInfo(formatDayMonthYear(date), day.working, holiday, day.overridden);
      };
      switch (parsed.kind) {
        case "help":
          await reply(t.admin.help);
          return;
        case "roles": {
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          const holders = await deps.services.roles.listRoleHolders();
          const lines = holders.map((h) => `• <@${h.slackUserId}>: ${h.roles.map(roleName).join(", ")}`);
          await reply([t.admin.rolesList, ...(lines.length ? lines : [t.admin.noRoles])].join("\n"));
          return;
        }
        case "grant":
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          await deps.services.roles.grantRole({
            slackUserId: parsed.userId,
            role: parsed.role,
            grantedBy: user.userId,
          });
          await reply(t.admin.granted(`<@${parsed.userId}>`, roleName(parsed.role)));
          return;
        case "revoke": {
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          const outcome = await deps.services.roles.revokeRole({ slackUserId: parsed.userId, role: parsed.role });
          await reply(
            outcome === "last_admin"
              ? t.admin.lastAdmin
              : t.admin.revoked(`<@${parsed.userId}>`, roleName(parsed.role)),
          );
          return;
        }
        case "topics": {
          const topics = await deps.services.clippings.listActiveTopics();
          const names = topics.map((tp) => `• ${escapeMrkdwn(user.locale === "en" ? tp.nameEn : tp.nameEl)}`);
          await reply([t.admin.topicsList, ...names].join("\n"));
          return;
        }
        case "topicAdd": {
          if (!(await ensureRole(deps, user, "manager", reply))) return;
          const topic = await deps.services.clippings.addTopic({ nameEl: parsed.nameEl, nameEn: parsed.nameEn });
          const name = escapeMrkdwn(user.locale === "en" ? topic.nameEn : topic.nameEl);
          await reply(topic.created ? t.admin.topicAdded(name) : t.admin.topicExists(name));
          return;
        }
        case "departments": {
          const all = await deps.services.clippings.listDepartments();
          const lines = all.map(
            (d) =>
              `• \`${d.slug}\` ${escapeMrkdwn(user.locale === "en" ? d.nameEn : d.nameEl)}${d.channelId ? ` → <#${d.channelId}>` : ""}`,
          );
          await reply([t.alerts.departmentList, ...lines].join("\n"));
          return;
        }
        case "departmentChannel": {
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          const all = await deps.services.clippings.listDepartments();
          const department = all.find((d) => d.slug === parsed.slug);
          if (!department) return void (await reply(t.alerts.departmentUnknown(escapeMrkdwn(parsed.slug))));
          await deps.services.clippings.setDepartmentChannel(parsed.slug, parsed.channelId);
          const name = escapeMrkdwn(user.locale === "en" ? department.nameEn : department.nameEl);
          await reply(t.alerts.departmentChannel(name, parsed.channelId ? `<#${parsed.channelId}>` : null));
          return;
        }
        case "watchList": {
          const terms = await deps.services.clippingAlerts.listWatchTerms();
          const lines = terms.map((w) => `• «${escapeMrkdwn(w.term)}» → <#${w.channelId}>`);
          await reply([t.alerts.watchList, ...(lines.length ? lines : [t.alerts.watchNone])].join("\n"));
          return;
        }
        case "watchAdd": {
          if (!(await ensureRole(deps, user, "manager", reply))) return;
          await deps.services.clippingAlerts.addWatchTerm({
            term: parsed.term,
            channelId: parsed.channelId,
            by: user.userId,
          });
          await reply(t.alerts.watchAdded(escapeMrkdwn(parsed.term), `<#${parsed.channelId}>`));
          return;
        }
        case "watchRemove": {
          if (!(await ensureRole(deps, user, "manager", reply))) return;
          const removed = await deps.services.clippingAlerts.removeWatchTerm(parsed.term);
          await reply(
            removed
              ? t.alerts.watchRemoved(escapeMrkdwn(parsed.term))
              : t.alerts.watchUnknown(escapeMrkdwn(parsed.term)),
          );
          return;
        }
        case "jobs": {
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          const jobs = await jobOverview({
            jobs: deps.jobs,
            store: deps.services.jobRuns,
            now: deps.clock.now(),
            timeZone: deps.timeZone,
          });
          const when = (d?: Date | null) =>
            d
              ? `${formatDayMonthYear(localDate(d, deps.timeZone))} ${d.toLocaleTimeString("el-GR", { timeZone: deps.timeZone, hour: "2-digit", minute: "2-digit", hour12: false })}`
              : "—";
          const lines = jobs.map((j) =>
            t.admin.jobLine({
              name: j.name,
              description: j.description,
              enabled: j.enabled,
              channel: j.channelId ? `<#${j.channelId}>` : "—",
              last: j.last ? `${when(j.last.scheduledFor)} ${j.last.status}` : "—",
              next: when(j.next),
              failures: j.failures30d,
            }),
          );
          await reply([t.admin.jobsList, ...lines].join("\n"));
          return;
        }
        case "jobEnable":
        case "jobChannel": {
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          if (!deps.jobs.some((j) => j.name === parsed.name)) {
            await reply(t.admin.unknownJob(escapeMrkdwn(parsed.name)));
            return;
          }
          const change = parsed.kind === "jobEnable" ? { enabled: parsed.enabled } : { channelId: parsed.channelId };
          await deps.services.jobRuns.updateSetting(
            parsed.name,
            { ...change, updatedBy: user.userId },
            deps.clock.now(),
          );
          await reply(
            parsed.kind === "jobEnable"
              ? t.admin.jobEnabled(parsed.name, parsed.enabled)
              : t.admin.jobChannel(parsed.name, parsed.channelId ? `<#${parsed.channelId}>` : null),
          );
          return;
        }
        case "jobTime": {
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          const job = deps.jobs.find((j) => j.name === parsed.name);
          if (!job) {
            await reply(t.admin.unknownJob(escapeMrkdwn(parsed.name)));
            return;
          }
          const schedule = parsed.time === null ? null : scheduleAtTime(job.schedule, parsed.time);
          if (schedule === undefined) {
            await reply(t.admin.badTime(escapeMrkdwn(parsed.time ?? "")));
            return;
          }
          await deps.services.jobRuns.updateSetting(job.name, { schedule, updatedBy: user.userId }, deps.clock.now());
          await reply(t.admin.jobTime(job.name, schedule ?? job.schedule));
          return;
        }
        case "categories": {
          const categories = await deps.services.contacts.listCategories();
          const lines = categories.map(
            (c) => `• \`${c.slug}\` ${escapeMrkdwn(user.locale === "en" ? c.nameEn : c.nameEl)}`,
          );
          await reply([t.admin.categoriesList, ...lines].join("\n"));
          return;
        }
        case "categoryAdd": {
          if (!(await ensureRole(deps, user, "manager", reply))) return;
          const outcome = await deps.services.contacts.addCategory({
            slug: parsed.slug,
            nameEl: parsed.nameEl,
            nameEn: parsed.nameEn,
          });
          const name = escapeMrkdwn(user.locale === "en" ? parsed.nameEn : parsed.nameEl);
          await reply(outcome === "created" ? t.admin.categoryAdded(name) : t.admin.categoryExists(parsed.slug));
          return;
        }
        case "reminders": {
          const reminders = await deps.services.calendarReminders.active();
          const year = localYear(deps.clock.now(), deps.timeZone);
          const lines = reminders.map((r) => {
            const rule = parseRuleKey(r.dateKey);
            const date = rule ? weekdayAndDate(t, dateOf(rule, year)) : r.dateKey;
            return t.admin.reminderLine(
              r.id,
              t.admin.reminderKinds[r.holiday ? "holiday" : r.kind],
              escapeMrkdwn(r.name),
              date,
              r.leadDays,
            );
          });
          await reply([t.admin.remindersList, ...lines].join("\n"));
          return;
        }
        case "reminderAdd": {
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          const created = await deps.services.calendarReminders.add({
            kind: parsed.reminder === "cards" ? "cards" : "celebration",
            holiday: parsed.reminder === "holiday",
            name: parsed.name,
            dateKey: parsed.date,
            leadDays: parsed.leadDays,
            createdBy: user.userId,
          });
          await reply(t.admin.reminderAdded(created.id, escapeMrkdwn(created.name)));
          return;
        }
        case "reminderLead":
        case "reminderRemove": {
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          const done =
            parsed.kind === "reminderLead"
              ? await deps.services.calendarReminders.setLeadDays(parsed.id, parsed.leadDays)
              : await deps.services.calendarReminders.remove(parsed.id);
          await reply(done ? t.admin.reminderChanged(parsed.id) : t.admin.unknownReminder(parsed.id));
          return;
        }
        case "precedence": {
          const table = await deps.services.events.precedenceTable();
          const lines = table.map((r) => t.admin.precedenceLine(r.id, r.rank, escapeMrkdwn(r.office)));
          await reply([t.admin.precedenceList, ...lines].join("\n"));
          return;
        }
        case "precedenceAdd":
        case "precedenceRemove": {
          if (!(await ensureRole(deps, user, "manager", reply))) return;
          if (parsed.kind === "precedenceAdd") {
            const row = await deps.services.events.addRank(parsed.office, parsed.rank);
            await reply(t.admin.precedenceAdded(row.id, escapeMrkdwn(row.office), row.rank));
          } else {
            const done = await deps.services.events.removeRank(parsed.id);
            await reply(done ? t.admin.precedenceRemoved(parsed.id) : t.admin.unknownReminder(parsed.id));
          }
          return;
        }
        case "calendarShow": {
          await reply(await describeDay(parsed.date));
          return;
        }
        case "calendarSet":
        case "calendarClear": {
          if (!(await ensureRole(deps, user, "admin", reply))) return;
          if (parsed.kind === "calendarClear") await deps.services.calendar.clearOverride(parsed.date);
          else
            await deps.services.calendar.setOverride({
              date: parsed.date,
              kind: parsed.day,
              name: parsed.name,
              setBy: user.userId,
            });
          await reply(await describeDay(parsed.date));
          return;
        }
        case "lang": {
          const target = parsed.userId ?? user.userId;
          if (target !== user.userId && !(await ensureRole(deps, user, "admin", reply))) return;
          await deps.services.locales.setOverride(target, parsed.locale);
          const shown = parsed.locale ? t.admin.languageNames[parsed.locale] : "Slack";
          // Answer in the new language when users change their own.
          const answer = target === user.userId ? (await userView(deps, target)).t : t;
          await reply(answer.admin.languageSet(`<@${target}>`, shown));
          return;
        }
      }
    });
  });
}
