/**
 * The figures on main before issue 12, measured with this bench (`npm run bench`, 2 cores,
 * Node 20): printed beside each figure so that a run shows how far it moved.
 */
export const TODAY = {
  evaluationVsParse: 'TBD',
  scanVsParseProcess: 'TBD',
  rssVsFile: 'TBD',
  report400k: 'TBD',
  oneMillion: 'TBD',
  helpVsNode: 'TBD',
  demoVsNode: 'TBD',
} as const;
