import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { RequestIdMiddleware } from '../common/request-id.middleware';
import { formatGraphqlError } from './graphql-error.formatter';

describe('formatGraphqlError', () => {
  const inRequest = <T>(id: string, fn: () => T): T => {
    let result!: T;
    new RequestIdMiddleware().use({ headers: { 'x-request-id': id } } as never, { setHeader: () => undefined } as never, () => (result = fn()));
    return result;
  };

  it('masks an SQL error, logs it under the request id without its values, and returns that id', () => {
    const sqlError = Object.assign(new Error('duplicate key value violates unique constraint "x" Key (external_ref)=(jane@example.test)'), {
      name: 'QueryFailedError',
      parameters: ['jane@example.test'],
      driverError: { code: '23505', routine: '_bt_check_unique' },
    });
    const error = new GraphQLError(sqlError.message, { path: ['createCandidate'], originalError: sqlError });
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const formatted = inRequest('req-12345678', () => formatGraphqlError({ message: error.message, path: ['createCandidate'] }, error));
    const line = logged.mock.calls.map((args) => args.join(' ')).join('\n');
    logged.mockRestore();

    expect(formatted).toEqual({
      message: 'Internal server error (request id req-12345678)',
      path: ['createCandidate'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', requestId: 'req-12345678' },
    });
    expect(line).toContain('[req-12345678] QueryFailedError (SQLSTATE 23505, _bt_check_unique)');
    expect(line).not.toContain('jane@example.test');
  });

  it('treats code-less request errors from graphql-js as the caller’s', () => {
    const error = new GraphQLError('Too many errors processing variables, error limit reached. Execution aborted.');
    const formatted = inRequest('req-abcdefgh', () => formatGraphqlError({ message: error.message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, error));
    expect(formatted.extensions).toEqual({ code: 'BAD_REQUEST', requestId: 'req-abcdefgh' });
  });

  it('answers an exhausted connection pool as SERVICE_UNAVAILABLE with a message to retry, not as an internal error', () => {
    const cause = new Error('timeout exceeded when trying to connect');
    const error = new GraphQLError(cause.message, { path: ['marketSummary'], originalError: cause });
    const warned = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const formatted = inRequest('req-busy0001', () => formatGraphqlError({ message: error.message, path: ['marketSummary'] }, error));
    warned.mockRestore();
    expect(formatted).toEqual({
      message: 'the database is busy (every connection is in use); retry shortly',
      path: ['marketSummary'],
      extensions: { code: 'SERVICE_UNAVAILABLE', requestId: 'req-busy0001' },
    });
  });
});
