import { join } from 'node:path';
import { SHARED_DATA } from '../../test/ingestion-helpers';
import { RoleFamily } from '../common/market.enums';
import { normalizeTitle } from '../ingestion/normalizers/title.normalizer';
import { OnetFilesError, readOnetRelease } from './onet-files.util';
import { OnetTitleMatcher, SOC_BY_ROLE_FAMILY } from './onet-title-matcher';

const ONET_DIR = join(SHARED_DATA, 'onet-29.2');

/** As ingestion calls it: the raw title with the title normaliser's cleaned title and role family. */
function matchTitle(matcher: OnetTitleMatcher, raw: string): string | null {
  const title = normalizeTitle(raw);
  return matcher.match(title.raw, title.normalized, title.roleFamily);
}

describe('OnetTitleMatcher (O*NET 29.2)', () => {
  let matcher: OnetTitleMatcher;

  beforeAll(async () => {
    matcher = new OnetTitleMatcher((await readOnetRelease(ONET_DIR)).titles);
  });

  it.each([
    ['Data Scientist', '15-2051.00'], // alternate title
    ['Data Scientists', '15-2051.00'], // occupation title
    ['Senior Data Scientist (m/w/d) - Berlin', '15-2051.00'], // cleaned, then level words stripped
    ['Senior Machine Learning Engineer', '15-1221.00'], // listed under three codes: the ML family's wins
    ['Machine Learning Engineer', '15-1221.00'],
    ['Engineer, Machine Learning', '15-1221.00'], // no O*NET title: role family fallback
    ['Data Analyst', '15-2051.01'], // eight candidates: the analyst family's
    ['Data Engineer', '15-1243.00'],
    ['Head of Data', '11-3021.00'],
    ['Registered Nurse', '29-1141.00'],
    ['REGISTERED NURSES', '29-1141.00'],
    ['Chief Executive Officer', '11-1011.00'],
    ['Xyzzy Blorf', null],
    ['Wizard of Frobnication', null],
  ])('%s -> %s', (title, expected) => {
    expect(matchTitle(matcher, title)).toBe(expected);
  });

  it('maps nothing without a title', () => {
    expect(matcher.match(null, null, RoleFamily.DATA_SCIENTIST)).toBeNull();
  });

  it('is deterministic whatever the order of the rows', async () => {
    const rows = (await readOnetRelease(ONET_DIR)).titles;
    const reversed = new OnetTitleMatcher([...rows].reverse());
    for (const title of ['Data Analyst', 'Machine Learning Engineer', 'Software Engineer', 'Nurse', 'Analyst']) {
      expect(matchTitle(reversed, title)).toBe(matchTitle(matcher, title));
    }
  });

  it('names only occupations of the release in its role family map', async () => {
    const codes = new Set((await readOnetRelease(ONET_DIR)).occupations.map((o) => o.socCode));
    for (const code of Object.values(SOC_BY_ROLE_FAMILY)) expect(codes.has(code!)).toBe(true);
  });

  it('falls back to nothing when the family code is not in the release', () => {
    const small = new OnetTitleMatcher([{ titleKey: 'registered nurse', socCode: '29-1141.00', source: 'alternate' }]);
    expect(matchTitle(small, 'Data Scientist')).toBeNull();
    expect(matchTitle(small, 'Registered Nurse')).toBe('29-1141.00');
  });
});

describe('readOnetRelease', () => {
  it('names the missing files in one line', async () => {
    await expect(readOnetRelease(join(SHARED_DATA, 'no-such-dir'))).rejects.toThrow(OnetFilesError);
    await expect(readOnetRelease(__dirname)).rejects.toThrow(/lacks "Occupation Data.txt", "Alternate Titles.txt", "Sample of Reported Titles.txt"/);
  });
});
