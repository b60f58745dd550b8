// CSV as Greek offices have it: written by Excel in UTF-8 (with or without BOM) or Windows-1253,
// separated by ';' (Greek Excel, where ',' is the decimal mark) or ','.

/** A spreadsheet must not run a formula someone typed into a cell (CSV injection). */
export function csvCell(value: string, separator: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return safe.includes(separator) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Lines of cells as a CSV file Excel opens with Greek intact: UTF-8 with a BOM, CRLF. */
export function csvFile(lines: string[][], separator: string): Buffer {
  const text = lines.map((line) => line.map((v) => csvCell(v, separator)).join(separator)).join("\r\n");
  return Buffer.from(`\uFEFF${text}\r\n`, "utf8");
}

/** Undoes csvCell's guard on the way back in: `'+30 210…` is the phone number `+30 210…`. */
export function uncsvCell(value: string): string {
  return /^'[=+\-@]/.test(value) ? value.slice(1) : value;
}

export type SpreadsheetEncoding = "utf-8" | "windows-1253";

/** UTF-8 when the bytes are valid UTF-8 (Greek in Windows-1253 never is), else Windows-1253. */
export function decodeSpreadsheet(bytes: Uint8Array): { text: string; encoding: SpreadsheetEncoding } {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return { text: text.replace(/^\uFEFF/, ""), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1253").decode(bytes), encoding: "windows-1253" };
  }
}

/** ';' or ',', whichever separates more cells of the first line (quotes respected). */
export function detectSeparator(text: string): ";" | "," {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semicolons++;
    else if (!quoted && ch === ",") commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ";" : commas > 0 ? "," : ";";
}

export interface CsvRecord {
  /** The file's line where the record starts (1-based). */
  line: number;
  cells: string[];
}

/**
 * RFC 4180 with Excel's habits: quoted cells may hold separators, quotes ("") and line breaks.
 * A quote left open swallows the rest of the file; that part comes back as `unterminatedAt`
 * rather than being read as data.
 */
export function parseCsv(text: string, separator: string): { records: CsvRecord[]; unterminatedAt?: number } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let cellStarted = false;
  const endRecord = () => {
    cells.push(cell);
    if (cells.some((c) => c.trim() !== "")) records.push({ line: recordLine, cells });
    cells = [];
    cell = "";
    cellStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n") line++;
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      quoted = true;
      cellStarted = true;
    } else if (ch === separator) {
      cells.push(cell);
      cell = "";
      cellStarted = false;
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (quoted) return { records, unterminatedAt: recordLine };
  if (cell !== "" || cells.length > 0) endRecord();
  return { records };
}
