/** The API's enums, in display order, with readable labels. */
export const ROLE_FAMILIES = [
  'ML_ENGINEER', 'DATA_SCIENTIST', 'DATA_ENGINEER', 'DATA_ANALYST', 'RESEARCH_SCIENTIST',
  'MLOPS_ENGINEER', 'AI_ENGINEER', 'ANALYTICS_ENGINEER', 'DATA_MANAGER', 'OTHER',
] as const;
export const SENIORITIES = ['INTERN', 'ENTRY', 'MID', 'SENIOR', 'STAFF', 'LEAD', 'DIRECTOR'] as const;
export const REGIONS = ['NORTH_AMERICA', 'LATIN_AMERICA', 'EUROPE', 'ASIA_PACIFIC', 'MIDDLE_EAST', 'AFRICA'] as const;
export const INDUSTRIES = [
  'TECHNOLOGY', 'FINANCE', 'HEALTHCARE', 'RETAIL', 'MANUFACTURING', 'CONSULTING', 'EDUCATION',
  'GOVERNMENT', 'MEDIA', 'TELECOM', 'ENERGY', 'TRANSPORTATION', 'INSURANCE', 'OTHER',
] as const;
export const EDUCATION_LEVELS = ['NONE', 'HIGH_SCHOOL', 'ASSOCIATE', 'BACHELOR', 'MASTER', 'DOCTORATE'] as const;
export const PAY_PERIODS = ['YEAR', 'MONTH', 'WEEK', 'DAY', 'HOUR'] as const;
export const REMOTE_PREFERENCES = ['ANY', 'ONSITE', 'HYBRID', 'REMOTE'] as const;
export const REPORT_KINDS = ['SALARY', 'DEMAND', 'MARKET_OVERVIEW'] as const;
export const REPORT_FORMATS = ['PDF', 'CSV', 'HTML', 'JSON'] as const;

const SPECIAL_LABELS: Record<string, string> = {
  ML_ENGINEER: 'ML engineer',
  MLOPS_ENGINEER: 'MLOps engineer',
  AI_ENGINEER: 'AI engineer',
  ASIA_PACIFIC: 'Asia-Pacific',
  UNKNOWN: 'Unknown',
  MARKET_OVERVIEW: 'Market overview',
};

/** ML_ENGINEER → "ML engineer", SENIOR → "Senior", NORTH_AMERICA → "North America". */
export function label(value: string | null | undefined): string {
  if (!value) return '—';
  if (SPECIAL_LABELS[value]) return SPECIAL_LABELS[value];
  if ((REGIONS as readonly string[]).includes(value)) return value.split('_').map(capitalize).join(' ');
  if (!/^[A-Z0-9_]+$/.test(value)) return value;
  return capitalize(value.replace(/_/g, ' ').toLowerCase());
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

/** "Python, k8s , PyTorch" → ["Python", "k8s", "PyTorch"] */
export function splitList(text: string): string[] {
  return text.split(',').map((s) => s.trim()).filter(Boolean);
}
