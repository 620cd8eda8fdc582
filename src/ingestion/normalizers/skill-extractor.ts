/**
 * Finds skill mentions in posting text in one linear pass.
 *
 * Every alias is compiled into an Aho–Corasick automaton over a 42-symbol alphabet (letters, digits,
 * `+ # . &`, "other letter", separator), folded into a full transition table. The scan reads the text once,
 * char code by char code, without building a lower-cased copy; a run of separators counts as one (the
 * table loops on them), so "machine \n learning" matches "machine learning". A hit counts only on token
 * boundaries, so `R` is not in "Rust", `Excel` not in "excellent", `Scala` not in "scalable" and `C` not in "C++".
 *
 * Aliases that are also everyday words or single letters carry an {@link AmbiguityRule}; see
 * {@link DEFAULT_AMBIGUITY_RULES} for the rule they follow.
 */

export interface SkillTerm {
  name: string;
  aliases: readonly string[];
}

export interface SkillMatch {
  /** Canonical skill name. */
  skill: string;
  /** The alias (or the name) as spelled in the taxonomy that matched first. */
  alias: string;
}

/**
 * How an alias that is also a common word or a single letter earns a match. Any alias with a rule is
 * dropped when it sits inside a longer match ("TF" in "TF-IDF", "C" in "Objective-C", "AI" in "Vertex AI").
 */
export interface AmbiguityRule {
  /**
   * Counts in free text only with evidence next to it: list punctuation (`Go, Python`, `(R)`, `Skills: Go`,
   * a bullet line of its own), a neighbouring skill joined by at most "and"/"or" (`in Go and Rust`), or a
   * qualifier word (`Go developer`, `proficient in R`, `Excel spreadsheets`). Explicit skill lists skip this.
   */
  needsEvidence: boolean;
  /** Must be written in capitals in free text: lower-case single letters are almost never the language. */
  capitalsOnly?: boolean;
  /** The word right before / after that says it is not the skill ("let's go", "go-to-market", "excel in"). */
  vetoBefore?: readonly string[];
  vetoAfter?: readonly string[];
}

const MODALS_AND_PRONOUNS = ['will', 'would', 'can', 'could', 'should', 'must', 'may', 'might', 'shall', 'we', 'you', 'i', 'they', 'who'];
const LETTER_LABELS = [
  'series', 'type', 'vitamin', 'plan', 'grade', 'class', 'level', 'tier', 'round', 'section', 'part', 'category', 'phase',
  'option', 'model', 'figure', 'appendix', 'exhibit', 'schedule', 'form', 'item', 'step', 'group', 'team', 'block', 'mr', 'ms', 'dr',
];

