import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ExperienceLevel, RoleFamily, Seniority } from '../../common/market.enums';
import {
  cleanTitle, detectSeniority, experienceLevelFromCode, normalizeTitle, seniorityFromExperienceCode,
} from './title.normalizer';

const F = RoleFamily;
const S = Seniority;

describe('normalizeTitle: cleaning', () => {
  it.each([
    ['  Senior   Data  Scientist ', 'Senior Data Scientist'],
    ['Sr. Data Scientist', 'Senior Data Scientist'],
    ['Jr. Data Analyst', 'Junior Data Analyst'],
    ['Snr ML Engineer', 'Senior ML Engineer'],
    ['Data Scientist (m/w/d)', 'Data Scientist'],
    ['Data Engineer (f/m/x)', 'Data Engineer'],
    ['Data Scientist (H/F)', 'Data Scientist'],
    ['Data Scientist m/w/d', 'Data Scientist'],
    ['Data Scientist (all genders)', 'Data Scientist'],
    ['Machine Learning Engineer (Remote)', 'Machine Learning Engineer'],
    ['Machine Learning Engineer (Remote - US)', 'Machine Learning Engineer'],
    ['Data Analyst - London', 'Data Analyst'],
    ['Data Analyst - London, UK', 'Data Analyst'],
    ['ML Engineer | Berlin', 'ML Engineer'],
    ['Data Scientist - Austin, TX', 'Data Scientist'],
    ['Data Scientist, Remote', 'Data Scientist'],
    ['Data Engineer - Hybrid - Amsterdam', 'Data Engineer'],
    ['Data Scientist #1234', 'Data Scientist'],
    ['Data Scientist (R-12345)', 'Data Scientist'],
    ['Data Engineer [JR10023]', 'Data Engineer'],
    ['Data Scientist - Req ID: 4567', 'Data Scientist'],
    ['Data Scientist (12 months contract)', 'Data Scientist'],
    ['Data Scientist at Spotify', 'Data Scientist'],
    ['Senior Data Scientist - Computer Vision', 'Senior Data Scientist - Computer Vision'],
    ['Data Scientist (NLP)', 'Data Scientist (NLP)'],
    ['Manager, Data Science', 'Manager, Data Science'],
    ['DATA SCIENTIST', 'Data Scientist'],
    ['senior machine learning engineer', 'Senior Machine Learning Engineer'],
    ['HEAD OF AI', 'Head of AI'],
    ['mlops engineer ii', 'MLOps Engineer II'],
    ['iOS Developer', 'iOS Developer'],
  ])('%p -> %p', (raw, normalized) => {
    expect(normalizeTitle(raw).normalized).toBe(normalized);
  });

  it.each([undefined, null, '', '   '])('empty %p gives nulls and OTHER', (raw) => {
    expect(normalizeTitle(raw)).toEqual({ raw: null, normalized: null, roleFamily: F.OTHER, seniority: null });
  });

  it('gives a null title when only tags remain', () => {
    expect(normalizeTitle('(m/w/d)')).toMatchObject({ raw: '(m/w/d)', normalized: null, roleFamily: F.OTHER });
  });

  it('exposes the cleaner on its own', () => {
    expect(cleanTitle('Sr. Data Engineer (Remote) #99')).toBe('Senior Data Engineer');
  });
});

