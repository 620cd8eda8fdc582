import fc from 'fast-check';
import { SKILL_TAXONOMY } from '../../reference/skills.data';
import { normalizeSkillTerm, SkillExtractor } from './skill-extractor';

const extractor = new SkillExtractor(SKILL_TAXONOMY);
const skillsIn = (text: string) => extractor.extract(text).map((m) => m.skill);
const skillsInList = (field: string) => extractor.extractFromList(field).map((m) => m.skill);

describe('normalizeSkillTerm', () => {
  it.each([
    ['Scikit-Learn', 'scikit learn'],
    ['  C++ ', 'c++'],
    ['C#', 'c#'],
    ['Node.js', 'node.js'],
    ['A/B Testing', 'a b testing'],
    ['Weights & Biases', 'weights & biases'],
    ['machine\n\tlearning', 'machine learning'],
    ['—', ''],
  ])('%p → %p', (input, expected) => {
    expect(normalizeSkillTerm(input)).toBe(expected);
  });
});

describe('SkillExtractor.extract', () => {
  it.each([
    // text, skills that must be found
    ['Python, SQL and Spark', ['Python', 'SQL', 'Spark']],
    ['We use sklearn, PyTorch and TF 2.x', ['scikit-learn', 'PyTorch', 'TensorFlow']],
    ['Experience with k8s on GCP', ['Kubernetes', 'Google Cloud']],
    ['Hugging Face, huggingface or Hugging Face Transformers', ['Hugging Face Transformers']],
    ['Postgres or PostgreSQL', ['PostgreSQL']],
    ['PySpark pipelines on Apache Spark', ['Spark']],
    ['Building RAG with LLMs and large language models', ['RAG', 'LLM']],
    ['Machine   learning,\nDeep\nLearning', ['Machine Learning', 'Deep Learning']],
    ['C++ and C', ['C++', 'C']],
    ['C, C++, C#', ['C', 'C++', 'C#']],
    ['python3 and c++17', ['Python', 'C++']],
    ['sklearn.linear_model and torch.nn', ['scikit-learn', 'PyTorch']],
    ['AI&ML, Python+SQL', ['Artificial Intelligence', 'Machine Learning', 'Python', 'SQL']],
    ['Node.js services', ['Node.js']],
    ['A/B testing and CI/CD', ['A/B Testing', 'CI/CD']],
    ['Weights & Biases, W&B', ['Weights & Biases']],
    ['MS Excel and Power BI', ['Excel', 'Power BI']],
    ['熟悉Python和SQL', ['Python', 'SQL']],
    ['(Python)', ['Python']],
    // Go: list punctuation, neighbouring skills, qualifiers, its own name.
    ['Go, Python', ['Go', 'Python']],
    ['Python, Go', ['Python', 'Go']],
    ['Golang', ['Go']],
    ['in Go and Rust', ['Go', 'Rust']],
    ['Go developer', ['Go']],
    ['services written in Go.', ['Go']],
    ['Languages: Go', ['Go']],
    ['- Go\n- Python', ['Go', 'Python']],
    ['Go', ['Go']],
    // R
    ['Proficiency in R is a plus.', ['R']],
    ['Python or R', ['Python', 'R']],
    ['R and Python', ['R', 'Python']],
    ['e.g. R, Julia', ['R', 'Julia']],
    ['R programming', ['R']],
    ['R, C, Go, Rust', ['R', 'C', 'Go', 'Rust']],
    // Other guarded words, with evidence.
    ['advanced Excel spreadsheets', ['Excel']],
    ['SQL, Excel, Tableau', ['SQL', 'Excel', 'Tableau']],
    ['Spark jobs', ['Spark']],
    ['Spark, Hadoop', ['Spark', 'Hadoop']],
    ['Julia, Python', ['Julia', 'Python']],
    ['Helm charts', ['Helm']],
    ['experience with transformers and CNNs', ['Transformer Models', 'CNN']],
    ['TF-IDF and TF, Keras', ['TF-IDF', 'TensorFlow', 'Keras']],
  ])('finds skills in %p', (text, expected) => {
    expect(skillsIn(text)).toEqual(expect.arrayContaining(expected));
  });

  it.each([
    // text, skills that must NOT be found
    ['Rust and Python', ['R']],
    ['excellent communication', ['Excel']],
    ['scalable systems', ['Scala']],
    ['C++ developer', ['C']],
    ['C# developer', ['C']],
    ['Objective-C', ['C']],
    ['we go to market fast', ['Go']],
    ['our go-to-market strategy', ['Go']],
    ["let's go", ['Go']],
    ["let's go, team", ['Go']],
    ['work on the go', ['Go']],
    ['go/no-go decisions', ['Go']],
    ['go-live in March', ['Go']],
    ['Google and Gopher', ['Go']],
    ['R&D team', ['R']],
    ['R & D, Python', ['R']],
    ['the R-squared value', ['R']],
    ['Faster R-CNN', ['R']],
    ['r', ['R']],
    ['Series C startup', ['C']],
    ['C-suite and C-level', ['C']],
    ['Type C, vitamin C', ['C']],
    ['options A, B, C', ['C']],
    ['You will excel in this role', ['Excel']],
    ['excel at', ['Excel']],
    ['ideas that spark innovation', ['Spark']],
    ['sparkling', ['Spark']],
    ['TF-IDF', ['TensorFlow']],
    ['at the helm of the team', ['Helm']],
    ['power transformers', ['Transformer Models']],
    ['Julia will be your recruiter', ['Julia']],
    ['Great expectations for candidates', ['Great Expectations']],
    ['Vertex AI and Spark ML', ['Artificial Intelligence', 'Machine Learning']],
    ['NoSQL and MySQL', ['SQL']],
  ])('does not find %p in %p', (text, forbidden) => {
    const found = skillsIn(text);
    for (const skill of forbidden) expect(found).not.toContain(skill);
  });

  it('returns each skill once, in order of first mention, with the first alias that matched', () => {
    expect(extractor.extract('sklearn first, then scikit-learn; k8s, Kubernetes; Python')).toEqual([
      { skill: 'scikit-learn', alias: 'sklearn' },
      { skill: 'Kubernetes', alias: 'k8s' },
      { skill: 'Python', alias: 'Python' },
    ]);
  });

  it('returns nothing for empty or skill-free text', () => {
    expect(extractor.extract('')).toEqual([]);
    expect(extractor.extract('We are a friendly team that values kindness.')).toEqual([]);
  });

  it('resolves exact aliases and names, nothing else', () => {
    expect(extractor.resolve('SKLEARN')).toBe('scikit-learn');
    expect(extractor.resolve('Scikit Learn')).toBe('scikit-learn');
    expect(extractor.resolve('Go')).toBe('Go');
    expect(extractor.resolve('python developer')).toBeUndefined();
  });
});

