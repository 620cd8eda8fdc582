import { ExperienceLevel, RoleFamily, Seniority } from '../../common/market.enums';

/**
 * Job title -> cleaned title, role family and seniority. Pure and never throws; all patterns are
 * compiled once at module load because this runs on every imported row.
 */

export interface NormalizedTitle {
  raw: string | null;
  normalized: string | null;
  roleFamily: RoleFamily;
  seniority: Seniority | null;
}

// Titles are short; reading further only costs time on garbage input.
const MAX_TITLE_LENGTH = 256;

// ---------------------------------------------------------------- cleaning

// Only runs and odd whitespace: replacing every single space would rebuild the string for nothing.
const WHITESPACE_RE = /\s{2,}|[^\S ]/g;
// (m/w/d), (f/m/x), (H/F), m/f/d without brackets, (all genders), (gn).
const GENDER_TAG_RE =
  /[([]\s*(?:[mwfdxhv*]\s*[/|,]\s*){1,3}[mwfdxhv*]\s*[)\]]|(?<![\w/])[mwfh]\s*\/\s*[mwfh]\s*\/\s*[dxi*](?![\w/])|[([]\s*(?:all genders?|gn|divers)\s*[)\]]/gi;
// "#123", "Req ID: R-1234", "(R-12345)", "[JR123]", "Job ID 99".
const REQUISITION_RE =
  /#\s?\d[\w-]*|[([]\s*[a-z]{0,4}[-_]?\d{3,}[\w-]*\s*[)\]]|\b(?:req(?:uisition)?|job|ref(?:erence)?)\.?\s*(?:id|no|number)?\s*[:#]?\s*[a-z]{0,3}-?\d{2,}[\w-]*/gi;

const WORK_MODE_WORDS =
  'remote|fully remote|remote first|remote-first|hybrid|on-?site|onsite|in office|in-office|office based|wfh|' +
  'work from home|anywhere|worldwide|global|contract|contractor|temporary|temp|permanent|perm|full-?time|' +
  'part-?time|freelance|fixed-?term|\\d+\\s*months?(?:\\s*contract)?|ftc|b2b';
const PLACE_WORDS =
  'london|new york|nyc|san francisco|sf|bay area|silicon valley|seattle|boston|austin|chicago|los angeles|la|denver|' +
  'atlanta|washington|dc|toronto|montreal|vancouver|berlin|munich|münchen|hamburg|frankfurt|cologne|köln|paris|lyon|' +
  'amsterdam|rotterdam|dublin|zurich|zürich|geneva|madrid|barcelona|lisbon|porto|milan|rome|stockholm|copenhagen|' +
  'oslo|helsinki|warsaw|krakow|kraków|wroclaw|prague|vienna|brussels|tel aviv|bangalore|bengaluru|hyderabad|pune|' +
  'mumbai|delhi|new delhi|chennai|gurgaon|gurugram|noida|singapore|sydney|melbourne|tokyo|seoul|beijing|shanghai|' +
  'shenzhen|hong kong|dubai|são paulo|sao paulo|mexico city|cape town|johannesburg|lagos|nairobi|cairo|' +
  'us|usa|u\\.s\\.|united states|uk|u\\.k\\.|united kingdom|england|germany|deutschland|france|india|canada|spain|' +
  'netherlands|ireland|poland|portugal|italy|switzerland|sweden|norway|denmark|finland|austria|belgium|australia|' +
  'japan|brazil|mexico|israel|emea|apac|latam|europe|eu|americas|north america|east coast|west coast';
const LOCATION_WORDS_RE = new RegExp(
  `^(?:(?:${WORK_MODE_WORDS}|${PLACE_WORDS})(?:\\s*(?:[,/&|]|or|and|-|–)\\s*)?)+$`,
  'iu',
);
// "Austin, TX": up to three capitalised words and a US state or Canadian province code.
const CITY = "\\p{Lu}[\\p{L}.'-]*(?: \\p{Lu}[\\p{L}.'-]*){0,2}";
const STATE =
  '(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|ON|BC|QC|AB)';
