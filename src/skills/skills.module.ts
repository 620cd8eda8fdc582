import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SkillAliasEntity, SkillEntity } from './skill.entity';
import { SkillTaxonomyService } from './skill-taxonomy.service';

@Module({
  imports: [TypeOrmModule.forFeature([SkillEntity, SkillAliasEntity])],
  providers: [SkillTaxonomyService],
  exports: [SkillTaxonomyService],
})
export class SkillsModule {}