/** Keys are normalised aliases (see {@link normalizeSkillTerm}). */
export const DEFAULT_AMBIGUITY_RULES: ReadonlyMap<string, AmbiguityRule> = new Map<string, AmbiguityRule>([
  ['r', { needsEvidence: true, capitalsOnly: true, vetoBefore: [...LETTER_LABELS, 'pearson', 'adjusted', 'faster', 'mask'], vetoAfter: ['squared', 'square', 'cnn', 'value', 'values', 'score'] }],
  ['c', { needsEvidence: true, capitalsOnly: true, vetoBefore: LETTER_LABELS, vetoAfter: ['suite', 'level', 'corp', 'corporation', 'inc', 'ltd'] }],
  [
    'go',
    {
      needsEvidence: true,
      vetoBefore: [...MODALS_AND_PRONOUNS, "let's", 'lets', 'let', 'to', 'the', 'a', "don't", 'dont', 'never', 'no', 'on', 'ready', 'good', "we'll", "you'll", "i'll", "they'll"],
      vetoAfter: [
        'to', 'ahead', 'live', 'beyond', 'above', 'back', 'out', 'through', 'further', 'far', 'deeper', 'deep', 'get', 'getter', 'getters',
        'forward', 'into', 'over', 'off', 'big', 'home', 'wrong', 'along', 'public', 'viral', 'for', 'after', 'no', 'away', 'about',
        'around', 'down', 'up', 'fast', 'extra', 'the', 'a', 'an', 'on', 'together', 'hand', 'unnoticed', 'smoothly',
      ],
    },
  ],
  ['tf', { needsEvidence: true, vetoAfter: ['idf'] }],
  [
    'excel',
    {
      needsEvidence: true,
      vetoBefore: [...MODALS_AND_PRONOUNS, 'to', 'help', 'helps', 'helping', 'truly', 'really', 'consistently', 'continue'],
      vetoAfter: ['in', 'at', 'as', 'within', 'under', 'when', 'while', 'with', 'beyond', 'through', 'across'],
    },
  ],
  [
    'spark',
    {
      needsEvidence: true,
      vetoBefore: ['to', 'will', 'can', 'could', 'that', 'which', 'who', 'helps', 'help', 'may', 'might', 'would', 'should'],
      vetoAfter: [
        'innovation', 'joy', 'curiosity', 'creativity', 'ideas', 'change', 'changes', 'conversation', 'conversations', 'interest',
        'growth', 'excitement', 'discussion', 'discussions', 'debate', 'new', 'action', 'imagination', 'passion',
      ],
    },
  ],
  ['julia', { needsEvidence: true }],
  ['swift', { needsEvidence: true, vetoAfter: ['action', 'response', 'decision', 'decisions', 'delivery', 'execution', 'resolution', 'turnaround', 'pace'] }],
  ['ruby', { needsEvidence: true }],
  ['react', { needsEvidence: true, vetoBefore: ['to', 'quickly', 'and'], vetoAfter: ['to', 'quickly', 'accordingly', 'fast'] }],
  ['ray', { needsEvidence: true }],
  ['stan', { needsEvidence: true }],
  ['prophet', { needsEvidence: true }],
  ['claude', { needsEvidence: true }],
  ['helm', { needsEvidence: true, vetoBefore: ['the', 'at'] }],
  ['feast', { needsEvidence: true }],
  ['transformer', { needsEvidence: true, vetoBefore: ['power', 'electrical'] }],
  ['transformers', { needsEvidence: true, vetoBefore: ['power', 'electrical'] }],
  ['great expectations', { needsEvidence: true }],
  // Fine on their own, but noise inside longer names ("Vertex AI", "Spark ML", "Node.js", "snowflake schema").
  ['ai', { needsEvidence: false }],
  ['ml', { needsEvidence: false }],
  ['js', { needsEvidence: false }],
  ['snowflake', { needsEvidence: false }],
  ['llama', { needsEvidence: false }],
  ['argo', { needsEvidence: false }],
]);

const QUALIFIERS_AFTER = new Set([
  'programming', 'programmer', 'programmers', 'language', 'languages', 'lang', 'developer', 'developers', 'development', 'dev',
  'engineer', 'engineers', 'engineering', 'code', 'coding', 'codebase', 'codebases', 'scripting', 'scripts', 'script', 'skills',
  'skill', 'experience', 'expertise', 'knowledge', 'proficiency', 'background', 'package', 'packages', 'library', 'libraries',
  'framework', 'frameworks', 'ecosystem', 'stack', 'service', 'services', 'microservices', 'backend', 'sdk', 'api', 'apis', 'based',
  'jobs', 'pipelines', 'pipeline', 'applications', 'application', 'apps', 'app', 'cluster', 'clusters', 'dataframe', 'dataframes',
  'notebooks', 'spreadsheets', 'spreadsheet', 'macros', 'formulas', 'workbooks', 'pivot', 'models', 'modules', 'module', 'tooling',
  'tools', 'studio', 'charts', 'routines', 'programs',
]);

const QUALIFIERS_BEFORE = new Set([
  'in', 'using', 'use', 'uses', 'used', 'with', 'know', 'knows', 'knowing', 'knowledge', 'proficient', 'proficiency', 'fluent',
  'fluency', 'experienced', 'expert', 'expertise', 'strong', 'solid', 'advanced', 'intermediate', 'experience', 'including',
  'include', 'includes', 'like', 'as', 'via', 'write', 'writes', 'writing', 'written', 'idiomatic', 'modern', 'learn', 'learning',
]);

const CONNECTORS = new Set(['and', 'or', 'nor', 'plus']);
const NEIGHBOUR_GAP = /^(?:\.|[\s,;|/&+()\-]*(?:(?:and|or|nor|plus)[\s,;|/&+()\-]*)?)$/i;
const ABBREVIATION_BEFORE = /(?:e\.g|i\.e|incl|eg)[.,:]?\s*$/i;
const LIST_SPLIT = /[,;|\n\r\t•·]+/;

