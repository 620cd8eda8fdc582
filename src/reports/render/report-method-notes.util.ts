import { ANNUALISATION_FACTORS, PayPeriod } from '../../common/market.enums';
import { ReportDocument } from './report-document.types';

/** The factors the salary normaliser applies, so the printed note cannot drift from the code. */
export function annualisationNote(): string {
  const f = ANNUALISATION_FACTORS;
  const n = (v: number) => v.toLocaleString('en-US');
  return (
    `Annualisation: hourly pay × ${n(f[PayPeriod.HOUR])}, daily × ${n(f[PayPeriod.DAY])}, weekly × ${n(f[PayPeriod.WEEK])}, ` +
    `monthly × ${n(f[PayPeriod.MONTH])} (a 40-hour week, 260 working days and 52 weeks a year).`
  );
}

/** Printed under "Method notes" in every format: annualisation first, then the document's own notes. */
export function reportMethodNotes(doc: ReportDocument): string[] {
  return [annualisationNote(), ...doc.methodNotes];
}
