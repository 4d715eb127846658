// Loaded with `node --import` by the lazy-loading tests: records every @azure/* module the
// process imports to the file named by AZSCAN_TRACE_IMPORTS.
import { register } from 'node:module';

register('./trace-azure-hooks.mjs', import.meta.url, { data: { file: process.env.AZSCAN_TRACE_IMPORTS } });
