import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ApiRole } from './role.enum';

@ObjectType('ApiKey')
export class ApiKeyModel {
  @Field(() => ID) id: string;
  @Field() name: string;
  @Field(() => ApiRole) role: ApiRole;
  @Field(() => ID) organizationId: string;
  @Field() organizationName: string;
  @Field({ description: 'first characters of the key, to recognise it' }) keyPrefix: string;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) lastUsedAt: Date | null;
  @Field(() => Date, { nullable: true }) revokedAt: Date | null;
}

@ObjectType()
export class CreatedApiKey {
  @Field({ description: 'the key itself, shown only this once' }) key: string;
  @Field(() => ApiKeyModel) apiKey: ApiKeyModel;
}

@ObjectType()
export class Me {
  @Field(() => ID) apiKeyId: string;
  @Field(() => ApiRole) role: ApiRole;
  @Field(() => ID) organizationId: string;
  @Field() organizationName: string;
}
