// Reads the text after /clip: nothing (a new clipping), a link to start from, `search …` or
// `export …` or `report …`. `/clip help` never reaches here: the command's declaration answers it.
import { parseWebUrl } from "./url.js";

export type ClipCommand =
  | { kind: "new"; url?: string }
  | { kind: "search"; text: string }
  | { kind: "export"; text: string }
  | { kind: "report"; text: string }
  | { kind: "unknown"; text: string };

export function parseClipCommand(text: string | undefined): ClipCommand {
  const trimmed = (text ?? "").trim();
  if (trimmed === "") return { kind: "new" };
  const search = /^(search|αναζητηση|αναζήτηση|find|ψαξε|ψάξε)(\s+|$)/i.exec(trimmed);
  if (search) return { kind: "search", text: trimmed.slice(search[0].length).trim() };
  const exported = /^(export|εξαγωγη|εξαγωγή)(\s+|$)/i.exec(trimmed);
  if (exported) return { kind: "export", text: trimmed.slice(exported[0].length).trim() };
  const report = /^(report|αναφορα|αναφορά)(\s+|$)/i.exec(trimmed);
  if (report) return { kind: "report", text: trimmed.slice(report[0].length).trim() };
  // With escaping on, Slack sends links as <url> or <url|label>.
  const unwrapped = trimmed.replace(/^<([^<>|]+)(\|[^<>]*)?>$/, "$1");
  if (parseWebUrl(unwrapped)) return { kind: "new", url: unwrapped };
  return { kind: "unknown", text: trimmed };
}
