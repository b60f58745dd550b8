// A user's interface language: what the office set, else their Slack locale, else the default.
import type { PrismaClient } from "../../generated/prisma/client.js";
import { type LocaleCode, localeFromSlack } from "../../i18n/index.js";
import type { Clock } from "../../lib/clock.js";
import { createUserStore } from "./store.js";

/** Reads a user's locale from Slack (users.info with include_locale). */
export type SlackLocaleLookup = (slackUserId: string) => Promise<string | undefined>;

const SLACK_LOCALE_FRESH_MS = 7 * 24 * 3600_000;
const MEMORY_TTL_MS = 10 * 60_000;
// Slack must answer a modal's trigger within 3 s: never wait long for users.info.
const LOOKUP_TIMEOUT_MS = 1200;

export function createLocaleService(deps: {
  prisma: PrismaClient;
  clock: Clock;
  defaultLocale: LocaleCode;
  lookupSlackLocale: SlackLocaleLookup;
}) {
  const { clock, defaultLocale } = deps;
  const store = createUserStore(deps.prisma);
  const memory = new Map<string, { locale: LocaleCode; at: number }>();

  async function resolve(slackUserId: string): Promise<LocaleCode> {
    const now = clock.now().getTime();
    const cached = memory.get(slackUserId);
    if (cached && now - cached.at < MEMORY_TTL_MS) return cached.locale;

    const user = await store.findLocale(slackUserId);
    let locale: LocaleCode | undefined = user?.localeOverride ?? undefined;
    if (
      !locale &&
      user?.slackLocale &&
      user.slackLocaleAt &&
      now - user.slackLocaleAt.getTime() < SLACK_LOCALE_FRESH_MS
    ) {
      locale = localeFromSlack(user.slackLocale);
    }
    if (!locale) {
      const fromSlack = await lookupWithTimeout(slackUserId);
      if (fromSlack !== undefined) {
        await store.saveSlackLocale(slackUserId, fromSlack, clock.now());
        locale = localeFromSlack(fromSlack);
      } else {
        locale = localeFromSlack(user?.slackLocale);
      }
    }
    const result = locale ?? defaultLocale;
    memory.set(slackUserId, { locale: result, at: now });
    return result;
  }

  async function lookupWithTimeout(slackUserId: string): Promise<string | undefined> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        deps.lookupSlackLocale(slackUserId),
        new Promise<undefined>((resolve) => {
          timer = setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS);
        }),
      ]);
    } catch {
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  return {
    resolve,
    /** The office (or the user) sets the language; `null` goes back to following Slack. */
    async setOverride(slackUserId: string, locale: LocaleCode | null): Promise<void> {
      await store.saveLocaleOverride(slackUserId, locale);
      memory.delete(slackUserId);
    },
  };
}

export type LocaleService = ReturnType<typeof createLocaleService>;