describe('SkillExtractor.extractFromList', () => {
  it.each([
    ['Python, R, SQL', ['Python', 'R', 'SQL']],
    ['Go | Rust | C', ['Go', 'Rust', 'C']],
    ['C; C++; C#', ['C', 'C++', 'C#']],
    ['r, go, excel, spark', ['R', 'Go', 'Excel', 'Spark']],
    ["['Python', 'SQL', 'Excel']", ['Python', 'SQL', 'Excel']],
    ['Python/R/SQL', ['Python', 'R', 'SQL']],
    ['A/B Testing, CI/CD', ['A/B Testing', 'CI/CD']],
    ['Advanced Excel, Apache Spark (PySpark)', ['Excel', 'Spark']],
    ['Python\nSQL\tTableau', ['Python', 'SQL', 'Tableau']],
    ['R&D, go-to-market, Python', ['Python']],
    ['', []],
    [',,;|', []],
  ])('%p → %p', (field, expected) => {
    expect(skillsInList(field)).toEqual(expected);
  });

  it('keeps the first alias of each skill across items', () => {
    expect(extractor.extractFromList('golang, Go, sklearn')).toEqual([
      { skill: 'Go', alias: 'golang' },
      { skill: 'scikit-learn', alias: 'sklearn' },
    ]);
  });
});

describe('SkillExtractor construction', () => {
  it('refuses an alias claimed by two skills', () => {
    expect(() => new SkillExtractor([{ name: 'Go', aliases: ['golang'] }, { name: 'Golang Tools', aliases: ['GoLang'] }])).toThrow(
      /golang.*claimed by both "Go" and "Golang Tools"/i,
    );
  });

  it('accepts custom ambiguity rules', () => {
    const strict = new SkillExtractor([{ name: 'Rust', aliases: [] }], { ambiguityRules: new Map([['rust', { needsEvidence: true }]]) });
    expect(strict.extract('the Rust Belt').map((m) => m.skill)).toEqual([]);
    expect(strict.extract('Rust developer').map((m) => m.skill)).toEqual(['Rust']);
    expect(strict.extractFromList('rust').map((m) => m.skill)).toEqual(['Rust']);
  });
});

describe('SkillExtractor properties', () => {
  const names = new Set(SKILL_TAXONOMY.map((s) => s.name));
  const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
  const vocabulary = fc.constantFrom(
    ...SKILL_TAXONOMY.slice(0, 120).flatMap((s) => [s.name, ...s.aliases]),
    'go', 'to', 'market', 'R&D', 'and', 'or', "let's", 'the', 'in', ',', ';', '/', '-', '(', ')', '\n', '.', '&', '+', '#', '3', 'é', '語',
  );
  const skillish = fc.array(vocabulary, { maxLength: 40 }).map((words) => words.join(' '));
  const anyText = fc.oneof(fc.string(), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: codeUnit }), skillish);

  it('never throws; returns distinct taxonomy skills', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        for (const matches of [extractor.extract(text), extractor.extractFromList(text)]) {
          const skills = matches.map((m) => m.skill);
          expect(new Set(skills).size).toBe(skills.length);
          for (const skill of skills) expect(names.has(skill)).toBe(true);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is unaffected by padding the text with spaces', () => {
    fc.assert(
      fc.property(skillish, (text) => {
        expect(extractor.extract(`  ${text}  `)).toEqual(extractor.extract(text));
      }),
      { numRuns: 500 },
    );
  });

  it('copes with huge and odd inputs', () => {
    const description = 'Python, SQL and Go. We value R&D, Excel skills and going to market. ';
    for (const input of [description.repeat(20_000), 'c'.repeat(1_000_000), ' '.repeat(1_000_000), '\ud800Go\udc00'.repeat(10_000), 'R&'.repeat(100_000)]) {
      expect(() => extractor.extract(input)).not.toThrow();
      expect(() => extractor.extractFromList(input)).not.toThrow();
    }
    expect(skillsIn(description.repeat(20_000))).toEqual(['Python', 'SQL', 'Go', 'Excel']);
  });
});
