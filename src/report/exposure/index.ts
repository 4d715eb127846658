import type { ExposureFormatName } from './formats.js';
import { renderExposureCsv } from './csv.js';
import { renderExposureHtml } from './html.js';
import { renderExposureJson } from './json.js';
import { renderExposureMarkdown } from './markdown.js';
import type { ExposureReport } from '../../model/exposure.js';
import { renderExposureTable, type ExposureTableOptions } from './table.js';

export type { ExposureReport } from '../../model/exposure.js';
export { EXPOSURE_FORMAT_NAMES, type ExposureFormatName } from './formats.js';

/** Renderers by the name `--format` takes; only the table reads the terminal's options. */
export const EXPOSURE_RENDERERS: Readonly<Record<ExposureFormatName, (report: ExposureReport, terminal: ExposureTableOptions) => string>> = {
  table: renderExposureTable,
  json: renderExposureJson,
  csv: renderExposureCsv,
  markdown: renderExposureMarkdown,
  html: renderExposureHtml,
};
