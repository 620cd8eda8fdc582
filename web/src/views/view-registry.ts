import { ComponentType } from 'react';
import { can, Role } from '../session';
import { CandidatesView } from './candidates-view';
import { ForecastsView } from './forecasts-view';
import { IngestionView } from './ingestion-view';
import { MarketView } from './market-view';
import { ReportsView } from './reports-view';

export type ViewId = 'market' | 'forecasts' | 'candidates' | 'reports' | 'ingestion';

export const VIEWS: Array<{ id: ViewId; title: string; component: ComponentType; allowed: (role: Role) => boolean }> = [
  { id: 'market', title: 'Market', component: MarketView, allowed: () => true },
  { id: 'forecasts', title: 'Forecasts', component: ForecastsView, allowed: () => true },
  { id: 'candidates', title: 'Candidates', component: CandidatesView, allowed: can.candidates },
  { id: 'reports', title: 'Reports', component: ReportsView, allowed: can.reports },
  { id: 'ingestion', title: 'Ingestion', component: IngestionView, allowed: can.ingest },
];
