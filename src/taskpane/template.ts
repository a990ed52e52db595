import type { Lang } from "../core/i18n/lang";
import { insertSheets, type NewSheet } from "../office/insert-sheets";
import type { TemplateInserter } from "./pane";
import { inputTemplate } from "../core/template/input-template";

/**
 * The pane's "insert template sheets" for a template source (the command line's `--template` sheets in a
 * language): written only into a workbook that has none of those sheets.
 */
export function templateInserter(source: (lang: Lang) => NewSheet[]): TemplateInserter {
  return (host, lang) => host.run((ctx) => insertSheets(ctx, source(lang)));
}

/** The command line's `--template` sheets (src/core/template) as plain sheets: the header row, then the example row. */
export function commandLineTemplate(lang: Lang): NewSheet[] {
  return inputTemplate(lang).tabs.map((t) => ({ name: t.name, values: [t.columns.map((c) => c.header), ...t.rows] }));
}
