import { label } from '../vocabulary';

/**
 * A labelled select over API enum values, shown with their readable labels. `emptyLabel` adds a first
 * option with value "" (e.g. "All" in a filter, "Not given" for an optional field).
 */
export function VocabularySelect({ id, text, value, options, onChange, emptyLabel }: { id: string; text: string; value: string; options: readonly string[]; onChange: (v: string) => void; emptyLabel?: string }) {
  return (
    <div className="field">
      <label htmlFor={id}>{text}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((o) => (
          <option key={o} value={o}>
            {label(o)}
          </option>
        ))}
      </select>
    </div>
  );
}
