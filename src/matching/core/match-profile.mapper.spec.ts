import { RemoteType, RoleFamily, WorldRegion } from '../../common/market.enums';
import { candidateProfileFromRow, JobPostingRow, postingProfileFromRow } from './match-profile.mapper';

describe('candidateProfileFromRow', () => {
  const row = {
    id: 'c1',
    skills: [
      { name: 'Python', skillId: 1, proficiency: 4, years: 3 },
      { name: 'Quantum Basket Weaving', skillId: null, proficiency: null, years: null },
      { name: 'SQL', skillId: 3, proficiency: null, years: null },
    ],
    years_experience: '4.5',
    country: 'de',
    remote_preference: 'ANY',
    desired_role_families: [RoleFamily.DATA_ENGINEER],
    salary_annual_usd: '85000.00',
    gender: 'Woman',
    age_group: '35-44',
  };

  it('maps pg values, derives the region and drops unrecognised skills', () => {
    expect(candidateProfileFromRow(row)).toEqual({
      skills: [
        { skillId: 1, proficiency: 4, years: 3 },
        { skillId: 3, proficiency: undefined, years: undefined },
      ],
      yearsExperience: 4.5,
      country: 'DE',
      region: WorldRegion.EUROPE,
      remotePreference: 'ANY',
      desiredRoleFamilies: [RoleFamily.DATA_ENGINEER],
      salaryAnnualUsd: 85_000,
    });
  });

  it('never copies protected attributes', () => {
    const profile = candidateProfileFromRow(row) as unknown as Record<string, unknown>;
    expect(Object.keys(profile)).not.toEqual(expect.arrayContaining(['gender']));
    expect(JSON.stringify(profile)).not.toMatch(/Woman|35-44|gender|age/);
  });

  it('copes with nulls everywhere', () => {
    expect(
      candidateProfileFromRow({ skills: null, years_experience: null, country: null, remote_preference: 'SOMETIMES', desired_role_families: null, salary_annual_usd: null }),
    ).toEqual({ skills: [], desiredRoleFamilies: [] });
  });
});

describe('postingProfileFromRow', () => {
  const row: JobPostingRow = {
    id: '9007199254740993',
    skill_ids: [1, 2],
    role_family: RoleFamily.ML_ENGINEER,
    seniority: 'SENIOR',
    country: 'US',
    region: null,
    remote_type: RemoteType.REMOTE,
    annual_usd_min: '150000.00',
    annual_usd_max: null,
    experience_years: '5.0',
  };

  it('keeps bigint ids as strings and fills the region from the country when missing', () => {
    expect(postingProfileFromRow(row)).toEqual({
      id: '9007199254740993',
      skillIds: [1, 2],
      roleFamily: RoleFamily.ML_ENGINEER,
      seniority: 'SENIOR',
      country: 'US',
      region: WorldRegion.NORTH_AMERICA,
      remoteType: RemoteType.REMOTE,
      annualUsdMin: 150_000,
      annualUsdMax: undefined,
      experienceYears: 5,
    });
  });
});
