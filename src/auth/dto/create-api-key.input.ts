import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, Length, Matches } from 'class-validator';
import { ApiRole } from '../role.enum';

@InputType()
export class CreateApiKeyInput {
  @Field() @IsString() @Length(1, 100) name: string;
  @Field(() => ApiRole) @IsEnum(ApiRole) role: ApiRole;

  @Field({ nullable: true, description: "organization name; created if new. Default: the caller's organization" })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  @Matches(/^[\w .,&'-]+$/, { message: 'organization may hold letters, digits, spaces and . , & \' - _' })
  organization?: string;
}
