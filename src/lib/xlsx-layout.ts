// How every sheet Grafeio writes opens and prints: its header row bold and frozen, filterable, and
// on A4 with every column on one page's width and the header repeated on each page (the register
// printed to seven pages with its header cut before). Types only from exceljs: the library itself
// is imported by each render, in the render worker.
import type { Worksheet } from "exceljs";

export function asPrintedTable(sheet: Worksheet, options: { landscape?: boolean } = {}): void {
  const columns = sheet.columnCount;
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  if (columns > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns } };
  sheet.pageSetup = {
    paperSize: 9,
    orientation: options.landscape === false ? "portrait" : "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: "1:1",
  };
}
