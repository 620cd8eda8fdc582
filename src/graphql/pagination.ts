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

/** What each position of a cursor holds, so a forged cursor fails here and not as an SQL cast error. */
export type CursorPart = 'timestamp' | 'uuid' | 'int32' | 'bigint';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

function isPart(value: string | number, part: CursorPart): boolean {
  const text = String(value);
  switch (part) {
    case 'uuid':
      return UUID.test(text);
    case 'int32':
      return /^\d{1,10}$/.test(text) && Number(text) <= 2_147_483_647;
    case 'bigint':
      return /^\d{1,18}$/.test(text);
    case 'timestamp': {
      const match = TIMESTAMP.exec(text);
      if (!match) return false;
      const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
      const date = new Date(Date.UTC(year, month - 1, day));
      return year >= 1 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    }
  }
}

/** A cursor we did not issue is the caller's error, not a silent first page. */
export function decodeCursor(cursor: string | undefined, shape?: CursorPart[]): Array<string | number> | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parts = undefined;
  }
  const valid =
    Array.isArray(parts) &&
    parts.length > 0 &&
    parts.every((p) => typeof p === 'string' || typeof p === 'number') &&
    (!shape || (parts.length === shape.length && shape.every((part, i) => isPart(parts[i], part))));
  if (!valid) {
    throw new InvalidCursorException(`invalid cursor "${String(cursor).slice(0, 40)}": pass an endCursor from a previous page`);
  }
  return parts as Array<string | number>;
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