describe('normalizeTitle: role family', () => {
  it.each([
    // ML engineering
    ['Machine Learning Engineer', F.ML_ENGINEER],
    ['ML Engineer', F.ML_ENGINEER],
    ['Deep Learning Engineer', F.ML_ENGINEER],
    ['Computer Vision Engineer', F.ML_ENGINEER],
    ['NLP Engineer', F.ML_ENGINEER],
    ['AI/ML Engineer', F.ML_ENGINEER],
    ['Senior Software Engineer, Machine Learning', F.ML_ENGINEER],
    ['Machine Learning Tech Lead', F.ML_ENGINEER],
    // data science
    ['Data Scientist', F.DATA_SCIENTIST],
    ['Applied Scientist', F.DATA_SCIENTIST],
    ['Decision Scientist', F.DATA_SCIENTIST],
    ['Quantitative Analyst', F.DATA_SCIENTIST],
    ['Quantitative Researcher', F.DATA_SCIENTIST],
    ['Data Science Consultant', F.DATA_SCIENTIST],
    ['Machine Learning Scientist', F.DATA_SCIENTIST],
    ['Statistician', F.DATA_SCIENTIST],
    ['Lead Data Scientist', F.DATA_SCIENTIST],
    ['Científico de Datos', F.DATA_SCIENTIST],
    // data engineering
    ['Data Engineer', F.DATA_ENGINEER],
    ['Big Data Engineer', F.DATA_ENGINEER],
    ['ETL Developer', F.DATA_ENGINEER],
    ['Data Architect', F.DATA_ENGINEER],
    ['AI Data Engineer', F.DATA_ENGINEER],
    ['Software Engineer, Data Platform', F.DATA_ENGINEER],
    ['Ingeniero de Datos', F.DATA_ENGINEER],
    // analysis
    ['Data Analyst', F.DATA_ANALYST],
    ['Business Analyst', F.DATA_ANALYST],
    ['Product Analyst', F.DATA_ANALYST],
    ['BI Analyst', F.DATA_ANALYST],
    ['Business Intelligence Analyst', F.DATA_ANALYST],
    ['Analista de Datos', F.DATA_ANALYST],
    ['Data Governance Specialist', F.DATA_ANALYST],
    // research
    ['Research Scientist', F.RESEARCH_SCIENTIST],
    ['Research Engineer', F.RESEARCH_SCIENTIST],
    ['AI Researcher', F.RESEARCH_SCIENTIST],
    ['ML Researcher', F.RESEARCH_SCIENTIST],
    ['Machine Learning Research Scientist', F.RESEARCH_SCIENTIST],
    ['Postdoctoral Fellow', F.RESEARCH_SCIENTIST],
    // MLOps
    ['MLOps Engineer', F.MLOPS_ENGINEER],
    ['ML Ops Engineer', F.MLOPS_ENGINEER],
    ['ML Platform Engineer', F.MLOPS_ENGINEER],
    ['Machine Learning Infrastructure Engineer', F.MLOPS_ENGINEER],
    // AI engineering
    ['AI Engineer', F.AI_ENGINEER],
    ['LLM Engineer', F.AI_ENGINEER],
    ['Generative AI Engineer', F.AI_ENGINEER],
    ['GenAI Developer', F.AI_ENGINEER],
    ['Prompt Engineer', F.AI_ENGINEER],
    ['Applied AI Engineer', F.AI_ENGINEER],
    ['Artificial Intelligence Engineer', F.AI_ENGINEER],
    // analytics engineering
    ['Analytics Engineer', F.ANALYTICS_ENGINEER],
    ['BI Engineer', F.ANALYTICS_ENGINEER],
    ['BI Developer', F.ANALYTICS_ENGINEER],
    ['Power BI Developer', F.ANALYTICS_ENGINEER],
    ['Business Intelligence Developer', F.ANALYTICS_ENGINEER],
    // managing data teams
    ['Head of Data', F.DATA_MANAGER],
    ['Data Science Manager', F.DATA_MANAGER],
    ['Manager, Data Science', F.DATA_MANAGER],
    ['Director of Machine Learning', F.DATA_MANAGER],
    ['Director of AI', F.DATA_MANAGER],
    ['ML Manager', F.DATA_MANAGER],
    ['Analytics Manager', F.DATA_MANAGER],
    ['VP of Data', F.DATA_MANAGER],
    ['Chief Data Officer', F.DATA_MANAGER],
    ['Data Scientist Manager', F.DATA_MANAGER],
    ['Engineering Manager, Machine Learning', F.DATA_MANAGER],
    ['Data Lead', F.DATA_MANAGER],
    ['AI Lead', F.DATA_MANAGER],
    // not data roles
    ['Software Engineer', F.OTHER],
    ['Product Manager', F.OTHER],
    ['Data Product Manager', F.OTHER],
    ['Engineering Manager', F.OTHER],
    ['Security Analyst', F.OTHER],
    ['Quantitative Developer', F.OTHER],
    ['Member of Technical Staff', F.OTHER],
    ['Chef', F.OTHER],
  ])('%s -> %s', (raw, family) => {
    expect(normalizeTitle(raw).roleFamily).toBe(family);
  });
});

