import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { DatabaseModule } from './database/database.module';
import { ForecastProcessor } from './forecasting/forecast.processor';
import { ForecastSeriesService } from './forecasting/forecast-series.service';
import { ForecastTrainerService } from './forecasting/forecast-trainer.service';
import { MatchTrainerService } from './matching/match-trainer.service';
import { MatchTrainingProcessor } from './matching/match-training.processor';
import { MlModule } from './ml/ml.module';
import { SkillsModule } from './skills/skills.module';

/**
 * What a training child process needs: config, the database, the model registry and the trainers.
 * Deliberately not the domain modules, which bring resolvers, schedulers and the queues.
 */
@Module({})
export class TrainingSandboxModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: TrainingSandboxModule,
      imports: [AppConfigModule.forRoot(config), DatabaseModule, MlModule, SkillsModule],
      providers: [ForecastSeriesService, ForecastTrainerService, ForecastProcessor, MatchTrainerService, MatchTrainingProcessor],
    };
  }
}
