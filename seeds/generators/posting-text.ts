/**
 * Vocabulary for synthetic postings: raw titles, company names and description prose.
 *
 * Filler prose deliberately avoids every canonical skill name (no "machine learning", "statistics", "spark",
 * "excel" as a verb, "R&D"...), so the skills a posting mentions are exactly the skills it was given. That makes
 * the generated descriptions usable as labelled data for the skill extractor.
 */
import { Industry, RemoteType, RoleFamily, Seniority } from '../../src/common/market.enums';
import { SKILL_PROSE_GROUPS, SkillName } from './market-profile';
import { Prng, WeightedTable } from './prng';

type Weighted<T> = readonly (readonly [T, number])[];

function table<T>(entries: Weighted<T>): WeightedTable<T> {
  return new WeightedTable(
    entries.map((e) => e[0]),
    entries.map((e) => e[1]),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Titles
// ---------------------------------------------------------------------------------------------------------------

const BASE_TITLES: Readonly<Record<RoleFamily, WeightedTable<string>>> = {
  [RoleFamily.ML_ENGINEER]: table([
    ['Machine Learning Engineer', 55], ['ML Engineer', 20], ['Software Engineer, Machine Learning', 10],
    ['AI/ML Engineer', 5], ['Machine Learning Software Engineer', 5], ['Applied Machine Learning Engineer', 5],
  ]),
  [RoleFamily.DATA_SCIENTIST]: table([
    ['Data Scientist', 76], ['Applied Scientist', 6], ['Applied Data Scientist', 5], ['Product Data Scientist', 5],
    ['Decision Scientist', 4], ['Data Science Specialist', 4],
  ]),
  [RoleFamily.DATA_ENGINEER]: table([
    ['Data Engineer', 66], ['Big Data Engineer', 7], ['Data Platform Engineer', 7], ['Data Architect', 8],
    ['ETL Developer', 5], ['Data Pipeline Engineer', 4], ['Cloud Data Engineer', 3],
  ]),
  [RoleFamily.DATA_ANALYST]: table([
    ['Data Analyst', 58], ['Business Intelligence Analyst', 14], ['BI Analyst', 7], ['Product Analyst', 7],
    ['Business Data Analyst', 5], ['Reporting Analyst', 5], ['Data Specialist', 4],
  ]),
  [RoleFamily.RESEARCH_SCIENTIST]: table([
    ['Research Scientist', 58], ['Research Engineer', 18], ['Machine Learning Researcher', 12], ['AI Research Scientist', 12],
  ]),
  [RoleFamily.MLOPS_ENGINEER]: table([
    ['MLOps Engineer', 60], ['ML Platform Engineer', 20], ['Machine Learning Infrastructure Engineer', 12], ['ML Ops Engineer', 8],
  ]),
  [RoleFamily.AI_ENGINEER]: table([['AI Engineer', 70], ['Applied AI Engineer', 30]]),
  [RoleFamily.ANALYTICS_ENGINEER]: table([['Analytics Engineer', 100]]),
  [RoleFamily.DATA_MANAGER]: table([
    ['Data Science Manager', 30], ['Analytics Manager', 20], ['Manager, Data Engineering', 15],
    ['Machine Learning Manager', 10], ['Engineering Manager, Machine Learning', 15], ['Data Manager', 10],
  ]),
  [RoleFamily.OTHER]: table([
    ['Software Engineer', 35], ['Solutions Architect', 18], ['Backend Engineer', 15], ['Platform Engineer', 15],
    ['Product Manager, Machine Learning', 10], ['Site Reliability Engineer', 7],
  ]),
};

/** GenAI-era AI-engineer titles; only used from 2023 on. */
const GENAI_AI_TITLES = table([['AI Engineer', 50], ['Generative AI Engineer', 22], ['LLM Engineer', 13], ['Applied AI Engineer', 15]]);
const GENAI_FROM_MONTH = 2023 * 12;

/** Functions a director, head or VP leads (DATA_MANAGER postings at DIRECTOR level). */
const LEADERSHIP_AREAS = [
  'Data Science', 'Data', 'Analytics', 'Machine Learning', 'AI', 'Data Engineering', 'Business Intelligence',
  'Machine Learning Engineering', 'AI Research', 'ML Platform', 'Data Platform',
];

/** `[label, skill the label implies, first month (year*12+m) it may appear]`. */
type Specialisation = readonly [label: string, skill: SkillName | undefined, fromMonth: number];
const ALWAYS = 0;
const SPECIALISATIONS: Readonly<Record<RoleFamily, readonly Specialisation[]>> = {
  [RoleFamily.ML_ENGINEER]: [
    ['Ranking', undefined, ALWAYS], ['Search', undefined, ALWAYS], ['Recommendations', undefined, ALWAYS],
    ['Ads', undefined, ALWAYS], ['Personalization', undefined, ALWAYS], ['Fraud Detection', undefined, ALWAYS],
    ['Computer Vision', 'Computer Vision', ALWAYS], ['NLP', 'NLP', ALWAYS], ['Perception', 'Computer Vision', ALWAYS],
    ['Forecasting', 'Time Series', ALWAYS], ['Generative AI', 'Generative AI', GENAI_FROM_MONTH], ['LLM', 'LLM', GENAI_FROM_MONTH],
  ],
  [RoleFamily.DATA_SCIENTIST]: [
    ['Product', undefined, ALWAYS], ['Marketing', undefined, ALWAYS], ['Risk', undefined, ALWAYS], ['Growth', undefined, ALWAYS],
    ['Experimentation', 'A/B Testing', ALWAYS], ['Forecasting', 'Time Series', ALWAYS], ['Pricing', undefined, ALWAYS],
    ['Supply Chain', undefined, ALWAYS], ['NLP', 'NLP', ALWAYS], ['Causal Inference', undefined, ALWAYS],
  ],
  [RoleFamily.DATA_ENGINEER]: [
    ['Platform', undefined, ALWAYS], ['Streaming', 'Kafka', ALWAYS], ['Analytics', undefined, ALWAYS],
    ['Data Infrastructure', undefined, ALWAYS], ['Data Warehouse', undefined, ALWAYS],
  ],
  [RoleFamily.DATA_ANALYST]: [
    ['Marketing', undefined, ALWAYS], ['Finance', undefined, ALWAYS], ['Product', undefined, ALWAYS],
    ['Operations', undefined, ALWAYS], ['Sales', undefined, ALWAYS], ['Customer Insights', undefined, ALWAYS],
  ],
  [RoleFamily.RESEARCH_SCIENTIST]: [
    ['NLP', 'NLP', ALWAYS], ['Computer Vision', 'Computer Vision', ALWAYS], ['Reinforcement Learning', 'Reinforcement Learning', ALWAYS],
    ['Speech', undefined, ALWAYS], ['Robotics', 'Reinforcement Learning', ALWAYS], ['LLMs', 'LLM', GENAI_FROM_MONTH],
    ['Generative Models', 'Generative AI', GENAI_FROM_MONTH],
  ],
  [RoleFamily.MLOPS_ENGINEER]: [
    ['Model Serving', undefined, ALWAYS], ['Training Platform', undefined, ALWAYS], ['Feature Store', undefined, ALWAYS],
  ],
  [RoleFamily.AI_ENGINEER]: [
    ['Conversational AI', 'NLP', ALWAYS], ['Agents', 'LLM', GENAI_FROM_MONTH], ['Copilot', 'LLM', GENAI_FROM_MONTH],
    ['Search', 'RAG', GENAI_FROM_MONTH],
  ],
  [RoleFamily.ANALYTICS_ENGINEER]: [['Finance', undefined, ALWAYS], ['Marketing', undefined, ALWAYS], ['Product', undefined, ALWAYS]],
  [RoleFamily.DATA_MANAGER]: [],
  [RoleFamily.OTHER]: [],
};
const SPECIALISATION_RATE = 0.25;

/**
 * Canonical names that a title can carry verbatim (plus the "ML" abbreviation, which taxonomies usually alias to
 * Machine Learning). A posting whose title contains one also lists the skill, so "mentioned in the text" and
 * "listed" stay the same set.
 */
export const TITLE_SKILL_MARKERS: readonly (readonly [marker: string, skill: SkillName])[] = [
  ['Machine Learning', 'Machine Learning'], ['ML ', 'Machine Learning'], ['AI/ML', 'Machine Learning'],
  ['Deep Learning', 'Deep Learning'], ['NLP', 'NLP'], ['Computer Vision', 'Computer Vision'],
  ['Generative AI', 'Generative AI'], ['LLM', 'LLM'], ['Reinforcement Learning', 'Reinforcement Learning'],
];

const ROMAN_SUFFIX: Readonly<Partial<Record<Seniority, string>>> = { ENTRY: ' I', MID: ' II', SENIOR: ' III' };

export interface TitleParts {
  title: string;
  /** Skill implied by the specialisation, if any. */
  impliedSkill: SkillName | undefined;
}

export function buildTitle(
  prng: Prng,
  family: RoleFamily,
  seniority: Seniority,
  month: number,
  remote: RemoteType,
): TitleParts {
  let impliedSkill: SkillName | undefined;
  let title: string;
  if (seniority === Seniority.DIRECTOR) {
    const area = prng.pick(LEADERSHIP_AREAS);
    const u = prng.next();
    title = u < 0.5 ? `Director of ${area}` : u < 0.8 ? `Head of ${area}` : u < 0.9 ? `Director, ${area}` : `VP, ${area}`;
  } else {
    const base =
      family === RoleFamily.AI_ENGINEER && month >= GENAI_FROM_MONTH ? prng.sample(GENAI_AI_TITLES) : prng.sample(BASE_TITLES[family]);
    title = family === RoleFamily.DATA_MANAGER ? managerTitle(prng, base, seniority) : withSeniority(prng, base, seniority, month);
    const specs = SPECIALISATIONS[family];
    if (specs.length > 0 && seniority !== Seniority.INTERN && prng.chance(SPECIALISATION_RATE)) {
      const spec = prng.pick(specs);
      if (month >= spec[2] && !title.includes(spec[0])) {
        const u = prng.next();
        title = u < 0.6 ? `${title}, ${spec[0]}` : u < 0.85 ? `${title} - ${spec[0]}` : `${title} (${spec[0]})`;
        impliedSkill = spec[1];
      }
    }
  }
  if (remote === RemoteType.REMOTE && prng.chance(0.15)) title += ' (Remote)';
  else if (remote === RemoteType.HYBRID && prng.chance(0.04)) title += ' (Hybrid)';
  return { title, impliedSkill };
}

function withSeniority(prng: Prng, base: string, seniority: Seniority, month: number): string {
  const u = prng.next();
  switch (seniority) {
    case Seniority.INTERN: {
      const year = Math.floor(month / 12);
      if (u < 0.5) return `${base} Intern`;
      if (u < 0.65) return `${base} Internship`;
      if (u < 0.75) return `Intern - ${base}`;
      if (u < 0.9) return `${base} Intern (Summer ${year})`;
      return `${base} Co-op`;
    }
    case Seniority.ENTRY:
      if (u < 0.35) return `Junior ${base}`;
      if (u < 0.5) return `Jr. ${base}`;
      if (u < 0.7) return `Associate ${base}`;
      if (u < 0.78) return `Entry Level ${base}`;
      if (u < 0.85) return `Graduate ${base}`;
      return withRoman(base, seniority);
    case Seniority.MID:
      if (u < 0.7) return base;
      if (u < 0.95) return withRoman(base, seniority);
      return `Mid-Level ${base}`;
    case Seniority.SENIOR:
      if (u < 0.6) return `Senior ${base}`;
      if (u < 0.8) return `Sr. ${base}`;
      if (u < 0.85) return `Sr ${base}`;
      if (u < 0.95) return withRoman(base, seniority);
      return `${base}, Senior`;
    case Seniority.STAFF:
      if (u < 0.65) return `Staff ${base}`;
      if (u < 0.95) return `Principal ${base}`;
      return `Senior Staff ${base}`;
    case Seniority.LEAD:
      if (u < 0.7) return `Lead ${base}`;
      if (u < 0.85) return `${base} Team Lead`;
      return `Senior Lead ${base}`;
    case Seniority.DIRECTOR:
      return `Director, ${base}`;
  }
}

/** Roman numerals go before a ", Specialty" part: "Software Engineer II, Machine Learning". */
function withRoman(base: string, seniority: Seniority): string {
  const suffix = ROMAN_SUFFIX[seniority] ?? '';
  const comma = base.indexOf(',');
  return comma < 0 ? base + suffix : base.slice(0, comma) + suffix + base.slice(comma);
}

function managerTitle(prng: Prng, base: string, seniority: Seniority): string {
  return seniority === Seniority.LEAD && prng.chance(0.35) ? `Senior ${base}` : base;
}

// ---------------------------------------------------------------------------------------------------------------
// Companies
// ---------------------------------------------------------------------------------------------------------------

const NAME_PREFIXES = [
  'Blue', 'North', 'Bright', 'Silver', 'Quantum', 'Vertex', 'Helix', 'Nova', 'Apex', 'Cedar', 'Summit', 'Harbor',
  'Iron', 'Crystal', 'Red', 'Green', 'Atlas', 'Orion', 'Lumen', 'Polar', 'Pacific', 'Granite', 'Evergreen', 'Falcon',
  'Horizon', 'Meridian', 'Pioneer', 'Sterling', 'Union', 'Liberty', 'Beacon', 'Cobalt', 'Copper', 'Delta', 'Echo',
  'Fusion', 'Keystone', 'Lattice', 'Maple', 'Nimbus', 'Oak', 'Prism', 'Quartz', 'Redwood', 'Sierra', 'Tidal',
  'Vector', 'Willow', 'Zenith', 'Aurora', 'Bay', 'Crescent', 'Everest', 'Frontier', 'Golden', 'Highland', 'Indigo',
  'Juniper', 'Kestrel', 'Lighthouse', 'Mosaic', 'Northstar', 'Onyx', 'Pinnacle', 'Riverbend', 'Sapphire', 'Trident',
  'Upland', 'Vantage', 'Westbrook', 'Alder', 'Birch', 'Coral', 'Dune', 'Ember', 'Fjord', 'Glacier', 'Heron',
];
const NAME_SECOND_PARTS = [
  'point', 'ridge', 'stone', 'field', 'bridge', 'gate', 'wave', 'light', 'path', 'works', 'line', 'peak', 'forge',
  'leaf', 'loop', 'mark', 'shift', 'scale', 'signal', 'grid', 'crest', 'haven', 'brook', 'view',
];
const SURNAMES = [
  'Walker', 'Hughes', 'Bennett', 'Carter', 'Foster', 'Hayes', 'Morgan', 'Reed', 'Sullivan', 'Turner', 'Bishop',
  'Coleman', 'Dawson', 'Ellis', 'Fletcher', 'Graham', 'Harper', 'Keller', 'Lawson', 'Mercer', 'Norris', 'Parker',
  'Quinn', 'Russell', 'Shaw', 'Thornton', 'Vaughn', 'Whitaker', 'Young', 'Becker', 'Schneider', 'Fischer', 'Weber',
  'Moreau', 'Laurent', 'Rossi', 'Bianchi', 'Tanaka', 'Sato', 'Patel', 'Sharma', 'Iyer', 'Kapoor', 'Silva', 'Santos',
  'Costa', 'Nowak', 'Kowalski', 'Jansen', 'de Vries', 'Lindqvist', 'Andersen', 'Kim', 'Chen', 'Wong', 'Singh',
  'Okafor', 'Mensah', 'Haddad', 'Novak',
];
const SYLLABLES = ['zo', 'ra', 'vi', 'lu', 'ka', 'ne', 'to', 'mi', 'qu', 'xa', 'dy', 'fi', 'lo', 'sa', 'te', 'ri', 'no', 'va', 'ly', 'ze', 'mo', 'ta'];
const BRAND_ENDINGS = ['', 'x', 'n', 'a', 'io', 'ly', 'r', 'on'];

const INDUSTRY_WORDS: Readonly<Record<Industry, readonly string[]>> = {
  [Industry.TECHNOLOGY]: ['Labs', 'Systems', 'Software', 'Analytics', 'Data', 'AI', 'Technologies', 'Cloud', 'Networks', 'Digital'],
  [Industry.FINANCE]: ['Capital', 'Financial', 'Bank', 'Payments', 'Securities', 'Asset Management', 'Credit', 'Wealth'],
  [Industry.HEALTHCARE]: ['Health', 'Therapeutics', 'Medical', 'Bio', 'Genomics', 'Care', 'Diagnostics', 'Pharma'],
  [Industry.RETAIL]: ['Retail', 'Commerce', 'Brands', 'Market', 'Goods', 'Stores', 'Outfitters', 'Foods'],
  [Industry.MANUFACTURING]: ['Manufacturing', 'Industries', 'Robotics', 'Motors', 'Materials', 'Semiconductor', 'Automation', 'Aerospace'],
  [Industry.CONSULTING]: ['Consulting', 'Advisory', 'Partners', 'Solutions', 'Strategy'],
  [Industry.INSURANCE]: ['Insurance', 'Mutual', 'Assurance', 'Underwriters'],
  [Industry.MEDIA]: ['Media', 'Studios', 'Entertainment', 'Interactive', 'Publishing'],
  [Industry.TELECOM]: ['Telecom', 'Communications', 'Mobile', 'Wireless'],
  [Industry.EDUCATION]: ['Learning', 'University', 'Education', 'Academy'],
  [Industry.ENERGY]: ['Energy', 'Power', 'Renewables', 'Utilities', 'Solar'],
  [Industry.TRANSPORTATION]: ['Logistics', 'Freight', 'Mobility', 'Airlines', 'Transit'],
  [Industry.GOVERNMENT]: ['Public Services', 'Agency', 'Institute', 'Authority'],
  [Industry.OTHER]: ['Foundation', 'Realty', 'Hospitality', 'Staffing'],
};
const LEGAL_SUFFIXES = table([
  ['', 55], [' Inc.', 15], [' LLC', 6], [' Ltd', 6], [' Group', 5], [' GmbH', 4], [' Corporation', 4], [' Co.', 3], [' plc', 2],
]);

/** Makes one plausible company name for an industry. Uniqueness is the caller's job. */
export function companyName(prng: Prng, industry: Industry): string {
  const word = prng.pick(INDUSTRY_WORDS[industry]);
  const u = prng.next();
  let name: string;
  if (u < 0.3) name = `${prng.pick(NAME_PREFIXES)}${prng.pick(NAME_SECOND_PARTS)} ${word}`;
  else if (u < 0.55) name = `${prng.pick(NAME_PREFIXES)} ${word}`;
  else if (u < 0.75) name = `${prng.pick(SURNAMES)} ${word}`;
  else if (u < 0.82) name = `${prng.pick(SURNAMES)} & ${prng.pick(SURNAMES)}`;
  else {
    const syllables = prng.int(2, 3);
    let brand = '';
    for (let i = 0; i < syllables; i++) brand += prng.pick(SYLLABLES);
    brand += prng.pick(BRAND_ENDINGS);
    brand = brand[0].toUpperCase() + brand.slice(1);
    name = prng.chance(0.5) ? brand : `${brand} ${word}`;
  }
  return name + prng.sample(LEGAL_SUFFIXES);
}

// ---------------------------------------------------------------------------------------------------------------
// Description prose
// ---------------------------------------------------------------------------------------------------------------

export interface DescriptionInput {
  company: string;
  title: string;
  family: RoleFamily;
  industry: Industry;
  seniority: Seniority;
  city: string;
  countryName: string;
  remote: RemoteType;
  requiredSkills: readonly SkillName[];
  niceSkills: readonly SkillName[];
  minYears: number;
  education: string | undefined;
  salaryText: string | undefined;
}

export const DESCRIPTION_MIN_CHARS = 1100;
export const DESCRIPTION_MAX_CHARS = 3000;

const MISSIONS: Readonly<Record<Industry, readonly string[]>> = {
  [Industry.TECHNOLOGY]: [
    'builds software that thousands of businesses rely on every day',
    'runs a platform that helps teams plan, ship and measure their work',
    'makes developer tools used by engineers in more than forty countries',
  ],
  [Industry.FINANCE]: [
    'helps millions of customers save, borrow and invest with confidence',
    'is rebuilding payments infrastructure for small and medium businesses',
    'manages assets for pension funds, foundations and private clients',
  ],
  [Industry.HEALTHCARE]: [
    'partners with hospitals to deliver better outcomes for patients',
    'is developing new therapies for patients with rare diseases',
    'builds clinical software that supports care teams at the bedside',
  ],
  [Industry.RETAIL]: [
    'serves shoppers through hundreds of stores and a fast-growing online channel',
    'is one of the fastest-growing online marketplaces in the region',
    'designs and sells consumer products loved by millions of households',
  ],
  [Industry.MANUFACTURING]: [
    'designs and builds industrial equipment used on production lines worldwide',
    'manufactures components for the automotive and aerospace sectors',
    'operates smart factories that produce high-precision parts',
  ],
  [Industry.CONSULTING]: [
    'advises leading organisations on strategy, operations and technology',
    'helps enterprise clients turn their data into measurable business value',
  ],
  [Industry.INSURANCE]: [
    'protects families and businesses with simple, fair insurance products',
    'is modernising how policies are priced, sold and serviced',
  ],
  [Industry.MEDIA]: [
    'creates and distributes stories watched and read by millions of people',
    'runs an advertising platform that connects brands with their audiences',
  ],
  [Industry.TELECOM]: [
    'connects millions of customers through its mobile and broadband networks',
    'operates communications infrastructure across several countries',
  ],
  [Industry.EDUCATION]: [
    'helps learners of every age build skills for the future',
    'is a research university with a strong tradition in quantitative research',
  ],
  [Industry.ENERGY]: [
    'is accelerating the transition to clean, affordable energy',
    'operates generation and grid assets that power millions of homes',
  ],
  [Industry.TRANSPORTATION]: [
    'moves goods across continents with a network of partners and carriers',
    'is making everyday travel faster, safer and more sustainable',
  ],
  [Industry.GOVERNMENT]: [
    'delivers public services to residents and businesses across the country',
    'supports policy makers with trusted evidence and analysis',
  ],
  [Industry.OTHER]: [
    'works with communities and partners to create lasting impact',
    'operates a portfolio of properties and services across several markets',
  ],
};

const COMPANY_OPENERS: readonly ((company: string, mission: string) => string)[] = [
  (c, m) => `${c} ${m}.`,
  (c, m) => `At ${c}, we believe great products start with great data. Our company ${m}.`,
  (c, m) => `${c} ${m}, and data sits at the heart of every decision we make.`,
  (c, m) => `Founded over a decade ago, ${c} ${m}.`,
  (c, m) => `Join ${c}! Our company ${m}, and we are growing fast.`,
];

const ROLE_INTROS: Readonly<Record<RoleFamily, readonly ((title: string) => string)[]>> = {
  [RoleFamily.ML_ENGINEER]: [
    (t) => `We are looking for ${article(t)} ${t} to design, build and run the predictive models behind our core products.`,
    (t) => `As ${article(t)} ${t}, you will take models from prototype to production and keep them healthy once they are live.`,
    (t) => `In this ${t} role you will own the full model lifecycle, from data collection to deployment and monitoring.`,
  ],
  [RoleFamily.DATA_SCIENTIST]: [
    (t) => `We are hiring ${article(t)} ${t} to turn complex data into insights that shape product and business strategy.`,
    (t) => `As ${article(t)} ${t}, you will partner with product, marketing and finance to answer our most important questions with data.`,
    (t) => `The ${t} will build models, design experiments and tell clear stories with numbers.`,
  ],
  [RoleFamily.DATA_ENGINEER]: [
    (t) => `We are looking for ${article(t)} ${t} to build reliable, scalable data pipelines that the whole company depends on.`,
    (t) => `As ${article(t)} ${t}, you will design the data platform that powers reporting, analytics and modelling.`,
    (t) => `The ${t} will own ingestion, modelling and quality of the data flowing through our platform.`,
  ],
  [RoleFamily.DATA_ANALYST]: [
    (t) => `We are hiring ${article(t)} ${t} to help teams understand performance and make better decisions.`,
    (t) => `As ${article(t)} ${t}, you will build reports and dashboards and dig into the numbers behind our key metrics.`,
    (t) => `The ${t} will be the first point of contact for trustworthy numbers across the business.`,
  ],
  [RoleFamily.RESEARCH_SCIENTIST]: [
    (t) => `We are looking for ${article(t)} ${t} to push the state of the art and bring new ideas into our products.`,
    (t) => `As ${article(t)} ${t}, you will run original research, publish at top venues and work with engineers to ship results.`,
    (t) => `The ${t} will explore new modelling approaches and turn promising results into real systems.`,
  ],
  [RoleFamily.MLOPS_ENGINEER]: [
    (t) => `We are hiring ${article(t)} ${t} to build the platform our scientists use to train, deploy and monitor models.`,
    (t) => `As ${article(t)} ${t}, you will make model delivery fast, reproducible and safe.`,
    (t) => `The ${t} will own the tooling and infrastructure behind every model we run in production.`,
  ],
  [RoleFamily.AI_ENGINEER]: [
    (t) => `We are looking for an experienced ${t} to build intelligent features that our customers use every day.`,
    (t) => `As ${article(t)} ${t}, you will prototype, evaluate and ship assistant-style features end to end.`,
    (t) => `The ${t} will connect state-of-the-art models to our products and measure what really works.`,
  ],
  [RoleFamily.ANALYTICS_ENGINEER]: [
    (t) => `We are hiring ${article(t)} ${t} to model our data so that analysts and business teams can self-serve with confidence.`,
    (t) => `As ${article(t)} ${t}, you will sit between engineering and analytics and own our transformation layer.`,
  ],
  [RoleFamily.DATA_MANAGER]: [
    (t) => `We are looking for ${article(t)} ${t} to lead a growing team of data professionals.`,
    (t) => `As ${article(t)} ${t}, you will set direction, hire and grow people, and make sure the team delivers real impact.`,
    (t) => `The ${t} will lead a cross-functional data team and own its roadmap.`,
  ],
  [RoleFamily.OTHER]: [
    (t) => `We are hiring ${article(t)} ${t} to help us build the data and platform capabilities behind our products.`,
    (t) => `As ${article(t)} ${t}, you will work closely with data and product teams on systems that scale.`,
  ],
};

const RESPONSIBILITIES: Readonly<Record<RoleFamily, readonly string[]>> = {
  [RoleFamily.ML_ENGINEER]: [
    'Design, train and evaluate models that improve ranking, recommendations and forecasting',
    'Build robust feature pipelines and keep training data fresh and well documented',
    'Deploy models to production and own their latency, reliability and cost',
    'Monitor model performance and drift, and retrain when the data changes',
    'Collaborate with product managers and engineers to frame problems and define success metrics',
    'Run offline evaluations and online experiments to measure real business impact',
    'Write clean, tested, maintainable code and review the code of your peers',
    'Improve our tooling for training, evaluation and deployment',
    'Mentor other engineers and share what you learn with the wider team',
    'Stay current with research and bring promising ideas into production',
  ],
  [RoleFamily.DATA_SCIENTIST]: [
    'Analyse large, messy datasets to uncover trends and opportunities',
    'Build predictive and explanatory models that inform product and business decisions',
    'Design experiments, define metrics and interpret results for stakeholders',
    'Communicate findings clearly to technical and non-technical audiences',
    'Partner with engineering to put models into production',
    'Define and track the key performance indicators for your product area',
    'Build forecasts that guide planning, staffing and budgeting',
    'Translate ambiguous business questions into well-scoped analyses',
    'Champion data quality and good analytical practice across the company',
  ],
  [RoleFamily.DATA_ENGINEER]: [
    'Design, build and maintain batch and streaming data pipelines',
    'Model data in the warehouse so that it is easy to use and hard to misuse',
    'Own data quality checks, alerting and incident response for your pipelines',
    'Work with analysts and scientists to make new data sources available quickly',
    'Optimise storage and compute costs across the data platform',
    'Automate deployments and infrastructure for data services',
    'Document datasets, lineage and ownership',
    'Evaluate new tools and help shape the architecture of our platform',
  ],
  [RoleFamily.DATA_ANALYST]: [
    'Build and maintain dashboards that track the health of the business',
    'Answer ad-hoc questions from stakeholders quickly and accurately',
    'Define metrics and make sure everyone uses them consistently',
    'Analyse funnels, cohorts and campaigns to find opportunities for growth',
    'Present findings and recommendations to managers and leadership',
    'Clean, validate and reconcile data from several source systems',
    'Automate recurring reports to free up time for deeper analysis',
    'Work with data engineers to improve data models and documentation',
  ],
  [RoleFamily.RESEARCH_SCIENTIST]: [
    'Lead research projects from idea to publication and production',
    'Develop novel modelling techniques and evaluate them rigorously',
    'Design benchmarks and evaluation protocols for new capabilities',
    'Publish at leading conferences and contribute to the research community',
    'Collaborate with engineers to scale promising ideas to real products',
    'Mentor junior researchers and interns',
    'Track the literature and identify directions worth pursuing',
    'Run large-scale training experiments on our compute cluster',
  ],
  [RoleFamily.MLOPS_ENGINEER]: [
    'Build and operate the platform for training, deploying and serving models',
    'Automate model packaging, testing and release pipelines',
    'Set up monitoring for model quality, drift, latency and cost',
    'Manage compute resources for training and inference, including GPUs',
    'Define best practices for reproducibility, versioning and model governance',
    'Support data scientists in moving their work to production',
    'Improve reliability and reduce time from experiment to deployment',
    'Maintain infrastructure as code and keep our environments secure',
  ],
  [RoleFamily.AI_ENGINEER]: [
    'Build assistant-style features that understand and generate text for our users',
    'Design evaluation sets and automated checks for model quality and safety',
    'Integrate third-party and in-house models into our products through well-designed services',
    'Optimise latency, cost and reliability of model-backed features',
    'Work with designers and product managers to iterate quickly on user feedback',
    'Build retrieval and ranking components over our internal knowledge',
    'Prototype new ideas quickly and turn the best ones into production features',
    'Monitor usage and quality in production and close the loop with improvements',
  ],
  [RoleFamily.ANALYTICS_ENGINEER]: [
    'Build and maintain the transformation layer of our warehouse',
    'Define clean, tested and documented data models for core business entities',
    'Partner with analysts to turn recurring questions into reusable datasets',
    'Own data quality tests and the semantic layer that feeds reporting',
    'Improve the performance and cost of warehouse workloads',
    'Promote software engineering best practice in analytics work',
  ],
  [RoleFamily.DATA_MANAGER]: [
    'Lead, hire and develop a team of data professionals',
    'Set the roadmap for your team in partnership with product and business leaders',
    'Make sure the team delivers high-quality work on time',
    'Represent data and analytics in leadership discussions',
    'Establish good practice for planning, review and knowledge sharing',
    'Manage stakeholder expectations and prioritise competing requests',
    'Build a culture of curiosity, rigour and ownership',
  ],
  [RoleFamily.OTHER]: [
    'Design systems that are scalable, secure and easy to operate',
    'Work with data and product teams to understand requirements',
    'Document architecture decisions and share them with the team',
    'Review designs and code and help raise the engineering bar',
    'Own services in production, including on-call duties',
    'Evaluate new technologies and run proofs of concept',
  ],
};

const RESPONSIBILITY_HEADERS = ["What you'll do:", 'Responsibilities:', 'In this role you will:', 'Key responsibilities:', 'Your impact:'];
const REQUIREMENT_HEADERS = ["What we're looking for:", 'Requirements:', 'Qualifications:', 'About you:', 'You have:'];
const NICE_HEADERS = ['Nice to have:', 'Bonus points for:', 'Preferred qualifications:', 'It would be great if you also have:'];
const BULLETS = ['- ', '• ', '* '];

const SOFT_SKILLS = [
  'Clear written and verbal communication.',
  'A collaborative mindset and comfort working across teams.',
  'Strong problem-solving skills and attention to detail.',
  'Ownership: you follow through from idea to impact.',
  'Curiosity and a habit of learning new things.',
  'The ability to explain technical topics to non-technical stakeholders.',
];

type ListTemplate = (list: string) => string;
const REQUIRED_SKILL_TEMPLATES: readonly (readonly ListTemplate[])[] = [
  [(l) => `Strong programming skills in ${l}.`, (l) => `You write clean, well-tested code in ${l}.`, (l) => `Fluency in ${l}.`],
  [(l) => `Hands-on experience building and training models with ${l}.`, (l) => `Practical experience with ${l}.`, (l) => `You have shipped models built with ${l}.`],
  [(l) => `Comfortable with ${l} for data wrangling and analysis.`, (l) => `Working knowledge of ${l}.`],
  [(l) => `Experience building data pipelines with ${l}.`, (l) => `Solid knowledge of ${l}.`, (l) => `You have worked with ${l} at scale.`],
  [(l) => `Experience deploying workloads on ${l}.`, (l) => `Familiarity with ${l}.`],
  [(l) => `Familiarity with ${l} for packaging, tracking and shipping code.`, (l) => `Comfortable working with ${l}.`],
  [(l) => `Able to build clear dashboards and reports in ${l}.`, (l) => `Advanced skills in ${l}.`],
  [(l) => `A solid grounding in ${l}.`, (l) => `Practical experience applying ${l} to real business problems.`, (l) => `Deep understanding of ${l}.`],
  [(l) => `Experience with ${l} in production applications.`, (l) => `Hands-on work with ${l}.`],
];
const NICE_SKILL_TEMPLATES: readonly ListTemplate[] = [
  (l) => `Experience with ${l}.`,
  (l) => `Exposure to ${l}.`,
  (l) => `Familiarity with ${l} is a plus.`,
  (l) => `Some experience with ${l}.`,
];

const BENEFITS = [
  'We offer a competitive salary, equity and an annual bonus.',
  'You will get generous paid time off, flexible working hours and a learning budget.',
  'Our benefits include private health insurance, a pension plan and parental leave.',
  'We provide a home-office allowance and the equipment you need to do your best work.',
  'Every team member gets time and budget for conferences and training.',
  'We support wellbeing with a gym allowance and mental health resources.',
  'Relocation support is available for this position.',
];

const CULTURE = [
  'We are a small, senior team that values autonomy, honest feedback and shipping often.',
  'Our teams work in short cycles, review each other\'s work and celebrate what we learn.',
  'You will join a diverse group of engineers, scientists and analysts who care about doing things properly.',
  'We invest in documentation, mentoring and internal talks so that knowledge is shared, not hoarded.',
  'Our interview process is straightforward: a short call, a practical exercise and a conversation with the team.',
  'We measure success by the impact on our customers, not by lines of code or hours worked.',
  'Our office is a short walk from public transport and has plenty of quiet space for focused work.',
  'We run a yearly hack week where anyone can pitch and build the idea they care about most.',
  'We care about responsible use of data: privacy, fairness and transparency are part of every project.',
  'New joiners get a buddy and a structured onboarding plan for their first three months.',
];

const EEO = [
  'We are an equal opportunity employer and value diversity. We do not discriminate on the basis of race, religion, colour, national origin, gender, sexual orientation, age, marital status or disability status.',
  'We welcome applicants from all backgrounds and are committed to building an inclusive workplace.',
  'All qualified applicants will receive consideration for employment without regard to any protected characteristic.',
];

/**
 * Builds a 1–3 KB posting description that mentions every given skill and no other canonical skill.
 * Text is appended to one string (a rope in V8) and flattened once by whoever serialises it; joining
 * intermediate arrays would copy every paragraph twice.
 */
export function buildDescription(prng: Prng, input: DescriptionInput): string {
  const target = prng.int(1200, 2800);
  const bullet = '\n' + prng.pick(BULLETS);
  const mission = prng.pick(MISSIONS[input.industry]);
  let text = `${prng.pick(COMPANY_OPENERS)(input.company, mission)} ${prng.pick(ROLE_INTROS[input.family])(input.title)}`;

  text += `\n\n${prng.pick(RESPONSIBILITY_HEADERS)}`;
  for (const duty of pickDistinct(prng, RESPONSIBILITIES[input.family], prng.int(3, 6))) text += bullet + duty;

  text += `\n\n${prng.pick(REQUIREMENT_HEADERS)}`;
  if (input.seniority === Seniority.INTERN) text += bullet + 'Currently enrolled in a degree programme in a quantitative or technical field.';
  else if (input.minYears > 0) text += `${bullet}At least ${input.minYears} years of relevant professional experience.`;
  if (input.education) text += `${bullet}Education: ${input.education}.`;
  text += skillBullets(prng, bullet, input.requiredSkills, REQUIRED_SKILL_TEMPLATES);
  text += bullet + prng.pick(SOFT_SKILLS);

  if (input.niceSkills.length > 0) text += `\n\n${prng.pick(NICE_HEADERS)}${skillBullets(prng, bullet, input.niceSkills, undefined)}`;

  const optional: string[] = [locationSentence(prng, input)];
  if (input.salaryText && prng.chance(0.4)) optional.push(`The expected base pay for this position is ${input.salaryText}.`);
  optional.push(pickDistinct(prng, BENEFITS, prng.int(2, 3)).join(' '));
  const culture = pickDistinct(prng, CULTURE, 4);
  for (const paragraph of culture) optional.push(paragraph);
  optional.push(prng.pick(EEO));

  for (const paragraph of optional) {
    if (text.length >= target) break;
    if (text.length + paragraph.length + 2 > DESCRIPTION_MAX_CHARS) continue;
    text += '\n\n' + paragraph;
  }
  // Short postings (few skills, few duties) are padded with unused culture paragraphs up to the minimum.
  for (let i = 0; i < CULTURE.length && text.length < DESCRIPTION_MIN_CHARS; i++) {
    if (!culture.includes(CULTURE[i])) text += '\n\n' + CULTURE[i];
  }
  return text;
}

/** "an" before vowel sounds, including initialisms read letter by letter (an ML Engineer, an LLM Engineer). */
function article(title: string): string {
  return /^([AEIOU]|ML|LLM)/.test(title) ? 'an' : 'a';
}

function locationSentence(prng: Prng, input: DescriptionInput): string {
  switch (input.remote) {
    case RemoteType.REMOTE:
      return prng.chance(0.5)
        ? `This position is fully remote; you can work from anywhere in ${input.countryName}.`
        : `This is a remote role open to candidates based in ${input.countryName}.`;
    case RemoteType.HYBRID:
      return `This is a hybrid role: you will spend about ${prng.int(2, 3)} days a week in our ${input.city} office.`;
    case RemoteType.ONSITE:
      return prng.chance(0.5) ? `This role is based in our ${input.city} office.` : `You will work on site in ${input.city}, ${input.countryName}.`;
  }
}

const PROSE_GROUP_OF = new Map<SkillName, number>(SKILL_PROSE_GROUPS.flatMap((group, g) => group.map((s) => [s, g] as const)));

/** One bullet per prose group that has skills, in group order. */
function skillBullets(
  prng: Prng,
  bullet: string,
  skills: readonly SkillName[],
  templates: readonly (readonly ListTemplate[])[] | undefined,
): string {
  const buckets: SkillName[][] = SKILL_PROSE_GROUPS.map(() => []);
  for (const skill of skills) buckets[PROSE_GROUP_OF.get(skill) as number].push(skill);
  let out = '';
  for (let g = 0; g < buckets.length; g++) {
    if (buckets[g].length === 0) continue;
    const template = templates ? prng.pick(templates[g]) : prng.pick(NICE_SKILL_TEMPLATES);
    out += bullet + template(joinList(prng, buckets[g]));
  }
  return out;
}

function joinList(prng: Prng, items: readonly string[]): string {
  if (items.length === 1) return items[0];
  const conjunction = prng.chance(0.25) ? ' or ' : ' and ';
  if (items.length === 2) return items[0] + conjunction + items[1];
  const head = items.slice(0, -1).join(', ');
  return head + (prng.chance(0.3) ? ',' : '') + conjunction + items[items.length - 1];
}

function pickDistinct<T>(prng: Prng, items: readonly T[], n: number): T[] {
  const copy = items.slice();
  const count = Math.min(n, copy.length);
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(prng.next() * (copy.length - i));
    const tmp = copy[i];
    copy[i] = copy[j];
    copy[j] = tmp;
  }
  return copy.slice(0, count);
}
