// The translations area: `/translate`, the "Request translation" shortcut, the request form, the
// card in the office's channel with a button per step and the steps' small forms; the reminders
// and the coordinators' week.
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { LocaleCode } from "../../i18n/index.js";
import type { Clock } from "../../lib/clock.js";
import type { SlackKit } from "../../slack/listener.js";
import type { Sender } from "../../slack/sender.js";
import type { Area } from "../area.js";
import { createTranslationRemindersJob, createTranslationWeeklyJob } from "./jobs/translation-reminders.js";
import { registerNewTranslationButton } from "./slack/home-form.js";
import {
  registerRequestForm,
  registerRequestShortcut,
  registerStepButtons,
  registerStepForms,
  registerTranslateCommand,
} from "./slack/listeners.js";
import { createTranslationService, type TranslationRoles } from "./translation-service.js";
import { createTranslationsHomeSource } from "./translations-home.js";
import { createTranslationsReportSource } from "./translations-report.js";

/** What the translations tell other areas: the requests about a partner (its timeline). */
export type TranslationsAbout = Pick<import("./translation-service.js").TranslationService, "translationsAbout">;

export interface TranslationsServicesDeps {
  prisma: PrismaClient;
  clock: Clock;
  timeZone: string;
  /** Who is staff, and who coordinates (the office's managers), from the users area. */
  roles: TranslationRoles;
}

/** The area's use cases, built once by the composition root. */
export function createTranslationsServices(deps: TranslationsServicesDeps) {
  return { translations: createTranslationService(deps) };
}

export type TranslationsServices = ReturnType<typeof createTranslationsServices>;

export interface TranslationsAreaDeps {
  kit: SlackKit;
  services: TranslationsServices;
  /** The office's language: the cards and their threads are in it. */
  defaultLocale: LocaleCode;
  sender: Pick<Sender, "post">;
  /** INTL_CHANNEL_ID: where the cards go (else to the requester). */
  intlChannelId?: string;
}

export function createTranslationsArea(deps: TranslationsAreaDeps): Area {
  const { kit } = deps;
  const service = deps.services.translations;
  const news = {
    sender: deps.sender,
    service,
    locales: kit.locales,
    defaultLocale: deps.defaultLocale,
    intlChannelId: deps.intlChannelId,
  };
  const listeners = { kit, service, news };
  return {
    name: "translations",
    register(app) {
      registerTranslateCommand(app, listeners); // /translate
      registerRequestShortcut(app, listeners); // shortcut request_translation
      registerRequestForm(app, listeners); // view translation_modal
      registerStepButtons(app, listeners); // actions translation_step_<step>
      registerStepForms(app, listeners); // views translation_step_modal_<assign|deliver|return>
      registerNewTranslationButton(app, listeners); // action translation_new (the Home's button)
    },
    jobs: [
      createTranslationRemindersJob({ service, locales: kit.locales }),
      createTranslationWeeklyJob({ service, locales: kit.locales }),
    ],
    reportSections: [createTranslationsReportSource(service)],
    homeSources: [createTranslationsHomeSource(service)], // the person's requests, assigned or asked for
    commands: [{ name: "/translate", role: "staff", summary: (t) => t.translations.summary }],
  };
}