const CITY_STATE_RE = new RegExp(`^${CITY},\\s*${STATE}$`, 'u');
const CITY_STATE_TAIL_RE = new RegExp(`(?:\\s[-–—|@]\\s*|,\\s*|\\s+in\\s+)${CITY},\\s*${STATE}(?:,\\s*(?:US|USA))?$`, 'u');

function isLocationOrWorkMode(segment: string): boolean {
  return LOCATION_WORDS_RE.test(segment) || CITY_STATE_RE.test(segment);
}
const PARENTHETICAL_RE = /\s*[([]([^()[\]]{0,80})[)\]]/g;
// Trailing " - X", " | X", " – X", ", X" segments; removed only when X is a place or work mode.
const TRAILING_SEGMENT_RE = /\s*(?:\s[-–—|:]\s*|,\s*|\s\/\s)([^-–—|:,/]{1,60})$/;
const AT_COMPANY_RE = /\s(?:at|@)\s+\S.*$/i;
const LEADING_EDGE = new Set(' -–—|:,/.*');
const TRAILING_EDGE = new Set(' -–—|:,/*');
const SEPARATOR_RE = /[-–—|:,/]/;

/** Drops separators and spaces at both ends (a manual loop: the regex form backtracks on long runs). */
function trimEdges(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && LEADING_EDGE.has(text[start])) start++;
  while (end > start && TRAILING_EDGE.has(text[end - 1])) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

// "Eng." is left alone: it means Engineer or Engineering depending on the next word.
const ABBREVIATION_RE = /\b(?:sr|snr|jr|jnr|mgr)\b\.?|\b(?:assoc|dir)\./gi;
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  sr: 'Senior ', snr: 'Senior ', jr: 'Junior ', jnr: 'Junior ', mgr: 'Manager ', assoc: 'Associate ', dir: 'Director ',
};
const TRAILING_DOT_RE = /\.$/;

function expandAbbreviation(match: string): string {
  return ABBREVIATIONS[match.toLowerCase().replace(TRAILING_DOT_RE, '')] ?? match;
}

const ACRONYMS: ReadonlySet<string> = new Set(
  ('ai ml nlp llm llms bi etl elt cv sql aws gcp it qa vp svp evp cto cdo cio ceo caio sre ux ui api r&d ii iii iv ' +
    'us uk emea apac phd dl rl gpu hr erp crm sap sas').split(' '),
);
const SPECIAL_CASE: Readonly<Record<string, string>> = {
  mlops: 'MLOps', dataops: 'DataOps', devops: 'DevOps', llmops: 'LLMOps', genai: 'GenAI', aiops: 'AIOps',
  of: 'of', and: 'and', for: 'for', the: 'the', in: 'in', de: 'de',
};
const HAS_LOWER_RE = /\p{Ll}/u;
const HAS_UPPER_RE = /\p{Lu}/u;

function recase(title: string): string {
  // Mixed case is the author's choice; only SHOUTED or all-lowercase titles are re-cased.
  if (HAS_LOWER_RE.test(title) && HAS_UPPER_RE.test(title)) return title;
  return title
    .toLowerCase()
    .split(' ')
    .map((word, i) => {
      if (ACRONYMS.has(word)) return word.toUpperCase();
      const special = SPECIAL_CASE[word];
      if (special && (i > 0 || special !== word)) return special;
      return word.charAt(0).toUpperCase() + word.slice(1);
    })
    .join(' ');
}

function stripParentheticals(title: string): string {
  let current = title;
  // Repeated because removing "(Remote)" from "((Remote))" leaves an empty pair behind.
  for (let i = 0; i < 4; i++) {
    const next = current.replace(PARENTHETICAL_RE, (match: string, inner: string) =>
      inner.trim() === '' || isLocationOrWorkMode(inner.trim()) ? '' : match,
    );
    if (next === current) break;
    current = next;
  }
  return current;
}

