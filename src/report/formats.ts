/** The report formats `--format` takes; each has a reporter in report/index.ts. */
export const FORMAT_NAMES = ['table', 'json', 'jsonl', 'sarif', 'junit', 'csv', 'markdown', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