// Symbol classes. 1–26 letters, 27–36 digits.
const SEP = 0;
const PLUS = 37;
const HASH = 38;
const DOT = 39;
const AMP = 40;
const OTHER = 41;
const ALPHABET = 42;

const CHAR_CLASS = buildCharClasses();

function buildCharClasses(): Uint8Array {
  const table = new Uint8Array(0x10000).fill(OTHER);
  table.fill(SEP, 0, 0xc0); // ASCII punctuation, controls, NBSP, Latin-1 symbols
  for (let c = 0; c < 26; c++) {
    table[0x61 + c] = c + 1;
    table[0x41 + c] = c + 1;
  }
  for (let d = 0; d < 10; d++) table[0x30 + d] = 27 + d;
  table[0x2b] = PLUS;
  table[0x23] = HASH;
  table[0x2e] = DOT;
  table[0x26] = AMP;
  table[0xd7] = SEP;
  table[0xf7] = SEP;
  // Punctuation, symbols and dashes separate words. CJK, kana and Hangul do too: those scripts do not put
  // spaces round Latin terms ("熟悉Python和Go"). Surrogates (emoji, rare CJK) likewise.
  const separatorRanges: ReadonlyArray<readonly [number, number]> = [
    [0x1680, 0x1680], [0x2000, 0x2bff], [0x3000, 0x9fff], [0xac00, 0xd7af], [0xd800, 0xdfff], [0xf900, 0xfaff],
    [0xfe30, 0xfe4f], [0xfeff, 0xfeff], [0xff00, 0xffef],
  ];
  for (const [from, to] of separatorRanges) table.fill(SEP, from, to + 1);
  return table;
}

/**
 * The comparison form of a skill term: lower case, `+ # . &` and non-ASCII letters kept, every other
 * character a single space, trimmed. "Scikit-Learn" → "scikit learn", "C++" → "c++", "A/B Testing" → "a b testing".
 */
export function normalizeSkillTerm(term: string): string {
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < term.length; i++) {
    const code = term.charCodeAt(i);
    if (CHAR_CLASS[code] === SEP) {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : term[i].toLowerCase();
  }
  return out;
}

/**
 * Automaton input for an alias: a leading separator, then its symbols. The leading separator makes the
 * automaton itself enforce the start boundary, so letters inside words ("fo|r|", "a|go|") never reach a
 * state with output; the scan starts as if the text were preceded by a separator.
 */
function toSymbols(normalized: string): Uint8Array {
  const symbols = new Uint8Array(normalized.length + 1);
  symbols[0] = SEP;
  for (let i = 0; i < normalized.length; i++) symbols[i + 1] = CHAR_CLASS[normalized.charCodeAt(i)];
  return symbols;
}

interface Pattern {
  skill: number;
  alias: string;
  length: number;
  endsWithDigit: boolean;
  rule: CompiledRule | undefined;
}

interface CompiledRule {
  needsEvidence: boolean;
  capitalsOnly: boolean;
  vetoBefore: ReadonlySet<string>;
  vetoAfter: ReadonlySet<string>;
}

export interface SkillExtractorOptions {
  /** Replaces {@link DEFAULT_AMBIGUITY_RULES}; keys are normalised aliases. */
  ambiguityRules?: ReadonlyMap<string, AmbiguityRule>;
}

export class SkillExtractor {
  private readonly skillNames: string[] = [];
  private readonly patterns: Pattern[] = [];
  private readonly exact = new Map<string, number>();
  private readonly singleLetterAliases = new Set<string>();
  private readonly longestAlias: number;
  private readonly automaton: Automaton;
  // Scratch space reused by every call (calls are synchronous), so a scan allocates nothing per hit.
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly ids: number[] = [];
  private order = new Int32Array(64);
  private accepted = new Uint8Array(64);
  /** seen[skill] === stamp marks a skill already emitted by the current call. */
  private readonly seen: Uint32Array;
  private stamp = 0;

