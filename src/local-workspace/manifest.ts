// What the local workspace shows of the app's manifest: its slash commands (with their usage
// hints), message shortcuts and the bot events it subscribes to. Read line by line: the manifest's
// shape is fixed (manifest.yml, checked against Slack's schema by test/manifest.test.ts), and the
// YAML parser is a development dependency only.
import { readFileSync } from "node:fs";

export interface ManifestCommand {
  command: string;
  description: string;
  usageHint: string;
}

export interface ManifestShortcut {
  name: string;
  type: string;
  callbackId: string;
  description: string;
}

export interface AppManifest {
  botName: string;
  commands: ManifestCommand[];
  shortcuts: ManifestShortcut[];
  botEvents: string[];
}

const unquote = (s: string) => {
  const t = s.trim();
  return /^".*"$/.test(t) || /^'.*'$/.test(t) ? t.slice(1, -1) : t;
};

export function readManifest(file: string | URL): AppManifest {
  return parseManifest(readFileSync(file, "utf8"));
}

export function parseManifest(text: string): AppManifest {
  const commands: ManifestCommand[] = [];
  const shortcuts: ManifestShortcut[] = [];
  const botEvents: string[] = [];
  let botName = "Grafeio";
  let list: "commands" | "shortcuts" | "events" | undefined;
  let inBotUser = false;
  for (const line of text.split("\n")) {
    if (/^\s*#/.test(line) || line.trim() === "") continue;
    const key = /^(\s*)(- )?([a-z_]+):\s*(.*)$/.exec(line);
    if (!key) {
      const item = /^\s*- (\S+)\s*$/.exec(line);
      if (item && list === "events") botEvents.push(unquote(item[1] ?? ""));
      continue;
    }
    const [, , dash, name = "", rawValue = ""] = key;
    const value = unquote(rawValue);
    if (name === "slash_commands") list = "commands";
    else if (name === "shortcuts") list = "shortcuts";
    else if (name === "bot_events") list = "events";
    else if (name === "bot_user") inBotUser = true;
    else if (inBotUser && name === "display_name") {
      botName = value;
      inBotUser = false;
    } else if (list === "commands") {
      if (dash && name === "command") commands.push({ command: value, description: "", usageHint: "" });
      const last = commands[commands.length - 1];
      if (last && name === "description") last.description = value;
      if (last && name === "usage_hint") last.usageHint = value;
    } else if (list === "shortcuts") {
      if (dash && name === "name") shortcuts.push({ name: value, type: "", callbackId: "", description: "" });
      const last = shortcuts[shortcuts.length - 1];
      if (last && name === "type") last.type = value;
      if (last && name === "callback_id") last.callbackId = value;
      if (last && name === "description") last.description = value;
    }
    // A key at the top level of a section ends the list being read.
    if (!dash && /^\s{0,2}[a-z_]+:/.test(line) && !["slash_commands", "shortcuts", "bot_events"].includes(name))
      list = undefined;
  }
  return { botName, commands, shortcuts, botEvents };
}
