import { closeSync, openSync, statSync, writeSync } from 'node:fs';
import { forEachSyntheticResource, SYNTHETIC_COLLECTED } from './synthetic-estate.js';

/**
 * Writes a synthetic snapshot of about `total` resources to `path`, one resource at a time:
 * the same bytes as JSON.stringify of the whole snapshot, without holding it.
 */
export function writeSyntheticSnapshot(path: string, total: number, subscriptions = 20): { resources: number; megabytes: number } {
  const fd = openSync(path, 'w');
  try {
    let chunk = `{"schemaVersion":1,"collectedAt":"2026-12-01T00:00:00Z","collected":${JSON.stringify(SYNTHETIC_COLLECTED)},"resources":[`;
    let first = true;
    const resources = forEachSyntheticResource(total, subscriptions, (resource) => {
      chunk += first ? JSON.stringify(resource) : `,${JSON.stringify(resource)}`;
      first = false;
      if (chunk.length > 1 << 20) {
        writeSync(fd, chunk);
        chunk = '';
      }
    });
    writeSync(fd, `${chunk}],"errors":[]}`);
    return { resources, megabytes: statSync(path).size / 1e6 };
  } finally {
    closeSync(fd);
  }
}
