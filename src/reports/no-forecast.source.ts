import { Injectable } from '@nestjs/common';
import { EmergingSkillsSource } from './report-builder.service';

/** Until a forecast model is promoted, reports say there is none. Replaced by forecasting's source. */
@Injectable()
export class NoForecastSource implements EmergingSkillsSource {
  async emergingSkills() {
    return { model: null, skills: [] };
  }
}