function stripTrailingSegments(title: string): string {
  let current = title;
  for (let i = 0; i < 6 && SEPARATOR_RE.test(current); i++) {
    const withoutCityState = current.includes(',') ? current.replace(CITY_STATE_TAIL_RE, '') : current;
    if (withoutCityState !== current) {
      current = trimEdges(withoutCityState);
      continue;
    }
    const m = TRAILING_SEGMENT_RE.exec(current);
    if (!m || !isLocationOrWorkMode(m[1].trim())) break;
    current = trimEdges(current.slice(0, m.index));
  }
  return current;
}

const HAS_DIGIT_RE = /\d/;
const GENDER_HINT_RE = /\/|gender|\(gn|divers/i;
const BRACKET_RE = /[([]/;

/** Cleaned, human-readable title: tags, codes, locations and work modes removed, "Sr." expanded. */
export function cleanTitle(raw: string): string {
  let title = raw.slice(0, MAX_TITLE_LENGTH);
  // Cheap tests first: most titles have no digits, slashes or brackets, so most passes are skipped.
  const hasDigit = HAS_DIGIT_RE.test(title);
  if (GENDER_HINT_RE.test(title)) title = title.replace(GENDER_TAG_RE, ' ');
  if (hasDigit) title = title.replace(REQUISITION_RE, ' ');
  title = title.replace(ABBREVIATION_RE, expandAbbreviation).replace(WHITESPACE_RE, ' ');
  if (BRACKET_RE.test(title)) title = stripParentheticals(title);
  if (hasDigit) title = title.replace(REQUISITION_RE, ' ');
  title = title.replace(AT_COMPANY_RE, '');
  title = trimEdges(title.replace(WHITESPACE_RE, ' '));
  title = stripTrailingSegments(title);
  title = trimEdges(title.replace(WHITESPACE_RE, ' '));
  return recase(title);
}

// ---------------------------------------------------------------- canonical text for matching

const DIACRITICS_RE = /[\u0300-\u036f]/g;
const NON_WORD_RE = /[^a-z0-9+#&]+/g;
const DOTTED_RE = /\b(?:m\.l|a\.i)\.?(?=\s|$)|\bco-op\b/g;
const DOTTED: Readonly<Record<string, string>> = { 'm.l': ' ml ', 'm.l.': ' ml ', 'a.i': ' ai ', 'a.i.': ' ai ', 'co-op': ' coop ' };
/**
 * Spellings folded to one token so the rules below stay short, in one pass over the text:
 * "machine learning" -> ml, "power bi" -> bi, "ml ops" -> mlops, "sr" -> senior, and the Spanish,
 * Portuguese, French and German words seen in survey data.
 */
const PHRASES: Readonly<Record<string, string>> = {
  'machine learning': 'ml', 'artificial intelligence': 'ai', 'business intelligence': 'bi', 'power bi': 'bi',
  'natural language processing': 'nlp', 'large language model': 'llm', 'large language models': 'llm', llms: 'llm',
  'gen ai': 'genai', genai: 'genai', 'generative ai': 'genai', generativeai: 'genai',
  'ml ops': 'mlops', 'ai ops': 'aiops', 'llm ops': 'llmops', 'data ops': 'dataops',
  sr: 'senior', snr: 'senior', jr: 'junior', jnr: 'junior', mgr: 'manager',
  datos: 'data', dados: 'data', donnees: 'data', daten: 'data', analista: 'analyst',
  cientifico: 'scientist', cientista: 'scientist', ingeniero: 'engineer', engenheiro: 'engineer', ingenieur: 'engineer',
};
const PHRASE_RE = new RegExp(
  `\\b(?:${Object.keys(PHRASES).sort((a, b) => b.length - a.length).join('|')})\\b`,
  'g',
);
// Romance word order: "ingeniero de datos" -> "data engineer".
const NOUN_OF_DATA_RE = /\b(analyst|scientist|engineer) (?:de|of) data\b/g;

function canonical(title: string): string {
  let text = title.toLowerCase();
  if (!isAscii(text)) text = text.normalize('NFD').replace(DIACRITICS_RE, '');
  if (text.includes('.') || text.includes('-')) text = text.replace(DOTTED_RE, (m) => DOTTED[m] ?? m);
  text = text.replace(NON_WORD_RE, ' ').replace(PHRASE_RE, (m) => PHRASES[m]);
  if (text.includes(' data')) text = text.replace(NOUN_OF_DATA_RE, 'data $1');
  return ' ' + text.trim() + ' ';
}

const NON_ASCII_RE = /[^\x00-\x7f]/;
function isAscii(text: string): boolean {
  return !NON_ASCII_RE.test(text);
}

// ---------------------------------------------------------------- role family

const DATA_DOMAIN =
  '(?:data|ml|ai|analytics|bi|insights?|dl|deep learning|computer vision|nlp|llm|genai|mlops|dataops|reporting|statistics|machine vision)';
const MANAGEMENT = '(?:manager|director|head|vp|vice president|chief|cdo|cdao|caio)';
const PRACTITIONER =
  /\b(?:engineer|scientist|analyst|developer|architect|researcher|modell?er|statistician|programmer|specialist|consultant|designer|administrator)\b/;

/**
 * Ordered rules, first match wins. The order encodes the priorities:
 * 1. product/project/account roles are not data roles even in a data team ("Data Product Manager" -> OTHER);
 * 2. managing a data/ML/AI function beats the practitioner noun ("Data Scientist Manager",
 *    "Manager, Data Science", "Head of AI" -> DATA_MANAGER); a bare "<domain> Lead" without a
 *    practitioner noun is a team lead too ("Data Lead", "AI Lead"), "Lead Data Scientist" is not;
 * 3. research beats the technical domain ("Machine Learning Research Scientist" -> RESEARCH_SCIENTIST),
 *    quantitative roles excepted (-> DATA_SCIENTIST, they model data rather than publish);
 * 4. exact core phrases ("data scientist", "data engineer", "data analyst", "analytics engineer")
 *    beat AI/ML qualifiers ("AI Data Engineer" -> DATA_ENGINEER);
 * 5. then MLOps, ML, AI practitioners, other scientists, data engineering, analysts;
 * 6. finally the bare domain decides ("Engineer, Machine Learning" -> ML_ENGINEER, "Data Governance" -> DATA_ANALYST).
 */
const FAMILY_RULES: ReadonlyArray<readonly [RoleFamily, RegExp]> = [
  [
    RoleFamily.OTHER,
    /\b(?:product|project|program|programme|account|sales|delivery|marketing|customer success) (?:manager|owner|director|executive|lead)\b|\b(?:head|director|vp|vice president) of (?:product|sales|marketing)\b|\bbusiness development\b/,
  ],
  [
    RoleFamily.DATA_MANAGER,
    new RegExp(`\\b${DATA_DOMAIN}\\b.*\\b${MANAGEMENT}\\b|\\b${MANAGEMENT}\\b.*\\b${DATA_DOMAIN}\\b`),
  ],
  [RoleFamily.DATA_SCIENTIST, /\bquant(?:itative)?\b(?! (?:developer|dev|engineer|trader|trading)\b)/],
  [
    RoleFamily.RESEARCH_SCIENTIST,
    /\bresearch (?:scientist|engineer|fellow|associate|assistant|intern)\b|\bresearchers?\b|\bpost ?doc|\bpostdoctoral\b|\bphd (?:student|researcher|candidate)\b/,
  ],
  [RoleFamily.DATA_SCIENTIST, /\bdata scien/],
  [RoleFamily.DATA_ENGINEER, /\bdata engineer/],
  [RoleFamily.DATA_ANALYST, /\bdata analyst/],
  [
    RoleFamily.ANALYTICS_ENGINEER,
    /\banalytics engineer|\bbi (?:engineer|developer|architect|administrator|admin)\b|\bvisuali[sz]ation (?:engineer|developer)\b|\b(?:tableau|looker|qlik|qlikview|qliksense|dbt) (?:developer|engineer)\b|\bdata analytics (?:engineer|developer)\b/,
  ],
  [
    RoleFamily.MLOPS_ENGINEER,
    /\b(?:ml|ai|llm|dl)ops\b|\b(?:ml|ai|llm|dl) (?:platform|infrastructure|infra|systems|reliability|deployment|serving)\b/,
  ],
  [
    RoleFamily.ML_ENGINEER,
    /\b(?:ml|dl|deep learning|computer vision|machine vision|cv|nlp|speech|recommender|recommendation|perception|reinforcement learning)\b[a-z0-9 ]{0,40}?\b(?:engineer|developer|architect|specialist|programmer)\b/,
  ],
  [
    RoleFamily.AI_ENGINEER,
    /\b(?:ai|genai|llm|prompt|chatbot|conversational|agentic|agents?|rag)\b[a-z0-9 ]{0,40}?\b(?:engineer|developer|architect|specialist|programmer|builder)\b/,
  ],
  [
    RoleFamily.DATA_SCIENTIST,
    /\b(?:scientist|statistician|statistical (?:programmer|analyst|modell?er)|bioinformatic\w*|computational (?:biologist|scientist|linguist)|econometrician|actuary|decision science|(?:ml|ai|predictive) modell?er)\b/,
  ],
  [
    RoleFamily.DATA_ENGINEER,
    /\b(?:data|etl|elt|big data|dataops|databricks|spark|hadoop|snowflake|kafka|airflow|data warehouse|dwh|database|sas|informatica|talend)\b[a-z0-9 ]{0,40}?\b(?:engineer|developer|architect|modell?er|programmer|administrator|dba)\b|\bdata (?:architect|modell?er|integration)\b|\betl\b|\bdba\b|\b(?:engineer|developer)\b.*\bdata\b/,
  ],
  [
    RoleFamily.OTHER,
    /\b(?:security|cyber ?security|soc|network|systems?|it|support|help desk|threat|malware) analyst\b/,
  ],
  [RoleFamily.DATA_ANALYST, /\b(?:analyst|analytics|analysis|insights?)\b/],
  [RoleFamily.ML_ENGINEER, /\b(?:ml|dl|deep learning|computer vision|nlp)\b/],
  [RoleFamily.AI_ENGINEER, /\b(?:ai|genai|llm|prompt engineering)\b/],
  [RoleFamily.DATA_ANALYST, /\b(?:data|bi|reporting|reporter|statistics)\b/],
];

const LEAD_RE = /\blead\b/;
const TECH_LEAD_RE = /\btech(?:nical)? lead\b/;
const DATA_DOMAIN_RE = new RegExp(`\\b${DATA_DOMAIN}\\b`);

function classify(text: string): RoleFamily {
  if (LEAD_RE.test(text) && !TECH_LEAD_RE.test(text) && !PRACTITIONER.test(text) && DATA_DOMAIN_RE.test(text)) {
    // Checked here, not in the table: it needs three conditions at once.
    if (!FAMILY_RULES[0][1].test(text)) return RoleFamily.DATA_MANAGER;
  }
  for (const [family, re] of FAMILY_RULES) {
    if (re.test(text)) return family;
  }
  return RoleFamily.OTHER;
}

// ---------------------------------------------------------------- seniority

/**
 * Highest rank wins, except INTERN which wins over everything ("Data Science Intern, Director's
 * office" is still an intern): INTERN > DIRECTOR > LEAD > STAFF > SENIOR > MID > ENTRY.
 * "Head of team" is LEAD, any other "Head (of)" is DIRECTOR. "Member of Technical Staff" is a
 * title, not a level, and so is "Product/Project/Account Manager" (JOB_FAMILY_MANAGER_RE).
 * Trailing levels: I/1 -> ENTRY, II/2 -> MID, III/3 -> SENIOR, IV/4 and up -> STAFF.
 */
const SENIORITY_RULES: ReadonlyArray<readonly [Seniority, RegExp]> = [
  [
    Seniority.INTERN,
    /\b(?:intern|interns|internship|trainee|working student|werkstudent(?:in)?|praktikant(?:in)?|stagiaire|stage|alternance|apprentice(?:ship)?|coop|placement student|summer analyst)\b/,
  ],
  [Seniority.LEAD, /\bhead of (?:the )?team\b|\bteam head\b/],
  [
    Seniority.DIRECTOR,
    /\b(?:director|directeur|vp|svp|evp|vice president|chief|cto|cdo|cio|ceo|caio|cdao|head)\b/,
  ],
  [Seniority.LEAD, /\b(?:lead|leader|manager|supervisor|team lead)\b/],
  [Seniority.STAFF, /\b(?:staff|principal|distinguished)\b/],
  [Seniority.MID, /\bmid senior\b/],
  [Seniority.SENIOR, /\b(?:senior|experienced)\b/],
  [Seniority.MID, /\b(?:mid|mid level|midlevel|intermediate)\b/],
  [Seniority.ENTRY, /\b(?:junior|entry|entry level|graduate|grad|new grad|associate|beginner|fresher)\b/],
];
const TECHNICAL_STAFF_RE = /\bmember of (?:the )?technical staff\b/g;
/**
 * "Manager" as the name of a job family, not a rank: a Product, Project, Program or Account
 * Manager usually manages no people, so the phrase says nothing about level ("Product Manager" ->
 * null; "Senior Product Manager" -> SENIOR, "Lead Product Manager" -> LEAD). Managing a function
 * keeps the rank ("Engineering Manager", "Analytics Manager", "Manager, Product Analytics",
 * "Product Analytics Manager" -> LEAD), and so does "Group Product Manager", a manager of PMs.
 */
const JOB_FAMILY_MANAGER_RE =
  /(?<!\bgroup )\b(product(?: marketing)?|project|program(?:me)?|account|customer success|relationship|community) manager\b/g;
const MANAGER_WORD = ' manager ';
const LEVEL_SUFFIX_RE = /(?:^|\s)(i{1,3}|iv|v|vi|[1-6])\s*(?:$|[,(\-–|])/i;
const LEVEL_BY_SUFFIX: Readonly<Record<string, Seniority>> = {
  i: Seniority.ENTRY, '1': Seniority.ENTRY,
  ii: Seniority.MID, '2': Seniority.MID,
  iii: Seniority.SENIOR, '3': Seniority.SENIOR,
  iv: Seniority.STAFF, '4': Seniority.STAFF, v: Seniority.STAFF, '5': Seniority.STAFF, vi: Seniority.STAFF, '6': Seniority.STAFF,
};
const RANK: Readonly<Record<Seniority, number>> = {
  [Seniority.INTERN]: 7,
  [Seniority.DIRECTOR]: 6,
  [Seniority.LEAD]: 5,
  [Seniority.STAFF]: 4,
  [Seniority.SENIOR]: 3,
  [Seniority.MID]: 2,
  [Seniority.ENTRY]: 1,
};

function seniorityOf(text: string, cleaned: string): Seniority | null {
  let words = text.replace(TECHNICAL_STAFF_RE, ' ');
  if (words.includes(MANAGER_WORD)) words = words.replace(JOB_FAMILY_MANAGER_RE, '$1');
  let best: Seniority | null = null;
  for (const [level, re] of SENIORITY_RULES) {
    if (re.test(words)) {
      best = level;
      break;
    }
  }
  const suffix = LEVEL_SUFFIX_RE.exec(cleaned);
  const fromSuffix = suffix ? LEVEL_BY_SUFFIX[suffix[1].toLowerCase()] : undefined;
  if (fromSuffix && (best === null || RANK[fromSuffix] > RANK[best])) best = fromSuffix;
  return best;
}

/** Seniority words in free text ("Senior", "Entry-level", "Head of Data"); null when none. */
export function detectSeniority(text: string | undefined | null): Seniority | null {
  if (typeof text !== 'string') return null;
  const slice = text.slice(0, MAX_TITLE_LENGTH);
  return seniorityOf(canonical(slice), slice.trim());
}

// ---------------------------------------------------------------- public API

// Titles repeat heavily (74k survey rows carry 290 distinct titles); the result depends on the text
// alone, so a bounded memo is safe. Cleared when full rather than LRU: simpler and good enough.
const TITLE_CACHE = new Map<string, NormalizedTitle>();
const TITLE_CACHE_LIMIT = 10_000;
// Longer keys would be garbage input; not worth keeping in memory.
const MAX_CACHED_TITLE_LENGTH = 160;

export function normalizeTitle(raw: string | undefined | null): NormalizedTitle {
  if (typeof raw !== 'string' || raw.trim() === '') {
    return { raw: null, normalized: null, roleFamily: RoleFamily.OTHER, seniority: null };
  }
  const trimmed = raw.trim();
  const cached = TITLE_CACHE.get(trimmed);
  if (cached) return { ...cached };
  const cleaned = cleanTitle(trimmed);
  let result: NormalizedTitle;
  if (cleaned === '') {
    result = { raw: trimmed, normalized: null, roleFamily: RoleFamily.OTHER, seniority: null };
  } else {
    // Cleaning only drops tags, codes, places and work modes, so the cleaned title carries the level too.
    const text = canonical(cleaned);
    result = { raw: trimmed, normalized: cleaned, roleFamily: classify(text), seniority: seniorityOf(text, cleaned) };
  }
  if (trimmed.length <= MAX_CACHED_TITLE_LENGTH) {
    if (TITLE_CACHE.size >= TITLE_CACHE_LIMIT) TITLE_CACHE.clear();
    TITLE_CACHE.set(trimmed, result);
  }
  return { ...result };
}

const SENIORITY_BY_CODE: Readonly<Record<string, Seniority>> = {
  EN: Seniority.ENTRY,
  MI: Seniority.MID,
  SE: Seniority.SENIOR,
  EX: Seniority.DIRECTOR,
};
const EXPERIENCE_BY_CODE: Readonly<Record<string, ExperienceLevel>> = {
  EN: ExperienceLevel.ENTRY,
  MI: ExperienceLevel.MID,
  SE: ExperienceLevel.SENIOR,
  EX: ExperienceLevel.EXECUTIVE,
};
const EXECUTIVE_RE = /\b(?:executive|exec|c level|c suite)\b/;

/** aijobs.net experience code (EN/MI/SE/EX) or a level word ("Entry-level", "Executive") -> Seniority. */
export function seniorityFromExperienceCode(code: 'EN' | 'MI' | 'SE' | 'EX' | string | undefined | null): Seniority | null {
  if (typeof code !== 'string') return null;
  const trimmed = code.trim();
  const byCode = SENIORITY_BY_CODE[trimmed.toUpperCase()];
  if (byCode) return byCode;
  const text = canonical(trimmed.slice(0, MAX_TITLE_LENGTH));
  if (EXECUTIVE_RE.test(text)) return Seniority.DIRECTOR;
  return seniorityOf(text, '');
}

const EXPERIENCE_BY_SENIORITY: Readonly<Record<Seniority, ExperienceLevel>> = {
  [Seniority.INTERN]: ExperienceLevel.ENTRY,
  [Seniority.ENTRY]: ExperienceLevel.ENTRY,
  [Seniority.MID]: ExperienceLevel.MID,
  [Seniority.SENIOR]: ExperienceLevel.SENIOR,
  [Seniority.STAFF]: ExperienceLevel.SENIOR,
  [Seniority.LEAD]: ExperienceLevel.SENIOR,
  [Seniority.DIRECTOR]: ExperienceLevel.EXECUTIVE,
};

/**
 * EN/MI/SE/EX or a level word -> ExperienceLevel. Staff and lead fold into SENIOR and interns into
 * ENTRY: the survey scale has only four steps.
 */
export function experienceLevelFromCode(code: 'EN' | 'MI' | 'SE' | 'EX' | string | undefined | null): ExperienceLevel | null {
  if (typeof code !== 'string') return null;
  const byCode = EXPERIENCE_BY_CODE[code.trim().toUpperCase()];
  if (byCode) return byCode;
  const seniority = seniorityFromExperienceCode(code);
  return seniority ? EXPERIENCE_BY_SENIORITY[seniority] : null;
}
