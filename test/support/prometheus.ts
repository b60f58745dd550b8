// Prometheus' text exposition format read back strictly, for the tests of GET /metrics.
import { expect } from "vitest";

/** One sample: its name, its labels, its value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Prometheus' text exposition format (0.0.4), strictly: `# HELP name text`, `# TYPE name kind`,
 * and `name{label="value",…} number`; anything else is an error, so that a malformed line fails
 * the test instead of being skipped.
 */
export function parsePrometheus(text: string): { samples: Sample[]; types: Map<string, string> } {
  const samples: Sample[] = [];
  const types = new Map<string, string>();
  const name = "[a-zA-Z_:][a-zA-Z0-9_:]*";
  const sampleLine = new RegExp(`^(${name})(?:\\{(.*)\\})? (\\S+)(?: -?\\d+)?$`);
  const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(?:,|$)/y;
  for (const line of text.split("\n")) {
    if (line === "") continue;
    if (line.startsWith("# HELP ")) {
      if (!new RegExp(`^# HELP ${name} `).test(line)) throw new Error(`bad HELP line: ${line}`);
      continue;
    }
    if (line.startsWith("# TYPE ")) {
      const m = new RegExp(`^# TYPE (${name}) (counter|gauge|histogram|summary|untyped)$`).exec(line);
      if (!m?.[1] || !m[2]) throw new Error(`bad TYPE line: ${line}`);
      types.set(m[1], m[2]);
      continue;
    }
    if (line.startsWith("#")) continue;
    const m = sampleLine.exec(line);
    if (!m?.[1] || m[3] === undefined) throw new Error(`bad sample line: ${line}`);
    const labels: Record<string, string> = {};
    if (m[2]) {
      labelPair.lastIndex = 0;
      while (labelPair.lastIndex < m[2].length) {
        const pair = labelPair.exec(m[2]);
        if (!pair?.[1] || pair[2] === undefined) throw new Error(`bad labels: ${line}`);
        labels[pair[1]] = pair[2].replace(/\\(.)/g, (_, c: string) => (c === "n" ? "\n" : c));
      }
    }
    // Values are read as Prometheus reads them (Go's ParseFloat): NaN and Inf in any case
    // (prom-client writes an empty event-loop histogram's mean as "Nan").
    const raw = m[3].toLowerCase();
    const value =
      raw === "+inf" || raw === "inf"
        ? Number.POSITIVE_INFINITY
        : raw === "-inf"
          ? Number.NEGATIVE_INFINITY
          : Number(raw);
    if (Number.isNaN(value) && raw !== "nan") throw new Error(`bad value: ${line}`);
    samples.push({ name: m[1], labels, value });
  }
  return { samples, types };
}

/** GET /metrics: 200, Prometheus' content type, parsed; `value` sums the samples matching the labels. */
export async function scrapeMetrics(baseUrl: string) {
  const res = await fetch(`${baseUrl}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
  const parsed = parsePrometheus(await res.text());
  const value = (metric: string, labels: Record<string, string> = {}) =>
    parsed.samples
      .filter((s) => s.name === metric && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
      .reduce((sum, s) => sum + s.value, 0);
  return { ...parsed, value };
}
