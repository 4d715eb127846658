/** The formats `azscan exposure --format` takes; each has a renderer in exposure/index.ts. */
export const EXPOSURE_FORMAT_NAMES = ['table', 'json', 'csv', 'markdown', 'html'] as const;
export type ExposureFormatName = (typeof EXPOSURE_FORMAT_NAMES)[number];

/** What `azscan exposure --fail-on` takes: a sensitive port reachable, or anything reachable. */
export const EXPOSURE_FAIL_ON = ['sensitive', 'any'] as const;
export type ExposureFailOn = (typeof EXPOSURE_FAIL_ON)[number];
