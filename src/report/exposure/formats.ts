/** The formats `azscan exposure --format` takes; each has a renderer in exposure/index.ts. */
export const EXPOSURE_FORMAT_NAMES = ['table', 'json', 'csv', 'markdown', 'html'] as const;
export type ExposureFormatName = (typeof EXPOSURE_FORMAT_NAMES)[number];
