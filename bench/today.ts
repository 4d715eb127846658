/**
 * The figures on main before issue 12, measured with this bench (`npm run bench`, 2 cores,
 * Node 20, a machine busy with other work: load ~10): printed beside each figure so that a run shows how far it moved.
 */
export const TODAY = {
  evaluationVsParse: '8.83× (min 5.90×); issue: 4.2–4.7×',
  scanVsParseProcess: '16.4×; issue: 8.5×',
  rssVsFile: '30.2× (1,622 MB); issue: ~20×',
  report400k: 'FAIL: Invalid string length',
  oneMillion: 'FAIL: string too long to read',
  helpVsNode: '1.56×',
  demoVsNode: '4.31×; issue: 4.5×',
} as const;