  /** Throws when two skills claim the same normalised alias: a taxonomy bug to catch at start-up. */
  constructor(skills: readonly SkillTerm[], options: SkillExtractorOptions = {}) {
    const rules = options.ambiguityRules ?? DEFAULT_AMBIGUITY_RULES;
    const symbols: Uint8Array[] = [];
    for (const skill of skills) {
      const skillIndex = this.skillNames.push(skill.name) - 1;
      for (const alias of [skill.name, ...skill.aliases]) {
        const key = normalizeSkillTerm(alias);
        if (key === '') continue;
        const existing = this.exact.get(key);
        if (existing !== undefined) {
          const owner = this.patterns[existing].skill;
          if (owner !== skillIndex) {
            throw new Error(`skill alias "${alias}" is claimed by both "${this.skillNames[owner]}" and "${skill.name}"`);
          }
          continue;
        }
        const rule = rules.get(key);
        const lastSymbol = CHAR_CLASS[key.charCodeAt(key.length - 1)];
        this.exact.set(key, this.patterns.length);
        this.patterns.push({
          skill: skillIndex,
          alias,
          length: key.length,
          endsWithDigit: lastSymbol >= 27 && lastSymbol <= 36,
          rule: rule && {
            needsEvidence: rule.needsEvidence,
            capitalsOnly: rule.capitalsOnly ?? false,
            vetoBefore: new Set(rule.vetoBefore ?? []),
            vetoAfter: new Set(rule.vetoAfter ?? []),
          },
        });
        symbols.push(toSymbols(key));
        if (key.length === 1) this.singleLetterAliases.add(key);
      }
    }
    this.automaton = buildAutomaton(symbols);
    this.longestAlias = this.patterns.reduce((max, p) => Math.max(max, p.length), 0);
    this.seen = new Uint32Array(this.skillNames.length);
  }

  /** Canonical name for an exact alias or name ("sklearn" → "scikit-learn"), if there is one. */
  resolve(term: string): string | undefined {
    const pattern = this.exact.get(normalizeSkillTerm(term));
    return pattern === undefined ? undefined : this.skillNames[this.patterns[pattern].skill];
  }

  /** Skills mentioned in free text, each once, in order of first mention. Never throws. */
  extract(text: string): SkillMatch[] {
    if (typeof text !== 'string' || text.length === 0) return [];
    const matches: SkillMatch[] = [];
    this.nextStamp();
    this.collect(text, false, matches);
    return matches;
  }

  /**
   * Skills from an explicit list field ("Python, R; SQL | Go"). Each item that is exactly an alias matches
   * even when short or ambiguous; other items are scanned as text without the evidence requirement
   * (the field itself says these are skills), but the vetoes still apply ("R&D", "go-to-market").
   */
  extractFromList(field: string): SkillMatch[] {
    if (typeof field !== 'string' || field.length === 0) return [];
    const matches: SkillMatch[] = [];
    this.nextStamp();
    for (const item of field.split(LIST_SPLIT)) {
      const trimmed = item.trim();
      if (trimmed === '') continue;
      // Sentences in a list field cannot be one alias: skip straight to the scan.
      const exact = trimmed.length <= 2 * this.longestAlias ? this.exact.get(normalizeSkillTerm(trimmed)) : undefined;
      if (exact !== undefined) this.emit(exact, matches);
      else this.collect(trimmed, true, matches);
    }
    return matches;
  }

  private nextStamp(): void {
    if (++this.stamp === 0xffffffff) {
      this.seen.fill(0);
      this.stamp = 1;
    }
  }

  private emit(patternIndex: number, matches: SkillMatch[]): void {
    const pattern = this.patterns[patternIndex];
    if (this.seen[pattern.skill] === this.stamp) return;
    this.seen[pattern.skill] = this.stamp;
    matches.push({ skill: this.skillNames[pattern.skill], alias: pattern.alias });
  }

