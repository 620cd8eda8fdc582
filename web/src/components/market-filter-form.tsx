import { FormEvent, useState } from 'react';
import { INDUSTRIES, REGIONS, ROLE_FAMILIES, SENIORITIES, splitList } from '../vocabulary';
import { VocabularySelect } from './vocabulary-select';

/** The API's MarketFilter input, as far as the dashboard sets it. */
export interface MarketFilter {
  from?: string;
  to?: string;
  roleFamilies?: string[];
  seniorities?: string[];
  regions?: string[];
  countries?: string[];
  industries?: string[];
  skills?: string[];
  skillMatch?: 'ALL' | 'ANY';
}

interface Draft {
  from: string;
  to: string;
  roleFamily: string;
  seniority: string;
  region: string;
  countries: string;
  industry: string;
  skills: string;
  skillMatch: 'ALL' | 'ANY';
}

const EMPTY: Draft = { from: '', to: '', roleFamily: '', seniority: '', region: '', countries: '', industry: '', skills: '', skillMatch: 'ALL' };

export function toFilter(d: Draft): MarketFilter {
  const filter: MarketFilter = {};
  if (d.from) filter.from = d.from;
  if (d.to) filter.to = d.to;
  if (d.roleFamily) filter.roleFamilies = [d.roleFamily];
  if (d.seniority) filter.seniorities = [d.seniority];
  if (d.region) filter.regions = [d.region];
  if (d.industry) filter.industries = [d.industry];
  const countries = splitList(d.countries).map((c) => c.toUpperCase());
  if (countries.length) filter.countries = countries;
  const skills = splitList(d.skills);
  if (skills.length) {
    filter.skills = skills;
    filter.skillMatch = d.skillMatch;
  }
  return filter;
}

/** Filters are applied on submit, so typing does not fire a query per keystroke. */
export function MarketFilterForm({ idPrefix, onApply, compact, submitLabel = 'Apply filters' }: { idPrefix: string; onApply: (filter: MarketFilter) => void; compact?: boolean; submitLabel?: string }) {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const id = (name: string) => `${idPrefix}-${name}`;

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(toFilter(draft));
  }

  function reset() {
    setDraft(EMPTY);
    onApply({});
  }

  const invalidRange = Boolean(draft.from && draft.to && draft.from > draft.to);
  return (
    <form className={compact ? 'filters filters-compact' : 'filters'} onSubmit={submit} aria-label="Market filters">
      <div className="field">
        <label htmlFor={id('from')}>From</label>
        <input id={id('from')} type="date" value={draft.from} max={draft.to || undefined} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field">
        <label htmlFor={id('to')}>To</label>
        <input id={id('to')} type="date" value={draft.to} min={draft.from || undefined} onChange={(e) => set({ to: e.target.value })} aria-invalid={invalidRange} />
      </div>
      <VocabularySelect id={id('role')} text="Role family" value={draft.roleFamily} options={ROLE_FAMILIES} onChange={(v) => set({ roleFamily: v })} emptyLabel="All" />
      <VocabularySelect id={id('seniority')} text="Seniority" value={draft.seniority} options={SENIORITIES} onChange={(v) => set({ seniority: v })} emptyLabel="All" />
      <VocabularySelect id={id('region')} text="Region" value={draft.region} options={REGIONS} onChange={(v) => set({ region: v })} emptyLabel="All" />
      {!compact && (
        <div className="field field-narrow">
          <label htmlFor={id('countries')}>Countries</label>
          <input id={id('countries')} placeholder="US, DE" value={draft.countries} onChange={(e) => set({ countries: e.target.value })} aria-describedby={id('countries-help')} />
          <span id={id('countries-help')} className="sr-only">ISO country codes, comma separated</span>
        </div>
      )}
      <VocabularySelect id={id('industry')} text="Industry" value={draft.industry} options={INDUSTRIES} onChange={(v) => set({ industry: v })} emptyLabel="All" />
      {!compact && (
        <div className="field field-wide">
          <label htmlFor={id('skills')}>Skills</label>
          <div className="input-group">
            <input id={id('skills')} placeholder="PyTorch, Kubernetes" value={draft.skills} onChange={(e) => set({ skills: e.target.value })} />
            <select aria-label="Skill match" value={draft.skillMatch} onChange={(e) => set({ skillMatch: e.target.value as 'ALL' | 'ANY' })}>
              <option value="ALL">all of</option>
              <option value="ANY">any of</option>
            </select>
          </div>
        </div>
      )}
      <div className="filter-actions">
        <button type="submit" className="button-primary" disabled={invalidRange}>
          {submitLabel}
        </button>
        <button type="button" className="button-secondary" onClick={reset}>
          Reset
        </button>
      </div>
      {invalidRange && (
        <p className="form-error" role="alert">
          “From” must be on or before “To”.
        </p>
      )}
    </form>
  );
}
