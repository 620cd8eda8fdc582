import { FormEvent, useState } from 'react';
import { gql } from '../api/api-client';
import { useQuery } from '../api/use-query';
import { Async, Empty, ErrorMessage, Loading, Panel } from '../components/status';
import { VocabularySelect } from '../components/vocabulary-select';
import { fmt } from '../format';
import { EDUCATION_LEVELS, label, PAY_PERIODS, REMOTE_PREFERENCES, ROLE_FAMILIES, splitList } from '../vocabulary';

interface Candidate {
  id: string;
  externalRef: string | null;
  skills: Array<{ name: string; known: boolean; proficiency: number | null }>;
  unknownSkills: string[];
  yearsExperience: number | null;
  education: string | null;
  country: string | null;
  city: string | null;
  remotePreference: string | null;
  desiredRoleFamilies: string[];
  salaryExpectation: { amount: number; currency: string; period: string; annualUsd: number | null } | null;
  updatedAt: string;
}
interface RoleMatch {
  rank: number;
  score: number;
  posting: { id: string; title: string; company: string | null; country: string | null; city: string | null; seniority: string | null; remoteType: string | null; annualUsdMin: number | null; annualUsdMax: number | null };
  explanation: { matchedSkills: string[]; relatedSkills: Array<{ have: string; for: string; similarity: number }>; missingSkills: string[]; salaryFit: number; salaryStatus: string; locationFit: number; locationReason: string; seniorityFit: number };
}
interface RoleMatches { matches: RoleMatch[]; issues: string[]; unknownSkills: string[]; modelVersion: number; modelPromoted: boolean; scoredPostings: number }

const CANDIDATE_FIELDS = `id externalRef skills { name known proficiency } unknownSkills yearsExperience education country city remotePreference desiredRoleFamilies
  salaryExpectation { amount currency period annualUsd } updatedAt`;
const LIST_QUERY = `{ candidates(first: 100) { totalCount edges { node { ${CANDIDATE_FIELDS} } } } }`;
const MATCH_QUERY = `query Match($id: ID!) { matchRolesForCandidate(candidateId: $id, first: 10) {
  issues unknownSkills modelVersion modelPromoted scoredPostings
  matches { rank score posting { id title company country city seniority remoteType annualUsdMin annualUsdMax }
    explanation { matchedSkills relatedSkills { have for similarity } missingSkills salaryFit salaryStatus locationFit locationReason seniorityFit } }
} }`;

