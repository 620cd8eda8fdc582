import { isTransientDatabaseError } from './transient-database-error.util';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe('isTransientDatabaseError', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connection dropped mid-query', new Error('Connection terminated unexpectedly')],
    ['a client whose connection died', new Error('Client has encountered a connection error and is not queryable')],
    ['a server shutting down', withCode('terminating connection due to administrator command', '57P01')],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['a connection-exception class SQLSTATE', withCode('connection failure', '08006')],
    ['a deadlock', withCode('deadlock detected', '40P01')],
    ['a TypeORM-wrapped dropped connection', Object.assign(new Error('Query failed'), { driverError: new Error('Connection terminated unexpectedly') })],
  ])('retries %s', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['a syntax error', withCode('syntax error at or near "SELEC"', '42601')],
    ['a missing table', withCode('relation "nope" does not exist', '42P01')],
    ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['nothing at all', undefined],
  ])('does not retry %s', (_, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });
});
