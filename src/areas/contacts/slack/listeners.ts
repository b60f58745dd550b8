import type { App } from "@slack/bolt";
import type { ContactsDeps } from "../contacts-deps.js";

import { registerContactCommand } from "./contact-command.js";
import { registerContactMenu } from "./contact-menu.js";
import { registerContactModalSubmission } from "./contact-modal-submission.js";
import { registerImportContacts } from "./import-contacts.js";
import { registerThankYouLetters } from "./thank-you-letters.js";

export function register(app: App, deps: ContactsDeps): void {
  registerContactCommand(app, deps);
  registerContactModalSubmission(app, deps);
  registerContactMenu(app, deps);
  registerImportContacts(app, deps);
  registerThankYouLetters(app, deps);
}
