// npm start's entry point reads the configuration before anything heavy is loaded, so that a wrong
// setting is told at once (npm run bench:config-error): src/app/main.ts's static imports, followed
// through the source, never reach the bot, the database or Slack's SDK; run.ts comes by import().
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every module main.ts loads before its first `await import(…)`: source files and packages. */
function staticImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    // `import … from "x"` and `import "x"`, not `import type …` (erased) nor `import("x")`.
    for (const [, clause, specifier] of source.matchAll(/^import\s+(?:([\s\S]*?)\s+from\s+)?"([^"]+)";/gm)) {
      if (!specifier || clause?.startsWith("type ")) continue;
      if (specifier.startsWith(".")) visit(path.resolve(path.dirname(file), specifier.replace(/\.js$/, ".ts")));
      else
        seen.add(
          specifier
            .split("/")
            .slice(0, specifier.startsWith("@") ? 2 : 1)
            .join("/"),
        );
    }
  };
  visit(path.resolve(entry));
  return new Set([...seen].map((m) => (path.isAbsolute(m) ? path.relative(process.cwd(), m) : m)));
}

describe("npm start's entry point", () => {
  const loaded = staticImports("src/app/main.ts");

  it("loads the configuration and the local workspace's start", () => {
    expect(loaded).toContain("src/app/config.ts");
    expect(loaded).toContain("src/local-workspace/start.ts");
    expect(loaded).toContain("zod");
  });

  it("leaves the bot, the database and Slack's SDK until the configuration is whole", () => {
    for (const heavy of [
      "src/app/run.ts",
      "src/app/create-bot.ts",
      "src/app/logger.ts",
      "src/db/database.ts",
      "@slack/bolt",
      "@prisma/client",
      "@electric-sql/pglite",
    ])
      expect(loaded, heavy).not.toContain(heavy);
    expect(readFileSync("src/app/main.ts", "utf8")).toContain('await import("./run.js")');
  });
});
