import { csvCell } from '../text.js';
import { exposureRows, notFollowedRows, platformRows, portsText } from './rows.js';
import type { ExposureReport } from '../../model/exposure.js';

const COLUMNS = ['status', 'address', 'protocol', 'ports', 'services', 'sensitive', 'workload', 'way_in', 'frontend_id', 'code', 'reason'] as const;

/**
 * One row per endpoint (status `reachable`), then one per public IP that could not be
 * followed (status `not-followed`, with the code and reason), so that a spreadsheet of an
 * incomplete list says it is incomplete. Platform endpoints follow in the same columns (status
 * `platform`: the host as address, `tcp`, the ports, the service, sensitive, the resource's
 * name as workload, `reachable by …; auth …; grants …` as way in, the resource id as
 * frontend id), then the platform resources not evaluated (status `platform-unknown`), so
 * that the columns are those of a list without them. Every cell goes through csvCell.
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
  const platform = platformRows(report.platformEndpoints).map((row, i) => {
    const endpoint = report.platformEndpoints[i]!;
    const wayIn = `reachable by ${row.reach}; auth ${row.auth}; grants ${row.grants}`;
    return ['platform', row.host, 'tcp', row.ports.map((part) => part.text).join(', '), endpoint.service, row.sensitive ? 'yes' : 'no', endpoint.name, wayIn, endpoint.resourceId, '', ''];
  });
  const platformUnknown = notFollowedRows(report.platformUnknown).map((entry) => ['platform-unknown', '', '', '', '', '', '', '', entry.id, entry.code, entry.reason]);
  return [COLUMNS, ...reachable, ...notFollowed, ...platform, ...platformUnknown].map((row) => `${row.map(csvCell).join(',')}\r\n`).join('');
}
