import { SkillCategory, WorldRegion } from '../common/market.enums';
import { countryByName, placeKey } from '../ingestion/normalizers/location.normalizer';
import { normalizeSkillTerm, SkillExtractor } from '../ingestion/normalizers/skill-extractor';
import { AU_STATES, CA_PROVINCES, COUNTRIES, MAJOR_CITIES, US_STATES } from './countries.data';
import { SKILL_TAXONOMY } from './skills.data';

describe('SKILL_TAXONOMY', () => {
  it('has at least 300 skills with unique names', () => {
    expect(SKILL_TAXONOMY.length).toBeGreaterThanOrEqual(300);
    const names = SKILL_TAXONOMY.map((s) => normalizeSkillTerm(s.name));
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it('uses every skill category', () => {
    const used = new Set(SKILL_TAXONOMY.map((s) => s.category));
    expect([...Object.values(SkillCategory)].filter((c) => !used.has(c))).toEqual([]);
  });

  it('never gives one normalised alias to two skills', () => {
    const owner = new Map<string, string>();
    const collisions: string[] = [];
    for (const skill of SKILL_TAXONOMY) {
      for (const term of [skill.name, ...skill.aliases]) {
        const key = normalizeSkillTerm(term);
        const previous = owner.get(key);
        if (previous !== undefined && previous !== skill.name) collisions.push(`${term}: ${previous} / ${skill.name}`);
        owner.set(key, skill.name);
      }
    }
    expect(collisions).toEqual([]);
    expect(() => new SkillExtractor(SKILL_TAXONOMY)).not.toThrow();
  });

  it('lists no empty aliases and no pure case variants', () => {
    const problems: string[] = [];
    for (const skill of SKILL_TAXONOMY) {
      const lower = [skill.name, ...skill.aliases].map((t) => t.toLowerCase());
      lower.forEach((t, i) => {
        if (normalizeSkillTerm(t) === '') problems.push(`${skill.name}: empty alias`);
        if (lower.indexOf(t) !== i) problems.push(`${skill.name}: "${t}" repeats`);
      });
    }
    expect(problems).toEqual([]);
  });

  it.each([
    'Python', 'R', 'SQL', 'Java', 'Scala', 'C++', 'C', 'Go', 'Julia', 'Rust', 'JavaScript', 'TypeScript', 'MATLAB', 'SAS',
    'TensorFlow', 'PyTorch', 'Keras', 'JAX', 'scikit-learn', 'XGBoost', 'LightGBM', 'pandas', 'NumPy', 'SciPy',
    'Hugging Face Transformers', 'spaCy', 'NLTK', 'OpenCV', 'Spark', 'Hadoop', 'Kafka', 'Airflow', 'dbt', 'Docker', 'Kubernetes',
    'MLflow', 'Kubeflow', 'AWS', 'Google Cloud', 'Azure', 'SageMaker', 'Databricks', 'Snowflake', 'BigQuery', 'PostgreSQL',
    'MongoDB', 'Tableau', 'Power BI', 'Excel', 'Git', 'Linux', 'Machine Learning', 'Deep Learning', 'NLP', 'Computer Vision',
    'Statistics', 'A/B Testing', 'LLM', 'RAG', 'LangChain', 'Prompt Engineering', 'Time Series', 'Reinforcement Learning',
    'Generative AI',
  ])('has the canonical name %s spelled exactly', (name) => {
    expect(SKILL_TAXONOMY.some((s) => s.name === name)).toBe(true);
  });

  const extractor = new SkillExtractor(SKILL_TAXONOMY);
  it.each([
    ['sklearn', 'scikit-learn'],
    ['scikit learn', 'scikit-learn'],
    ['k8s', 'Kubernetes'],
    ['GCP', 'Google Cloud'],
    ['tf', 'TensorFlow'],
    ['tensorflow2', 'TensorFlow'],
    ['huggingface', 'Hugging Face Transformers'],
    ['hugging face', 'Hugging Face Transformers'],
    ['pyspark', 'Spark'],
    ['apache spark', 'Spark'],
    ['postgres', 'PostgreSQL'],
    ['postgresql', 'PostgreSQL'],
    ['ms excel', 'Excel'],
    ['golang', 'Go'],
    ['powerbi', 'Power BI'],
    ['aws', 'AWS'],
    ['amazon web services', 'AWS'],
    ['llms', 'LLM'],
    ['large language models', 'LLM'],
  ])('resolves the alias %s to %s', (alias, name) => {
    expect(extractor.resolve(alias)).toBe(name);
  });
});

describe('COUNTRIES', () => {
  it('covers all 249 ISO 3166-1 entries with unique, well-formed codes and names', () => {
    expect(COUNTRIES).toHaveLength(249);
    const unique = (values: string[]) => new Set(values).size === values.length;
    expect(unique(COUNTRIES.map((c) => c.alpha2))).toBe(true);
    expect(unique(COUNTRIES.map((c) => c.alpha3))).toBe(true);
    expect(unique(COUNTRIES.map((c) => placeKey(c.name)))).toBe(true);
    for (const c of COUNTRIES) {
      expect(c.alpha2).toMatch(/^[A-Z]{2}$/);
      expect(c.alpha3).toMatch(/^[A-Z]{3}$/);
      expect(Object.values(WorldRegion)).toContain(c.region);
    }
  });

  it('never gives one name or alias to two countries', () => {
    const owner = new Map<string, string>();
    const collisions: string[] = [];
    for (const c of COUNTRIES) {
      for (const term of [c.name, ...c.aliases]) {
        const key = placeKey(term);
        const previous = owner.get(key);
        if (previous !== undefined) collisions.push(`${term}: ${previous} / ${c.alpha2}`);
        owner.set(key, c.alpha2);
      }
    }
    expect(collisions).toEqual([]);
  });

  it('uses every world region', () => {
    const used = new Set(COUNTRIES.map((c) => c.region));
    expect(Object.values(WorldRegion).filter((r) => !used.has(r))).toEqual([]);
  });

  it.each([
    ['US', WorldRegion.NORTH_AMERICA],
    ['CA', WorldRegion.NORTH_AMERICA],
    ['BM', WorldRegion.NORTH_AMERICA],
    ['GL', WorldRegion.NORTH_AMERICA],
    ['MX', WorldRegion.LATIN_AMERICA],
    ['BR', WorldRegion.LATIN_AMERICA],
    ['JM', WorldRegion.LATIN_AMERICA],
    ['PR', WorldRegion.LATIN_AMERICA],
    ['GB', WorldRegion.EUROPE],
    ['RU', WorldRegion.EUROPE],
    ['TR', WorldRegion.EUROPE],
    ['CY', WorldRegion.EUROPE],
    ['IL', WorldRegion.MIDDLE_EAST],
    ['AE', WorldRegion.MIDDLE_EAST],
    ['IR', WorldRegion.MIDDLE_EAST],
    ['EG', WorldRegion.AFRICA],
    ['MA', WorldRegion.AFRICA],
    ['NG', WorldRegion.AFRICA],
    ['IN', WorldRegion.ASIA_PACIFIC],
    ['KZ', WorldRegion.ASIA_PACIFIC],
    ['AU', WorldRegion.ASIA_PACIFIC],
    ['FJ', WorldRegion.ASIA_PACIFIC],
  ])('puts %s in %s', (alpha2, region) => {
    expect(COUNTRIES.find((c) => c.alpha2 === alpha2)?.region).toBe(region);
  });

  it.each([
    ['USA', 'US'],
    ['United States of America', 'US'],
    ['U.S.', 'US'],
    ['UK', 'GB'],
    ['Great Britain', 'GB'],
    ['England', 'GB'],
    ['Scotland', 'GB'],
    ['Wales', 'GB'],
    ['Northern Ireland', 'GB'],
    ['South Korea', 'KR'],
    ['Korea, Republic of', 'KR'],
    ['Czech Republic', 'CZ'],
    ['Russia', 'RU'],
    ['Viet Nam', 'VN'],
    ['UAE', 'AE'],
    ['Türkiye', 'TR'],
    ["Cote d'Ivoire", 'CI'],
  ])('knows %s as %s', (alias, alpha2) => {
    expect(countryByName(alias)?.alpha2).toBe(alpha2);
  });
});

describe('subdivisions and hubs', () => {
  it('lists the 50 US states plus DC, 13 Canadian provinces and territories, 8 Australian states', () => {
    expect(Object.keys(US_STATES)).toHaveLength(51);
    expect(Object.keys(CA_PROVINCES)).toHaveLength(13);
    expect(Object.keys(AU_STATES)).toHaveLength(8);
    for (const code of [...Object.keys(US_STATES), ...Object.keys(CA_PROVINCES)]) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(US_STATES.CA).toBe('California');
    expect(CA_PROVINCES.ON).toBe('Ontario');
  });

  it('places every hub city in a listed country, under a name no other hub uses', () => {
    const codes = new Set(COUNTRIES.map((c) => c.alpha2));
    const keys = MAJOR_CITIES.flatMap((c) => [c.name, ...c.aliases]).map(placeKey);
    expect(MAJOR_CITIES.filter((c) => !codes.has(c.country))).toEqual([]);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });
});
