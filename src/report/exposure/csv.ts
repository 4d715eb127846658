import { csvCell } from '../text.js';
import { exposureRows, notFollowedRows, portsText } from './rows.js';
import type { ExposureReport } from '../../model/exposure.js';

const COLUMNS = ['status', 'address', 'protocol', 'ports', 'services', 'sensitive', 'workload', 'way_in', 'frontend_id', 'code', 'reason'] as const;

/**
 * One row per endpoint (status `reachable`), then one per public IP that could not be
 * followed (status `not-followed`, with the code and reason), so that a spreadsheet of an
 * incomplete list says it is incomplete. Every cell goes through csvCell.
 */
export function renderExposureCsv(report: ExposureReport): string {
  const reachable = exposureRows(report.endpoints).map((row) => [
    'reachable',
    row.address,
    row.protocol,
    portsText(row, (part) => part.text),
    row.services.map((named) => named.service).join(', '),
    row.sensitive ? 'yes' : 'no',
    row.workload,
    row.wayIn,
    row.frontendId,
    '',
    '',
  ]);
  const notFollowed = notFollowedRows(report.unknown).map((entry) => ['not-followed', '', '', '', '', '', '', '', entry.id, entry.code, entry.reason]);
  return [COLUMNS, ...reachable, ...notFollowed].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
