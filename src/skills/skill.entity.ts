import { Column, Entity, OneToMany, PrimaryGeneratedColumn, ManyToOne, JoinColumn } from 'typeorm';
import { SkillCategory } from '../common/market.enums';

@Entity({ name: 'skills' })
export class SkillEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ type: 'text', unique: true }) name: string;
  @Column({ type: 'text' }) category: SkillCategory;
  @OneToMany(() => SkillAliasEntity, (alias) => alias.skill) aliases: SkillAliasEntity[];
}

@Entity({ name: 'skill_aliases' })
export class SkillAliasEntity {
  @PrimaryGeneratedColumn() id: number;
  @Column({ name: 'skill_id', type: 'int' }) skillId: number;
  @Column({ type: 'text', unique: true }) alias: string;
  @ManyToOne(() => SkillEntity, (skill) => skill.aliases, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'skill_id' })
  skill: SkillEntity;
}