  private collect(text: string, listMode: boolean, matches: SkillMatch[]): void {
    const { starts, ends, ids } = this;
    starts.length = ends.length = ids.length = 0;
    this.scan(text);
    const count = ids.length;
    if (count === 0) return;
    if (this.order.length < count) {
      this.order = new Int32Array(count * 2);
      this.accepted = new Uint8Array(count * 2);
    }
    const { order, accepted } = this;

    // Text order; at one start the longer match first, so containment is "an earlier match ends later".
    // Hits arrive by end position, so a hit only moves past hits inside one alias length: insertion sort stays linear.
    for (let k = 0; k < count; k++) {
      let j = k - 1;
      while (j >= 0 && (starts[order[j]] > starts[k] || (starts[order[j]] === starts[k] && ends[order[j]] < ends[k]))) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = k;
    }
    let coveredUntil = -1;
    let lastAcceptedEnd = -1;
    for (let k = 0; k < count; k++) {
      const m = order[k];
      const nested = coveredUntil >= ends[m];
      coveredUntil = Math.max(coveredUntil, ends[m]);
      const rule = this.patterns[ids[m]].rule;
      accepted[m] = 0;
      if (rule && (nested || !this.passesRule(text, starts[m], ends[m], rule, listMode, lastAcceptedEnd, this.nextPlainStart(k, count)))) {
        continue;
      }
      accepted[m] = 1;
      lastAcceptedEnd = Math.max(lastAcceptedEnd, ends[m]);
    }
    for (let k = 0; k < count; k++) if (accepted[order[k]]) this.emit(ids[order[k]], matches);
  }

  /** The automaton pass: raw, boundary-respecting hits into starts/ends/ids. */
  private scan(text: string): void {
    const { delta, firstOutputAt, startOffset } = this.automaton;
    const n = text.length;
    let offset = startOffset;
    for (let i = 0; i < n; i++) {
      offset = delta[offset + CHAR_CLASS[text.charCodeAt(i)]];
      if (offset >= firstOutputAt) this.report(text, offset / ALPHABET, i);
    }
  }

  private report(text: string, state: number, last: number): void {
    const { patternAt, firstOutput, nextOutput } = this.automaton;
    const n = text.length;
    for (let out = firstOutput[state]; out >= 0; out = nextOutput[out]) {
      const id = patternAt[out];
      const pattern = this.patterns[id];
      // The start boundary is the automaton's job (see toSymbols); the end boundary is checked here.
      if (last + 1 < n) {
        const next = CHAR_CLASS[text.charCodeAt(last + 1)];
        if ((next >= 1 && next <= 26) || next === OTHER || next === HASH) continue;
        // "C++", "C+": part of a longer name. "Python+SQL": a joiner.
        if (next === PLUS && !isLetterClass(CHAR_CLASS[text.charCodeAt(last + 2)])) continue;
        // "python3", "c++17", "gpt4": a version number may follow, but not after an ambiguous or digit-final alias.
        if (next >= 27 && next <= 36 && (pattern.rule !== undefined || pattern.endsWithDigit)) continue;
      }
      this.starts.push(matchStart(text, last, pattern.length));
      this.ends.push(last + 1);
      this.ids.push(id);
    }
  }

  private nextPlainStart(k: number, count: number): number {
    const { order, starts, ends, ids } = this;
    const end = ends[order[k]];
    for (let j = k + 1; j < count && j <= k + 6; j++) {
      const m = order[j];
      const rule = this.patterns[ids[m]].rule;
      if (starts[m] >= end && (!rule || !rule.needsEvidence)) return starts[m];
    }
    return -1;
  }

  private passesRule(text: string, start: number, end: number, rule: CompiledRule, listMode: boolean, previousEnd: number, nextStart: number): boolean {
    if (!rule.needsEvidence) return true;
    if (rule.capitalsOnly && !listMode && hasLowerCase(text, start, end)) return false;
    // Glued to "&": R&D, P&L, AT&T.
    if (text.charCodeAt(start - 1) === 0x26 || text.charCodeAt(end) === 0x26) return false;
    const before = readWord(text, start, -1, false);
    const after = readWord(text, end, 1, false);
    if (rule.vetoBefore.has(before) || rule.vetoAfter.has(after)) return false;
    // A lone letter beside it is a label list ("A, B, C", "R & D", "plan B or C"), not languages.
    if (rule.capitalsOnly && (this.isStrayLetter(readWord(text, start, -1, true)) || this.isStrayLetter(readWord(text, end, 1, true)))) {
      return false;
    }
    if (listMode) return true;
    return (
      hasListContext(text, start, end) ||
      QUALIFIERS_AFTER.has(after) ||
      QUALIFIERS_BEFORE.has(before) ||
      ABBREVIATION_BEFORE.test(text.slice(Math.max(0, start - 8), start)) ||
      (previousEnd >= 0 && previousEnd <= start && start - previousEnd <= 12 && NEIGHBOUR_GAP.test(text.slice(previousEnd, start))) ||
      (nextStart >= 0 && nextStart - end <= 12 && NEIGHBOUR_GAP.test(text.slice(end, nextStart)))
    );
  }

