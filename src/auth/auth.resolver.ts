import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { NotFoundException } from '@nestjs/common';
import { ApiKeyModel, CreatedApiKey, Me } from './api-key.model';
import { ApiKeysService } from './api-keys.service';
import { CurrentPrincipal, Roles } from './auth.decorators';
import { CreateApiKeyInput } from './dto/create-api-key.input';
import { ApiRole, Principal } from './role.enum';

@Resolver()
export class AuthResolver {
  constructor(private readonly keys: ApiKeysService) {}

  @Query(() => Me, { description: 'Who the API key belongs to.' })
  async me(@CurrentPrincipal() principal: Principal): Promise<Me> {
    const key = await this.keys.find(principal.apiKeyId);
    return { apiKeyId: principal.apiKeyId, role: principal.role, organizationId: principal.organizationId, organizationName: key?.organizationName ?? '' };
  }

  @Roles(ApiRole.ADMIN)
  @Query(() => [ApiKeyModel])
  apiKeys(): Promise<ApiKeyModel[]> {
    return this.keys.list();
  }

  @Roles(ApiRole.ADMIN)
  @Mutation(() => CreatedApiKey, { description: 'Create a key for an organization and role. The key is returned once.' })
  async createApiKey(@Args('input') input: CreateApiKeyInput, @CurrentPrincipal() principal: Principal): Promise<CreatedApiKey> {
    const organizationId = input.organization ? await this.keys.organizationId(input.organization) : principal.organizationId;
    const { key, record } = await this.keys.create({ organizationId, name: input.name, role: input.role, createdBy: principal.apiKeyId });
    return { key, apiKey: record };
  }

  @Roles(ApiRole.ADMIN)
  @Mutation(() => ApiKeyModel)
  async revokeApiKey(@Args('id', { type: () => ID }) id: string): Promise<ApiKeyModel> {
    const record = /^[0-9a-f-]{36}$/i.test(id) ? await this.keys.revoke(id) : null;
    if (!record) throw new NotFoundException(`API key ${id} not found`);
    return record;
  }
}
