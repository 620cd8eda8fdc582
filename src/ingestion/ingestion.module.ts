import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { diskStorage } from 'multer';
import { mkdirSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { extname, resolve } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { OccupationsModule } from '../occupations/occupations.module';
import { SkillsModule } from '../skills/skills.module';
import { IngestionErrorEntity, IngestionRunEntity } from './ingestion-run.entity';
import { IngestionController } from './ingestion.controller';
import { IngestionResolver } from './ingestion.resolver';
import { IngestionRunnerService } from './ingestion-runner.service';
import { IngestionService } from './ingestion.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([IngestionRunEntity, IngestionErrorEntity]),
    SkillsModule,
    OccupationsModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const destination = resolve(config.dataDir, 'uploads');
        mkdirSync(destination, { recursive: true });
        return {
          storage: diskStorage({
            destination,
            filename: (_req, file, done) => done(null, `${randomUUID()}${extname(file.originalname).slice(0, 10)}`),
          }),
          limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10, fieldSize: 1 << 20 },
        };
      },
    }),
  ],
  controllers: [IngestionController],
  providers: [IngestionService, IngestionResolver, IngestionRunnerService],
  exports: [IngestionService, IngestionRunnerService],
})
export class IngestionModule {}