describe('normalizeTitle: seniority', () => {
  it.each([
    ['Data Science Intern', S.INTERN],
    ['Machine Learning Internship', S.INTERN],
    ['Trainee Data Analyst', S.INTERN],
    ['Working Student Data Engineering', S.INTERN],
    ['Werkstudent Data Science (m/w/d)', S.INTERN],
    ['Junior Data Analyst', S.ENTRY],
    ['Jr. Data Engineer', S.ENTRY],
    ['Graduate Data Scientist', S.ENTRY],
    ['Entry-Level Data Analyst', S.ENTRY],
    ['Associate Data Scientist', S.ENTRY],
    ['Data Analyst I', S.ENTRY],
    ['Mid-level Data Engineer', S.MID],
    ['Intermediate Data Analyst', S.MID],
    ['Data Scientist II', S.MID],
    ['Senior Data Scientist', S.SENIOR],
    ['Sr Data Engineer', S.SENIOR],
    ['Data Scientist III', S.SENIOR],
    ['Staff Machine Learning Engineer', S.STAFF],
    ['Principal Data Scientist', S.STAFF],
    ['Distinguished Engineer', S.STAFF],
    ['Machine Learning Engineer 5', S.STAFF],
    ['Lead Data Scientist', S.LEAD],
    ['Data Science Manager', S.LEAD],
    ['Senior Manager, Analytics', S.LEAD],
    ['Tech Lead, ML', S.LEAD],
    ['Head of Team, Data Engineering', S.LEAD],
    ['Director of Data Science', S.DIRECTOR],
    ['Associate Director, AI', S.DIRECTOR],
    ['VP of Machine Learning', S.DIRECTOR],
    ['Head of Data', S.DIRECTOR],
    ['Chief AI Officer', S.DIRECTOR],
    ['CTO', S.DIRECTOR],
    ['Data Scientist (Senior)', S.SENIOR],
    ['Data Scientist', null],
    ['Member of Technical Staff', null],
  ])('%s -> %s', (raw, seniority) => {
    expect(normalizeTitle(raw).seniority).toBe(seniority);
  });

  // "Manager" naming a job family (product, project, program, account) is not a rank; managing a function is.
  it.each([
    ['Product Manager', F.OTHER, null],
    ['Project Manager', F.OTHER, null],
    ['Program Manager', F.OTHER, null],
    ['Technical Program Manager', F.OTHER, null],
    ['Account Manager', F.OTHER, null],
    ['Key Account Manager', F.OTHER, null],
    ['Customer Success Manager', F.OTHER, null],
    ['Product Marketing Manager', F.OTHER, null],
    ['Data Product Manager', F.OTHER, null],
    ['AI Product Manager', F.OTHER, null],
    ['Sr. Product Manager', F.OTHER, S.SENIOR],
    ['Senior Project Manager', F.OTHER, S.SENIOR],
    ['Lead Product Manager', F.OTHER, S.LEAD],
    ['Principal Product Manager', F.OTHER, S.STAFF],
    ['Associate Product Manager', F.OTHER, S.ENTRY],
    ['Product Manager II', F.OTHER, S.MID],
    ['Group Product Manager', F.OTHER, S.LEAD],
    ['Director of Product', F.OTHER, S.DIRECTOR],
    ['Manager, Product Management', F.OTHER, S.LEAD],
    ['Engineering Manager', F.OTHER, S.LEAD],
    ['Data Science Manager', F.DATA_MANAGER, S.LEAD],
    ['Analytics Manager', F.DATA_MANAGER, S.LEAD],
    ['Manager, Product Analytics', F.DATA_MANAGER, S.LEAD],
    ['Product Analytics Manager', F.DATA_MANAGER, S.LEAD],
  ])('%s -> %s / %s', (raw, family, seniority) => {
    expect(normalizeTitle(raw)).toMatchObject({ roleFamily: family, seniority });
  });

  it('detectSeniority reads free text', () => {
    expect(detectSeniority('Mid-Senior level')).toBe(S.MID);
    expect(detectSeniority('Product Manager')).toBeNull();
    expect(detectSeniority('Senior Product Manager')).toBe(S.SENIOR);
    expect(detectSeniority(undefined)).toBeNull();
  });
});

