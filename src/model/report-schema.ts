/** Bumped only on a breaking change to the report's shape; fields may be added within a version. */
export const REPORT_SCHEMA_VERSION = 1;

