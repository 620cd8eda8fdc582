import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { onetTitleKey, OnetTitleSource } from './onet-title-key.util';

/** The O*NET text files the import reads (tab-separated, header row), from https://www.onetcenter.org/database.html. */
export const ONET_FILES = {
  occupations: 'Occupation Data.txt',
  alternateTitles: 'Alternate Titles.txt',
  reportedTitles: 'Sample of Reported Titles.txt',
} as const;

export interface OnetOccupationRow {
  socCode: string;
  title: string;
  description: string;
}

export interface OnetTitleRow {
  titleKey: string;
  socCode: string;
  source: OnetTitleSource;
}

export interface OnetRelease {
  version: string;
  occupations: OnetOccupationRow[];
  titles: OnetTitleRow[];
}

/** A missing or malformed release directory: the message is one line, meant for the terminal. */
export class OnetFilesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = OnetFilesError.name;
  }
}

const BRACKETED_RE = /^([^()]+)\(([^()]+)\)\s*$/;
const SOC_CODE_RE = /^\d{2}-\d{4}\.\d{2}$/;
const SOURCE_RANK: Readonly<Record<OnetTitleSource, number>> = { occupation: 0, reported: 1, alternate: 2 };

/** Reads an unpacked O*NET text release (e.g. `db_29_2_text/`). Throws OnetFilesError naming what is wrong. */
export async function readOnetRelease(dir: string): Promise<OnetRelease> {
  const isDir = await stat(dir).then((s) => s.isDirectory(), () => false);
  if (!isDir) throw new OnetFilesError(`${dir} is not a directory; download and unpack the O*NET text release (https://www.onetcenter.org/database.html)`);
  const required = [ONET_FILES.occupations, ONET_FILES.alternateTitles, ONET_FILES.reportedTitles];
  const texts = await Promise.all(required.map((name) => readFile(join(dir, name), 'utf8').catch(() => null)));
  const missing = required.filter((_, i) => texts[i] === null).map((name) => `"${name}"`);
  if (missing.length) throw new OnetFilesError(`${dir} lacks ${missing.join(', ')}: is it an unpacked O*NET text release?`);
  const [occupationText, alternateText, reportedText] = texts as string[];
  const readMe = await readFile(join(dir, 'Read Me.txt'), 'utf8').catch(() => '');

  const occupations = rows(occupationText, ONET_FILES.occupations, 3).map(([socCode, title, description]) => ({ socCode, title, description }));
  const known = new Set(occupations.map((o) => o.socCode));
  // One row per (key, code): the most authoritative source wins.
  const titles = new Map<string, OnetTitleRow>();
  const add = (socCode: string, text: string, source: OnetTitleSource) => {
    // "CEO (Chief Executive Officer)" is also "CEO" and "Chief Executive Officer"; one-word insides
    // ("(General)") are qualifiers, not titles.
    const bracket = BRACKETED_RE.exec(text);
    if (bracket) {
      addKey(socCode, bracket[1], source);
      if (/\s/.test(bracket[2].trim())) addKey(socCode, bracket[2], source);
    }
    addKey(socCode, text, source);
  };
  const addKey = (socCode: string, text: string, source: OnetTitleSource) => {
    const titleKey = onetTitleKey(text);
    if (!titleKey || !known.has(socCode)) return;
    const id = `${titleKey}\u0000${socCode}`;
    const existing = titles.get(id);
    if (!existing || SOURCE_RANK[source] < SOURCE_RANK[existing.source]) titles.set(id, { titleKey, socCode, source });
  };
  for (const o of occupations) {
    add(o.socCode, o.title, 'occupation');
    add(o.socCode, singular(o.title), 'occupation'); // occupation titles are plural: "Data Scientists"
  }
  for (const [socCode, title] of rows(reportedText, ONET_FILES.reportedTitles, 2)) add(socCode, title, 'reported');
  for (const [socCode, title, shortTitle] of rows(alternateText, ONET_FILES.alternateTitles, 2)) {
    add(socCode, title, 'alternate');
    if (shortTitle && shortTitle !== 'n/a') add(socCode, shortTitle, 'alternate');
  }
  const version = /O\*NET\s+([\d.]+)\s+Database/.exec(readMe)?.[1] ?? 'unknown';
  return { version, occupations, titles: [...titles.values()] };
}

function rows(text: string, file: string, minColumns: number): string[][] {
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.split('\t') ?? [];
  if (header[0] !== 'O*NET-SOC Code' || header.length < minColumns) {
    throw new OnetFilesError(`"${file}" does not start with an "O*NET-SOC Code" tab-separated header`);
  }
  const out: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i] === '') continue;
    const cells = lines[i].split('\t').map((c) => c.trim());
    if (cells.length < minColumns || !SOC_CODE_RE.test(cells[0])) throw new OnetFilesError(`"${file}" line ${i + 1} is not a valid row`);
    out.push(cells);
  }
  return out;
}

/** "Registered Nurses" -> "Registered Nurse", "Actuaries" -> "Actuary"; only the last word. */
function singular(title: string): string {
  return title.replace(/ies$/, 'y').replace(/(?<![su])s$/, '');
}
