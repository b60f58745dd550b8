// Reads the text after /grafeio: the office's settings command.
import { isRole, type Role } from "../../domain/users/roles.js";
import type { LocaleCode } from "../../i18n/index.js";

export type GrafeioCommand =
  | { kind: "help" }
  | { kind: "roles" }
  | { kind: "grant" | "revoke"; userId: string; role: Role }
  | { kind: "lang"; userId?: string; locale: LocaleCode | null }
  | { kind: "topics" }
  | { kind: "topicAdd"; nameEl: string; nameEn: string };

// With escaping on, Slack sends a mention as <@U123|name> (or <@U123>).
const MENTION = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

export function parseGrafeioCommand(text: string | undefined): GrafeioCommand {
  const words = (text ?? "").trim().split(/\s+/).filter(Boolean);
  const [verb, ...rest] = words;
  const mention = (w: string | undefined) => (w ? MENTION.exec(w)?.[1] : undefined);
  const locale = (w: string | undefined): LocaleCode | null | undefined =>
    w === "el" || w === "en" ? w : w === "auto" ? null : undefined;
  switch (verb?.toLowerCase()) {
    case "topics":
      return rest.length === 0 ? { kind: "topics" } : { kind: "help" };
    case "topic": {
      // topic add Ελληνικό όνομα | English name   (the English name may be left out)
      if (rest[0]?.toLowerCase() !== "add") return { kind: "help" };
      const [nameEl = "", nameEn = ""] = rest
        .slice(1)
        .join(" ")
        .split("|")
        .map((s) => s.trim());
      if (!nameEl || nameEl.length > 60 || nameEn.length > 60) return { kind: "help" };
      return { kind: "topicAdd", nameEl, nameEn: nameEn || nameEl };
    }
    case "roles":
      return rest.length === 0 ? { kind: "roles" } : { kind: "help" };
    case "grant":
    case "revoke": {
      const userId = mention(rest[0]);
      const role = rest[1]?.toLowerCase();
      if (rest.length === 2 && userId && role && isRole(role))
        return { kind: verb.toLowerCase() as "grant" | "revoke", userId, role };
      return { kind: "help" };
    }
    case "lang": {
      if (rest.length === 1) {
        const l = locale(rest[0]);
        return l === undefined ? { kind: "help" } : { kind: "lang", locale: l };
      }
      const userId = mention(rest[0]);
      const l = locale(rest[1]);
      return rest.length === 2 && userId && l !== undefined ? { kind: "lang", userId, locale: l } : { kind: "help" };
    }
    default:
      return { kind: "help" };
  }
}