  private isStrayLetter(word: string): boolean {
    return word.length === 1 && word >= 'a' && word <= 'z' && !this.singleLetterAliases.has(word);
  }
}

function isLetterClass(symbol: number): boolean {
  return symbol >= 1 && symbol <= 26;
}

/** Where a hit of `length` symbols ending at `last` starts, counting each run of separators once. */
function matchStart(text: string, last: number, length: number): number {
  let i = last;
  for (let remaining = length; i > 0; i--) {
    if (CHAR_CLASS[text.charCodeAt(i)] === SEP) while (i > 0 && CHAR_CLASS[text.charCodeAt(i - 1)] === SEP) i--;
    if (--remaining === 0) break;
  }
  return i;
}

function hasLowerCase(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) return true;
  }
  return false;
}

const isWordCode = (c: number): boolean =>
  (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x27 || c === 0x2019 || c === 0x2b || c === 0x23;
const isGapCode = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x2d || c === 0x2013 || c === 0x2014 || c === 0x2f;

const isListPunctuationCode = (c: number): boolean => c === 0x26 || c === 0x2c || c === 0x3b || c === 0x7c || c === 0x28 || c === 0x29;

/**
 * The lower-cased word next to `from` (before it when dir is -1), skipping spaces, dashes and slashes
 * (so "go-to-market" reads "to"). With skipConnectors, "and"/"or", "&" and list punctuation are stepped over too. Bounded.
 */
function readWord(text: string, from: number, dir: 1 | -1, skipConnectors: boolean): string {
  let i = dir === 1 ? from : from - 1;
  for (let hops = 0; hops < 3; hops++) {
    let gap = 0;
    while (i >= 0 && i < text.length && gap < 8) {
      const c = text.charCodeAt(i);
      if (!(isGapCode(c) || (skipConnectors && isListPunctuationCode(c)))) break;
      i += dir;
      gap++;
    }
    const first = i;
    while (i >= 0 && i < text.length && Math.abs(i - first) < 24 && isWordCode(text.charCodeAt(i))) i += dir;
    const raw = (dir === 1 ? text.slice(first, i) : text.slice(i + 1, first + 1)).toLowerCase();
    const word = raw.includes('\u2019') ? raw.replace(/\u2019/g, "'") : raw;
    if (!skipConnectors || !CONNECTORS.has(word)) return word;
  }
  return '';
}

const LIST_BEFORE = new Set([',', ';', '|', '/', '(', '[', '{', ':', '•', '·']);
const LIST_AFTER = new Set([',', ';', '|', '/', ')', ']', '}']);
const BULLETS = new Set(['-', '*', '•', '·', '–']);

/** List punctuation on either side, or the term alone on its (bulleted) line. */
function hasListContext(text: string, start: number, end: number): boolean {
  let j = end;
  while (j < text.length && j - end < 8 && (text[j] === ' ' || text[j] === '\t')) j++;
  const after = j < text.length ? text[j] : '\n';
  if (LIST_AFTER.has(after)) return true;
  let i = start - 1;
  while (i >= 0 && start - i < 8 && (text[i] === ' ' || text[i] === '\t')) i--;
  const before = i >= 0 ? text[i] : '\n';
  if (LIST_BEFORE.has(before)) return true;
  if (after !== '\n' && after !== '\r') return false;
  if (before === '\n' || before === '\r') return true;
  if (!BULLETS.has(before)) return false;
  let k = i - 1;
  while (k >= 0 && i - k < 8 && (text[k] === ' ' || text[k] === '\t')) k--;
  return k < 0 || text[k] === '\n' || text[k] === '\r';
}

interface Automaton {
  /** Transitions; values are pre-multiplied offsets (state × ALPHABET) so the scan does no arithmetic. */
  delta: Int32Array;
  /** States are numbered so that every state with output comes last: offset ≥ firstOutputAt means a hit. */
  firstOutputAt: number;
  /** Offset of the state after one separator: where every scan starts. */
  startOffset: number;
  patternAt: Int32Array;
  /** First state on the output chain of each state (itself when it ends a pattern), or -1. */
  firstOutput: Int32Array;
  /** Next state on the output (dictionary suffix) chain, or -1. */
  nextOutput: Int32Array;
}

/**
 * Trie, then BFS for failure links, folded into a full transition table (a DFA) so the scan never backtracks.
 * A state entered on a separator loops on further separators: aliases hold single spaces, so this reads a
 * run of spaces, dashes or newlines as one. The state after the leading separator (see toSymbols) is the
 * "word may start here" state.
 */
function buildAutomaton(patterns: readonly Uint8Array[]): Automaton {
  const goto: number[] = new Array<number>(ALPHABET).fill(-1);
  const terminal: number[] = [-1];
  const enteredOnSeparator: boolean[] = [false];
  let states = 1;
  patterns.forEach((symbols, id) => {
    let state = 0;
    for (const symbol of symbols) {
      let next = goto[state * ALPHABET + symbol];
      if (next === -1) {
        next = states++;
        goto[state * ALPHABET + symbol] = next;
        for (let s = 0; s < ALPHABET; s++) goto.push(-1);
        terminal.push(-1);
        enteredOnSeparator.push(symbol === SEP);
      }
      state = next;
    }
    terminal[state] = id;
  });

  const delta = new Int32Array(states * ALPHABET);
  const fail = new Int32Array(states);
  const firstOutput = new Int32Array(states).fill(-1);
  const nextOutput = new Int32Array(states).fill(-1);
  const queue: number[] = [];
  for (let symbol = 0; symbol < ALPHABET; symbol++) {
    const child = goto[symbol];
    delta[symbol] = child === -1 ? 0 : child;
    if (child !== -1) queue.push(child);
  }
  for (let head = 0; head < queue.length; head++) {
    const state = queue[head];
    const suffix = fail[state];
    nextOutput[state] = terminal[suffix] >= 0 ? suffix : nextOutput[suffix];
    firstOutput[state] = terminal[state] >= 0 ? state : nextOutput[state];
    for (let symbol = 0; symbol < ALPHABET; symbol++) {
      const child = goto[state * ALPHABET + symbol];
      if (child === -1) {
        delta[state * ALPHABET + symbol] = enteredOnSeparator[state] && symbol === SEP ? state : delta[suffix * ALPHABET + symbol];
      } else {
        delta[state * ALPHABET + symbol] = child;
        fail[child] = delta[suffix * ALPHABET + symbol];
        queue.push(child);
      }
    }
  }
  // "+ # . &" that continue no alias end a word, like a separator: "AI&ML", "Python+SQL", "tf.keras".
  const afterSeparator = goto[SEP] === -1 ? 0 : goto[SEP];
  for (let state = 0; state < states; state++) {
    for (const symbol of [PLUS, HASH, DOT, AMP]) if (delta[state * ALPHABET + symbol] === 0) delta[state * ALPHABET + symbol] = afterSeparator;
  }
  return renumber(delta, Int32Array.from(terminal), firstOutput, nextOutput);
}

/** Puts states with output last and pre-multiplies transition targets. The root stays 0. */
function renumber(delta: Int32Array, terminal: Int32Array, firstOutput: Int32Array, nextOutput: Int32Array): Automaton {
  const states = terminal.length;
  const newId = new Int32Array(states);
  let next = 0;
  for (const withOutput of [false, true]) {
    for (let s = 0; s < states; s++) if (firstOutput[s] >= 0 === withOutput) newId[s] = next++;
  }
  const silent = states - firstOutput.filter((o) => o >= 0).length;
  const mapped = (s: number) => (s < 0 ? -1 : newId[s]);
  const result: Automaton = {
    delta: new Int32Array(states * ALPHABET),
    firstOutputAt: silent * ALPHABET,
    startOffset: newId[delta[SEP]] * ALPHABET,
    patternAt: new Int32Array(states),
    firstOutput: new Int32Array(states),
    nextOutput: new Int32Array(states),
  };
  for (let s = 0; s < states; s++) {
    const id = newId[s];
    for (let symbol = 0; symbol < ALPHABET; symbol++) result.delta[id * ALPHABET + symbol] = newId[delta[s * ALPHABET + symbol]] * ALPHABET;
    result.patternAt[id] = terminal[s];
    result.firstOutput[id] = mapped(firstOutput[s]);
    result.nextOutput[id] = mapped(nextOutput[s]);
  }
  return result;
}