describe('experience codes', () => {
  it.each([
    ['EN', S.ENTRY, ExperienceLevel.ENTRY],
    ['MI', S.MID, ExperienceLevel.MID],
    ['SE', S.SENIOR, ExperienceLevel.SENIOR],
    ['EX', S.DIRECTOR, ExperienceLevel.EXECUTIVE],
    [' se ', S.SENIOR, ExperienceLevel.SENIOR],
    ['Entry-level', S.ENTRY, ExperienceLevel.ENTRY],
    ['Mid-level', S.MID, ExperienceLevel.MID],
    ['Senior', S.SENIOR, ExperienceLevel.SENIOR],
    ['Senior-level / Expert', S.SENIOR, ExperienceLevel.SENIOR],
    ['Executive', S.DIRECTOR, ExperienceLevel.EXECUTIVE],
    ['Executive-level / Director', S.DIRECTOR, ExperienceLevel.EXECUTIVE],
    ['Director', S.DIRECTOR, ExperienceLevel.EXECUTIVE],
    ['Internship', S.INTERN, ExperienceLevel.ENTRY],
    ['Lead', S.LEAD, ExperienceLevel.SENIOR],
  ])('%p -> %s / %s', (code, seniority, level) => {
    expect(seniorityFromExperienceCode(code)).toBe(seniority);
    expect(experienceLevelFromCode(code)).toBe(level);
  });

  it.each([undefined, null, '', 'XX', 'banana'])('%p -> null', (code) => {
    expect(seniorityFromExperienceCode(code)).toBeNull();
    expect(experienceLevelFromCode(code)).toBeNull();
  });
});

describe('aijobs.net titles', () => {
  const csv = join(process.cwd(), '..', 'shared', 'data', 'aijobs-salaries', 'salaries.csv');
  const runIfPresent = existsSync(csv) ? it : it.skip;
  // Titles that name a data/ML/AI/analytics speciality; product and project roles are excluded on purpose.
  const DATA_TITLE_RE = /\b(data|machine learning|ml|ai|analyst|analytics|scientist|business intelligence|bi|nlp|computer vision|deep learning|etl|research)\b/i;
  const PRODUCT_ROLE_RE = /\bproduct (manager|owner)\b/i;

  runIfPresent('classify almost every data/ML title into a family', () => {
    const titles = new Set(readFileSync(csv, 'utf8').split('\n').slice(1).map((line) => line.split(',')[3]).filter(Boolean));
    const dataTitles = [...titles].filter((t) => DATA_TITLE_RE.test(t) && !PRODUCT_ROLE_RE.test(t));
    const other = dataTitles.filter((t) => normalizeTitle(t).roleFamily === F.OTHER);
    expect(other).toEqual([]);
    expect(dataTitles.length).toBeGreaterThan(150);
  });
});

describe('properties', () => {
  const titleish = fc
    .array(
      fc.constantFrom('Senior', 'Sr.', 'Data', 'ML', 'Machine Learning', 'Engineer', 'Scientist', 'Lead', 'Head of',
        'Manager', '(Remote)', '(m/w/d)', ' - ', 'London', ',', '#12', 'II', 'Intern', '/', '(', ')', '[', ' ', 'AI'),
      { maxLength: 15 },
    )
    .map((parts) => parts.join(' '));

  it('never throws and always returns a known family', () => {
    const families = new Set(Object.values(RoleFamily));
    const levels = new Set<Seniority | null>([...Object.values(Seniority), null]);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme', maxLength: 60 }), titleish), (raw) => {
        const result = normalizeTitle(raw);
        expect(families.has(result.roleFamily)).toBe(true);
        expect(levels.has(result.seniority)).toBe(true);
        seniorityFromExperienceCode(raw);
        experienceLevelFromCode(raw);
      }),
      { numRuns: 1000 },
    );
  });

  it('is idempotent on its own output', () => {
    fc.assert(
      fc.property(titleish, (raw) => {
        const once = normalizeTitle(raw).normalized;
        if (once !== null) expect(normalizeTitle(once).normalized).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it('handles 100 KB input quickly', () => {
    const started = Date.now();
    for (const big of ['Data '.repeat(20_000), 'm/w/d '.repeat(20_000), '('.repeat(100_000), 'a-'.repeat(50_000), 'london, '.repeat(12_000)]) {
      expect(() => normalizeTitle(big)).not.toThrow();
      expect(() => seniorityFromExperienceCode(big)).not.toThrow();
    }
    expect(Date.now() - started).toBeLessThan(500);
  });
});
