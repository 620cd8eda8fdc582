/**
 * Who may call what. Each row: an operation as a client sends it, and the roles that may. `public`
 * operations need no key. The auth e2e test walks every cell: allowed → no auth error, others →
 * FORBIDDEN, and no key at all → UNAUTHENTICATED (except public ones).
 */
export type MatrixRole = 'admin' | 'recruiter' | 'analyst' | 'viewer';
export interface MatrixRow {
  name: string;
  query: string;
  variables?: Record<string, unknown>;
  allowed: MatrixRole[] | 'public';
}

const ALL: MatrixRole[] = ['admin', 'recruiter', 'analyst', 'viewer'];

export const AUTH_MATRIX: MatrixRow[] = [
  { name: 'health', query: '{ health { status } }', allowed: 'public' },
  { name: 'me', query: '{ me { role organizationId } }', allowed: ALL },
  { name: 'apiKeys', query: '{ apiKeys { id } }', allowed: ['admin'] },
  { name: 'createApiKey', query: 'mutation { createApiKey(input: { name: "matrix", role: VIEWER }) { key } }', allowed: ['admin'] },
  { name: 'revokeApiKey', query: 'mutation { revokeApiKey(id: "00000000-0000-0000-0000-000000000000") { id } }', allowed: ['admin'] },
  { name: 'ingestionRuns', query: '{ ingestionRuns(first: 1) { totalCount } }', allowed: ['admin', 'analyst'] },
  { name: 'ingestRecords', query: 'mutation { ingestRecords(kind: POSTINGS, records: [{ title: "Data Scientist" }]) { runId } }', allowed: ['admin', 'analyst'] },
  { name: 'marketSummary', query: '{ marketSummary { postings } }', allowed: ALL },
  { name: 'postingTrends', query: '{ postingTrends(groupBy: ROLE_FAMILY) { key } }', allowed: ALL },
  { name: 'salaryStats', query: '{ salaryStats(groupBy: ROLE_FAMILY) { key } }', allowed: ALL },
  { name: 'topSkills', query: '{ topSkills { skill } }', allowed: ALL },
  { name: 'skillCooccurrence', query: '{ skillCooccurrence(skill: "Python") { skill } }', allowed: ALL },
  { name: 'surveyDistribution', query: '{ surveyDistribution(dimension: GENDER) { respondents } }', allowed: ALL },
  { name: 'compareRoles', query: '{ compareRoles(a: DATA_SCIENTIST, b: ML_ENGINEER) { a { postings } } }', allowed: ALL },
  { name: 'jobPostings', query: '{ jobPostings(first: 1) { totalCount } }', allowed: ALL },
  { name: 'candidates', query: '{ candidates(first: 1) { totalCount } }', allowed: ['admin', 'recruiter'] },
  { name: 'createCandidate', query: 'mutation { createCandidate(input: { skills: [{ name: "Python" }] }) { id } }', allowed: ['admin', 'recruiter'] },
  { name: 'matchRolesForCandidate', query: '{ matchRolesForCandidate(candidateId: "00000000-0000-0000-0000-000000000000") { issues } }', allowed: ['admin', 'recruiter'] },
  { name: 'matchingFairnessReport', query: '{ matchingFairnessReport(attribute: GENDER) { flag } }', allowed: ['admin', 'recruiter'] },
  { name: 'trainMatchingModel', query: 'mutation { trainMatchingModel { jobId } }', allowed: ['admin', 'analyst'] },
  { name: 'requestReport', query: 'mutation { requestReport(input: { kind: SALARY }) { id } }', allowed: ['admin', 'recruiter', 'analyst'] },
  { name: 'reports', query: '{ reports(first: 1) { totalCount } }', allowed: ['admin', 'recruiter', 'analyst'] },
  { name: 'jobs', query: '{ jobs(state: FAILED) { id } }', allowed: ['admin', 'analyst'] },
  { name: 'forecastModels', query: '{ forecastModels(first: 1) { totalCount } }', allowed: ALL },
  { name: 'trainForecastModel', query: 'mutation { trainForecastModel(input: { epochs: 1 }) { jobId } }', allowed: ['admin', 'analyst'] },
  { name: 'eraseCandidate', query: 'mutation { eraseCandidate(id: "00000000-0000-0000-0000-000000000000") }', allowed: ['admin', 'recruiter'] },
];
