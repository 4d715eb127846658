import { MalformedProperty } from '../model/not-evaluated.js';
import type { ArmResource } from '../inventory/types.js';
import { valueAt, type Setting } from './setting.js';

/** A TLS version as a comparable number: 1.0 → 10, 1.2 → 12. */
export type TlsVersion = number;
export const TLS_1_0: TlsVersion = 10;
export const TLS_1_2: TlsVersion = 12;

/**
 * Reads a minimum-TLS setting in any of the spellings Azure services use: storage
 * `TLS1_2`, SQL `1.2` (and `None`, no minimum), IoT Hub and Event Hubs `1.2`.
 * An absent setting means TLS 1.0 is accepted: storage before API 2023-01-01 had no
 * minimum, SQL servers created without one accept 1.0, and IoT Hub accepts 1.0 unless
 * `minTlsVersion` is set at creation.
 */
export function readMinimumTls(resource: ArmResource, path: string): Setting<TlsVersion> {
  const raw = valueAt(resource.raw, path);
  if (raw === undefined || raw === null) return { value: TLS_1_0, resourceId: resource.id, path, absent: true, raw };
  const value = typeof raw === 'string' ? parseTlsVersion(raw) : undefined;
  if (value === undefined) throw new MalformedProperty(path, 'a TLS version such as TLS1_2 or 1.2', raw);
  return { value, resourceId: resource.id, path, absent: false, raw };
}

export function parseTlsVersion(text: string): TlsVersion | undefined {
  const spec = text.trim();
  if (/^none$/i.test(spec)) return TLS_1_0;
  const match = /^(?:tls)?\s*v?(1)[._](\d)$/i.exec(spec);
  return match ? Number(match[1]) * 10 + Number(match[2]) : undefined;
}

export function formatTls(version: TlsVersion): string {
  return `TLS ${Math.floor(version / 10)}.${version % 10}`;
}