export function CandidatesView() {
  const list = useQuery(() => gql<{ candidates: { totalCount: number; edges: Array<{ node: Candidate }> } }>(LIST_QUERY), []);
  const [selectedId, setSelectedId] = useState<string>();
  const [editing, setEditing] = useState<Candidate | 'new'>();
  const candidates = list.data?.candidates.edges.map((e) => e.node) ?? [];
  const selected = candidates.find((c) => c.id === selectedId);

  function saved(candidate: Candidate) {
    setEditing(undefined);
    setSelectedId(candidate.id);
    list.reload();
  }

  return (
    <div className="grid-sidebar">
      <Panel
        title="Your candidates"
        actions={
          <button type="button" className="button-primary button-small" onClick={() => setEditing('new')}>
            New candidate
          </button>
        }
      >
        <Async state={list} loadingLabel="Loading candidates…">
          {() =>
            candidates.length ? (
              <ul className="candidate-list" aria-label="Candidates">
                {candidates.map((c) => (
                  <li key={c.id}>
                    <button type="button" className={c.id === selectedId ? 'candidate-item selected' : 'candidate-item'} aria-pressed={c.id === selectedId} onClick={() => { setSelectedId(c.id); setEditing(undefined); }}>
                      <span className="candidate-name">{c.externalRef ?? `Candidate ${c.id.slice(0, 8)}`}</span>
                      <span className="muted small">
                        {c.desiredRoleFamilies.map(label).join(', ') || 'any role'} · {c.country ?? 'anywhere'} · {c.skills.length} skills
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>No candidates yet. Create one to match it against open roles.</Empty>
            )
          }
        </Async>
      </Panel>
      <div className="stack">
        {editing ? (
          <CandidateForm key={editing === 'new' ? 'new' : editing.id} candidate={editing === 'new' ? undefined : editing} onSaved={saved} onCancel={() => setEditing(undefined)} />
        ) : selected ? (
          <>
            <CandidateSummary candidate={selected} onEdit={() => setEditing(selected)} />
            <Matches key={`${selected.id}-${selected.updatedAt}`} candidate={selected} />
          </>
        ) : (
          <Panel title="Matching">
            <Empty>Select a candidate, or create one, to see the roles that fit best.</Empty>
          </Panel>
        )}
      </div>
    </div>
  );
}

function CandidateSummary({ candidate, onEdit }: { candidate: Candidate; onEdit: () => void }) {
  const salary = candidate.salaryExpectation;
  return (
    <Panel
      title={candidate.externalRef ?? `Candidate ${candidate.id.slice(0, 8)}`}
      actions={
        <button type="button" className="button-secondary button-small" onClick={onEdit}>
          Edit
        </button>
      }
    >
      <dl className="facts facts-inline">
        <div>
          <dt>Experience</dt>
          <dd>{candidate.yearsExperience === null ? '—' : `${fmt.decimal(candidate.yearsExperience).replace(/[.,]00$/, '')} years`}</dd>
        </div>
        <div>
          <dt>Location</dt>
          <dd>{[candidate.city, candidate.country].filter(Boolean).join(', ') || '—'}</dd>
        </div>
        <div>
          <dt>Work mode</dt>
          <dd>{label(candidate.remotePreference)}</dd>
        </div>
        <div>
          <dt>Wants</dt>
          <dd>{candidate.desiredRoleFamilies.map(label).join(', ') || 'any role'}</dd>
        </div>
        <div>
          <dt>Expects</dt>
          <dd>
            {salary ? `${fmt.money(salary.amount, salary.currency)} / ${salary.period.toLowerCase()}` : '—'}
            {salary?.annualUsd && salary.currency !== 'USD' ? <span className="muted"> ({fmt.usd(salary.annualUsd)} / year)</span> : null}
          </dd>
        </div>
      </dl>
      <ul className="chips" aria-label="Skills">
        {candidate.skills.map((s) => (
          <li key={s.name} className={s.known ? 'chip' : 'chip chip-unknown'} title={s.known ? undefined : 'not in the skill taxonomy: not used for matching'}>
            {s.name}
            {s.proficiency ? <span className="chip-level"> · {s.proficiency}/5</span> : null}
            {!s.known && <span className="sr-only"> (unknown skill, not used)</span>}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function Matches({ candidate }: { candidate: Candidate }) {
  const [requested, setRequested] = useState(false);
  const state = useQuery(() => gql<{ matchRolesForCandidate: RoleMatches }>(MATCH_QUERY, { id: candidate.id }), [candidate.id], requested);
  return (
    <Panel
      title="Best-matching roles"
      actions={
        <button type="button" className="button-primary button-small" onClick={() => (requested ? state.reload() : setRequested(true))} disabled={state.loading}>
          {requested ? 'Match again' : 'Run matching'}
        </button>
      }
    >
      {!requested ? (
        <Empty>Run matching to rank open roles for this candidate, with the reasons for each score.</Empty>
      ) : state.loading && !state.data ? (
        <Loading label="Matching… (the first run after new data also trains the model; it can take a minute)" />
      ) : state.error ? (
        <ErrorMessage error={state.error} onRetry={state.reload} />
      ) : state.data ? (
        <MatchList result={state.data.matchRolesForCandidate} />
      ) : null}
    </Panel>
  );
}

function Fit({ name, value, reason }: { name: string; value: number; reason: string }) {
  const pct = Math.round(value * 100);
  return (
    <div className="fit">
      <span className="fit-name">{name}</span>
      <meter min={0} max={100} low={40} high={70} optimum={100} value={pct} aria-label={`${name} ${pct}%`} />
      <span className="fit-reason">{reason ? label(reason) : `${pct}%`}</span>
    </div>
  );
}

function MatchList({ result }: { result: RoleMatches }) {
  return (
    <>
      <p className="muted small" aria-live="polite">
        {fmt.int(result.scoredPostings)} open roles scored by model v{result.modelVersion}
        {result.modelPromoted ? '' : ' (BM25 baseline: the learned model did not beat it)'}.
        {result.issues.includes('NO_SKILLS') && ' The profile has no known skills, so the ranking rests on location, salary and role only.'}
        {result.unknownSkills.length > 0 && ` Not used (unknown): ${result.unknownSkills.join(', ')}.`}
      </p>
      {result.matches.length === 0 ? (
        <Empty>No open roles to match yet: ingest postings first.</Empty>
      ) : (
        <ol className="matches" aria-label="Ranked roles">
          {result.matches.map((m) => {
            const p = m.posting;
            const e = m.explanation;
            return (
              <li key={p.id} className="match">
                <div className="match-head">
                  <span className="match-rank" aria-label={`Rank ${m.rank}`}>
                    {m.rank}
                  </span>
                  <div className="match-title">
                    <strong>{p.title}</strong>
                    <span className="muted small">
                      {[p.company, [p.city, p.country].filter(Boolean).join(', '), label(p.seniority), label(p.remoteType)].filter((x) => x && x !== '—').join(' · ')}
                      {p.annualUsdMin !== null && ` · ${fmt.usdCompact(p.annualUsdMin)}${p.annualUsdMax !== null && p.annualUsdMax !== p.annualUsdMin ? `–${fmt.usdCompact(p.annualUsdMax)}` : ''} / year`}
                    </span>
                  </div>
                  <span className="match-score" title="match probability from the scoring model">
                    {fmt.percent(m.score)}
                    <span className="sr-only"> match</span>
                  </span>
                </div>
                <div className="match-body">
                  <div className="skills-explained">
                    <SkillLine title="Matched" kind="matched" items={e.matchedSkills} />
                    <SkillLine title="Related" kind="related" items={e.relatedSkills.map((r) => `${r.have} → ${r.for}`)} />
                    <SkillLine title="Missing" kind="missing" items={e.missingSkills} />
                  </div>
                  <div className="fits">
                    <Fit name="Salary" value={e.salaryFit} reason={e.salaryStatus} />
                    <Fit name="Location" value={e.locationFit} reason={e.locationReason} />
                    <Fit name="Seniority" value={e.seniorityFit} reason="" />
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </>
  );
}

function SkillLine({ title, kind, items }: { title: string; kind: 'matched' | 'related' | 'missing'; items: string[] }) {
  return (
    <div className="skill-line">
      <span className="skill-line-title">{title}</span>
      {items.length ? (
        <ul className="chips chips-small" aria-label={`${title} skills`}>
          {items.map((s) => (
            <li key={s} className={`chip chip-${kind}`}>
              {kind === 'matched' && <span aria-hidden="true">✓ </span>}
              {s}
            </li>
          ))}
        </ul>
      ) : (
        <span className="muted small">none</span>
      )}
    </div>
  );
}

interface Draft {
  externalRef: string;
  skills: string;
  yearsExperience: string;
  education: string;
  country: string;
  city: string;
  remotePreference: string;
  desiredRoleFamilies: string[];
  salaryAmount: string;
  salaryCurrency: string;
  salaryPeriod: string;
}

function toDraft(c?: Candidate): Draft {
  return {
    externalRef: c?.externalRef ?? '',
    skills: c?.skills.map((s) => (s.proficiency ? `${s.name}:${s.proficiency}` : s.name)).join(', ') ?? '',
    yearsExperience: c?.yearsExperience?.toString() ?? '',
    education: c?.education ?? '',
    country: c?.country ?? '',
    city: c?.city ?? '',
    remotePreference: c?.remotePreference ?? 'ANY',
    desiredRoleFamilies: c?.desiredRoleFamilies ?? [],
    salaryAmount: c?.salaryExpectation?.amount.toString() ?? '',
    salaryCurrency: c?.salaryExpectation?.currency ?? 'USD',
    salaryPeriod: c?.salaryExpectation?.period ?? 'YEAR',
  };
}

/** "Python:5, PyTorch" → [{ name: "Python", proficiency: 5 }, { name: "PyTorch" }] */
function parseSkills(text: string): Array<{ name: string; proficiency?: number }> {
  return splitList(text).map((item) => {
    const match = /^(.*?):\s*([1-5])$/.exec(item);
    return match ? { name: match[1].trim(), proficiency: Number(match[2]) } : { name: item };
  });
}

function toInput(d: Draft): Record<string, unknown> {
  return {
    externalRef: d.externalRef.trim() || undefined,
    skills: parseSkills(d.skills),
    yearsExperience: d.yearsExperience === '' ? undefined : Number(d.yearsExperience),
    education: d.education || undefined,
    country: d.country.trim().toUpperCase() || undefined,
    city: d.city.trim() || undefined,
    remotePreference: d.remotePreference || undefined,
    desiredRoleFamilies: d.desiredRoleFamilies,
    salaryExpectation: d.salaryAmount ? { amount: Number(d.salaryAmount), currency: d.salaryCurrency.trim().toUpperCase(), period: d.salaryPeriod } : undefined,
  };
}

function CandidateForm({ candidate, onSaved, onCancel }: { candidate?: Candidate; onSaved: (c: Candidate) => void; onCancel: () => void }) {
  const [draft, setDraft] = useState<Draft>(() => toDraft(candidate));
  const [error, setError] = useState<Error>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const input = toInput(draft);
      const saved = candidate
        ? (await gql<{ updateCandidate: Candidate }>(`mutation($id: ID!, $input: CandidateInput!) { updateCandidate(id: $id, input: $input) { ${CANDIDATE_FIELDS} } }`, { id: candidate.id, input })).updateCandidate
        : (await gql<{ createCandidate: Candidate }>(`mutation($input: CandidateInput!) { createCandidate(input: $input) { ${CANDIDATE_FIELDS} } }`, { input })).createCandidate;
      onSaved(saved);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  const toggleRole = (role: string) =>
    set({ desiredRoleFamilies: draft.desiredRoleFamilies.includes(role) ? draft.desiredRoleFamilies.filter((r) => r !== role) : [...draft.desiredRoleFamilies, role] });

  return (
    <Panel title={candidate ? 'Edit candidate' : 'New candidate'}>
      <form className="form-grid" onSubmit={submit}>
        <div className="field">
          <label htmlFor="cand-ref">Reference</label>
          <input id="cand-ref" value={draft.externalRef} onChange={(e) => set({ externalRef: e.target.value })} placeholder="ATS id or name" maxLength={100} />
        </div>
        <div className="field field-span">
          <label htmlFor="cand-skills">Skills</label>
          <input id="cand-skills" value={draft.skills} onChange={(e) => set({ skills: e.target.value })} placeholder="Python:5, PyTorch:4, Kubernetes" aria-describedby="cand-skills-help" />
          <span id="cand-skills-help" className="help">
            Comma separated; add <code>:1</code>–<code>:5</code> for proficiency. Aliases such as “k8s” are understood.
          </span>
        </div>
        <div className="field">
          <label htmlFor="cand-years">Years of experience</label>
          <input id="cand-years" type="number" min={0} max={60} step={0.5} value={draft.yearsExperience} onChange={(e) => set({ yearsExperience: e.target.value })} />
        </div>
        <VocabularySelect id="cand-education" text="Education" value={draft.education} options={EDUCATION_LEVELS} onChange={(v) => set({ education: v })} emptyLabel="Not given" />
        <div className="field">
          <label htmlFor="cand-country">Country</label>
          <input id="cand-country" value={draft.country} onChange={(e) => set({ country: e.target.value })} placeholder="DE" maxLength={2} pattern="[A-Za-z]{2}" title="ISO two-letter country code, e.g. DE" />
        </div>
        <div className="field">
          <label htmlFor="cand-city">City</label>
          <input id="cand-city" value={draft.city} onChange={(e) => set({ city: e.target.value })} maxLength={100} />
        </div>
        <VocabularySelect id="cand-remote" text="Work mode" value={draft.remotePreference} options={REMOTE_PREFERENCES} onChange={(v) => set({ remotePreference: v })} />
        <div className="field">
          <label htmlFor="cand-salary">Salary expectation</label>
          <div className="input-group">
            <input id="cand-salary" type="number" min={1} step="any" value={draft.salaryAmount} onChange={(e) => set({ salaryAmount: e.target.value })} />
            <input aria-label="Currency" className="input-currency" value={draft.salaryCurrency} onChange={(e) => set({ salaryCurrency: e.target.value })} maxLength={3} />
            <select aria-label="Pay period" value={draft.salaryPeriod} onChange={(e) => set({ salaryPeriod: e.target.value })}>
              {PAY_PERIODS.map((p) => (
                <option key={p} value={p}>
                  per {p.toLowerCase()}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="field-span checkbox-group">
          <legend>Desired role families</legend>
          {ROLE_FAMILIES.map((r) => (
            <label key={r} className="checkbox">
              <input type="checkbox" checked={draft.desiredRoleFamilies.includes(r)} onChange={() => toggleRole(r)} />
              {label(r)}
            </label>
          ))}
        </fieldset>
        {error && (
          <div className="field-span">
            <ErrorMessage error={error} />
          </div>
        )}
        <div className="form-actions field-span">
          <button type="submit" className="button-primary" disabled={busy}>
            {busy ? 'Saving…' : candidate ? 'Save changes' : 'Create candidate'}
          </button>
          <button type="button" className="button-secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </Panel>
  );
}
