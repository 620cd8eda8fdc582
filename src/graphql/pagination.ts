import { Type } from '@nestjs/common';
import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DomainErrorKind, DomainException } from '../common/domain.exception';

export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20, description: `page size, at most ${MAX_PAGE_SIZE}` })
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  after?: string;
}

export interface Connection<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  totalCount: number;
}

/** Relay connection type for a node type: `edges { cursor node }`, `pageInfo`, `totalCount`. */
export function ConnectionType<T>(node: Type<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field() cursor: string;
    @Field(() => node) node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass {
    @Field(() => [Edge]) edges: Edge[];
    @Field(() => PageInfo) pageInfo: PageInfo;
    @Field(() => Int) totalCount: number;
  }
  return ConnectionClass;
}

export function encodeCursor(parts: Array<string | number>): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

export class InvalidCursorException extends DomainException {
  readonly kind: DomainErrorKind = 'BAD_USER_INPUT';
  readonly code = 'INVALID_CURSOR';
}

/** A cursor we did not issue is the caller's error, not a silent first page. */
export function decodeCursor(cursor: string | undefined): Array<string | number> | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  if (!Array.isArray(parts) || parts.length === 0 || !parts.every((p) => typeof p === 'string' || typeof p === 'number')) {
    throw new InvalidCursorException(`invalid cursor "${String(cursor).slice(0, 40)}": pass an endCursor from a previous page`);
  }
  return parts;
}

/** Build a connection from `first + 1` fetched rows (the extra row tells whether there is a next page). */
export function toConnection<R, T>(rows: R[], first: number, totalCount: number, cursorOf: (row: R) => string, map: (row: R) => T): Connection<T> {
  const page = rows.slice(0, first);
  return {
    edges: page.map((row) => ({ cursor: cursorOf(row), node: map(row) })),
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.length ? cursorOf(page[page.length - 1]) : null },
    totalCount,
  };
}
